/**
 * Background Sync in the service worker (tag "outbox"): when a connection returns, an open page is
 * told to flush (its live queries then see the change); with no page open, the worker flushes the
 * same outboxes itself — the same engine (sync/engine.ts) and the same kinds as the page, on plain
 * IndexedDB (db/outbox-idb.ts), so neither Dexie nor zod comes into the worker.
 */
/// <reference lib="webworker" />
import { workerJoinQueue, workerRemovalQueue, workerResponseQueue } from "../db/outbox-idb";
import { joinKind } from "../local/send-join";
import { removalKind } from "../notices/send-removal";
import { responseKind } from "../surveys/send";
import { createOutbox, flushMessage } from "../sync/engine";

declare const self: ServiceWorkerGlobalScope;

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

const outboxes = [
  createOutbox({ ...responseKind, store: workerResponseQueue }),
  createOutbox({ ...joinKind, store: workerJoinQueue }),
  createOutbox({ ...removalKind, store: workerRemovalQueue }),
];

async function syncOutboxes(): Promise<void> {
  const pages = await self.clients.matchAll({ type: "window" });
  if (pages.length > 0) {
    for (const page of pages) page.postMessage({ type: flushMessage });
    return;
  }
  const waiting = await Promise.all(outboxes.map((outbox) => outbox.flush()));
  // Still no connection: throwing asks the browser to retry the sync later.
  if (waiting.some(Boolean)) throw new Error("outbox: no connection yet");
}

export function handleBackgroundSync(): void {
  self.addEventListener("sync", (event) => {
    const sync = event as SyncEvent;
    if (sync.tag === "outbox") sync.waitUntil(syncOutboxes());
  });
}
