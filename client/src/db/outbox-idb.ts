/**
 * The outboxes as the service worker sees them: plain IndexedDB on the same "machikoe" database
 * that Dexie defines (database.ts), so a Background Sync can send while no page is open — without
 * putting Dexie into the worker. Records get a structural check here, not the zod schema: zod would
 * weigh about 9 kB (gzip) in the worker every resident downloads, and what the worker does with a
 * record is send its payload, which the server validates in full. The page re-parses with the schema.
 */
import type { Queued, QueueStore } from "../sync/engine";
import type { JoinOutboxItem } from "./join-schemas";
import { done, openExisting } from "./raw-idb";
import type { OutboxItem, PushRemovalItem } from "./schemas";

type Stored = Queued & { queuedAt: number; payload: Record<string, unknown> };

/** Enough of an item to send it and settle it: an id, a waiting state, a payload that names the same id. */
function waitingItem(value: unknown, payloadKey: "id" | "endpoint"): value is Stored {
  const item = value as Partial<Stored> | null;
  return (
    typeof item === "object" &&
    item !== null &&
    typeof item.id === "string" &&
    item.state === "pending" &&
    typeof item.attempts === "number" &&
    typeof item.payload === "object" &&
    item.payload !== null &&
    item.payload[payloadKey] === item.id
  );
}

function workerQueue<Item extends Stored>(store: string, isItem: (value: unknown) => value is Item): QueueStore<Item> {
  return {
    async waiting() {
      const database = await openExisting().catch(() => null);
      if (!database) return []; // no page has made the database yet: nothing waits
      try {
        if (!database.objectStoreNames.contains(store)) return [];
        const rows = await done(database.transaction(store).objectStore(store).getAll());
        return rows.filter(isItem).sort((a, b) => a.queuedAt - b.queuedAt);
      } finally {
        database.close();
      }
    },
    // Only an item still waiting changes: a page may have sent it meanwhile.
    async update(id, change) {
      const database = await openExisting();
      try {
        const objects = database.transaction(store, "readwrite").objectStore(store);
        const item: unknown = await done(objects.get(id));
        if (!isItem(item)) return;
        const next = change(item);
        if (next) await done(objects.put(next));
        else await done(objects.delete(id));
      } finally {
        database.close();
      }
    },
  };
}

const isResponse = (v: unknown): v is OutboxItem & Stored => waitingItem(v, "id") && typeof (v as OutboxItem).surveyId === "string";
const isJoin = (v: unknown): v is JoinOutboxItem & Stored =>
  waitingItem(v, "id") && typeof (v as JoinOutboxItem).associationId === "string";
const isRemoval = (v: unknown): v is PushRemovalItem & Stored => waitingItem(v, "endpoint");

export const workerResponseQueue = workerQueue("outbox", isResponse);
export const workerJoinQueue = workerQueue("joinOutbox", isJoin);
export const workerRemovalQueue = workerQueue("pushRemovals", isRemoval);
