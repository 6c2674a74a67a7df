/**
 * The outbox as the service worker sees it: plain IndexedDB on the same "machikoe" database that
 * Dexie (db/index.ts) defines, so a Background Sync can send while no page is open — without
 * putting Dexie into the worker. Records get a structural check here, not the zod schema: zod would
 * weigh about 9 kB (gzip) in the worker every resident downloads, and what the worker does with a
 * record is send its payload, which the server validates in full. The page re-parses with the schema.
 */
import { done, openExisting as open } from "./raw-idb";
import type { OutboxItem } from "./schemas";

/** Enough of an outbox item to send it and mark it: ids, a payload object, a known state. */
function isPendingItem(value: unknown): value is OutboxItem {
  const item = value as Partial<OutboxItem> | null;
  return (
    typeof item === "object" &&
    item !== null &&
    typeof item.id === "string" &&
    typeof item.surveyId === "string" &&
    typeof item.payload === "object" &&
    item.payload !== null &&
    item.payload.id === item.id &&
    typeof item.attempts === "number" &&
    item.state === "pending"
  );
}

export async function pendingInWorker(): Promise<OutboxItem[]> {
  const database = await open();
  try {
    if (!database.objectStoreNames.contains("outbox")) return [];
    const rows = await done(database.transaction("outbox").objectStore("outbox").getAll());
    return rows.filter(isPendingItem);
  } finally {
    database.close();
  }
}

/** Changes one item, if it is still waiting (a page may have sent it meanwhile). */
export async function updateInWorker(id: string, change: (item: OutboxItem) => OutboxItem): Promise<void> {
  const database = await open();
  try {
    const store = database.transaction("outbox", "readwrite").objectStore("outbox");
    const item: unknown = await done(store.get(id));
    if (isPendingItem(item)) await done(store.put(change(item)));
  } finally {
    database.close();
  }
}
