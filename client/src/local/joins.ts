/**
 * 町会 join requests on their way, like survey responses: each keeps its id until the server has
 * acknowledged it (a repeat gets the first receipt), and is sent at start, on reconnect, when the
 * app is shown again, and right after it is queued.
 */
import { liveQuery } from "dexie";
import { useEffect, useState } from "react";
import { api } from "../app/api";
import { type JoinOutboxItem, joinOutboxItems, updateJoin } from "../db";

let flushing: Promise<void> | null = null;

export function flushJoins(): Promise<void> {
  flushing ??= (async () => {
    try {
      const run = async () => {
        for (const item of await joinOutboxItems()) {
          if (item.state !== "pending") continue;
          try {
            const response = await api.api.associations[":id"]["join-requests"].$post({
              param: { id: item.associationId },
              json: item.payload,
            });
            const status: number = response.status;
            if (response.status === 201) await updateJoin(item.id, { state: "sent", receipt: await response.json() });
            else if (status === 408 || status === 429 || status >= 500) break;
            else {
              const body = (await (response as Response).json().catch(() => null)) as { error?: { code?: string } } | null;
              await updateJoin(item.id, { state: "attention", errorCode: body?.error?.code ?? "internal.error" });
            }
          } catch {
            await updateJoin(item.id, { attempts: item.attempts + 1 });
            break; // no connection: the rest would fail the same way
          }
        }
      };
      if ("locks" in navigator) await navigator.locks.request("machikoe-joins", run);
      else await run();
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

export function startJoinSync(): void {
  const flush = () => void flushJoins();
  flush();
  window.addEventListener("online", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") flush();
  });
}

export function useJoins(): JoinOutboxItem[] | null {
  const [items, setItems] = useState<JoinOutboxItem[] | null>(null);
  useEffect(() => {
    const subscription = liveQuery(joinOutboxItems).subscribe({ next: setItems, error: () => setItems([]) });
    return () => subscription.unsubscribe();
  }, []);
  return items;
}
