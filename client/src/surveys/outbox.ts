/**
 * Sending the outbox. Every queued response is sent with its own id until the server answers for
 * it: a receipt (stored, or stored before — the server never counts an id twice) or a refusal,
 * which stays on the device under "needs attention" with its reason. Network errors, 5xx, 408 and
 * 429 leave the item waiting (送信待ち) for the next try: at start, on `online`, when the app becomes
 * visible, after queueing, and from the service worker's Background Sync.
 */
import { liveQuery } from "dexie";
import { useEffect, useState } from "react";
import { markAttempt, markAttention, markSent, type OutboxItem, outboxItems, pendingOutbox } from "../db";
import { sendOne } from "./send";

let flushing: Promise<void> | null = null;

/** Sends what waits. One flush at a time in this tab, and one across tabs where the browser has Web Locks. */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    try {
      const run = async () => {
        for (const item of await pendingOutbox()) {
          const outcome = await sendOne(item);
          if (outcome.kind === "sent") await markSent(item.id, outcome.receipt);
          else if (outcome.kind === "refused") await markAttention(item.id, outcome.code, outcome.issues);
          else {
            await markAttempt(item.id);
            break; // no connection: the rest would fail the same way
          }
        }
      };
      if ("locks" in navigator) await navigator.locks.request("machikoe-outbox", run);
      else await run();
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Asks the service worker to send when a connection returns, even if the app is closed by then. */
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

/** The page's triggers: now, on reconnect, when shown again, and when the service worker asks. */
export function startOutboxSync(): void {
  const flush = () => void flushOutbox();
  flush();
  window.addEventListener("online", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") flush();
  });
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if ((event.data as { type?: string } | null)?.type === "flush-outbox") flush();
  });
}

/** The outbox as live React state, updated when any tab (or the service worker) changes it. */
export function useOutbox(): OutboxItem[] | null {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  useEffect(() => {
    const subscription = liveQuery(outboxItems).subscribe({ next: setItems, error: () => setItems([]) });
    return () => subscription.unsubscribe();
  }, []);
  return items;
}
