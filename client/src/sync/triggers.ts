/**
 * When the page flushes its outboxes: at start, when the connection returns (`online`), when the app
 * is shown again, when the service worker asks (its Background Sync found a page open), and right
 * after something is queued (`sendSoon`, which also asks the worker for a Background Sync, so it goes
 * out even if the app is closed before the connection returns).
 */
import { flushMessage, type Outbox } from "./engine";

/** Asks the service worker to flush when a connection returns, even if the app is closed by then. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as
      | (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
      | undefined;
    await registration?.sync?.register("outbox");
  } catch {
    // Not supported or not permitted: the page's own triggers still send.
  }
}

/** Sends a just-queued item now, and asks for a Background Sync in case that finds no connection. */
export function sendSoon(outbox: Outbox): Promise<boolean> {
  void requestBackgroundSync();
  return outbox.flush().catch(() => true);
}

/** The page's triggers, for every outbox; started once at boot. */
export function startSync(outboxes: readonly Outbox[]): void {
  const flush = () => {
    for (const outbox of outboxes) void outbox.flush().catch(() => undefined);
  };
  flush();
  window.addEventListener("online", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") flush();
  });
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if ((event.data as { type?: string } | null)?.type === flushMessage) flush();
  });
}
