/**
 * The outbox as the service worker sees it: plain IndexedDB on the same "machikoe" database that
 * Dexie (db/index.ts) defines, so a Background Sync can send while no page is open — without
 * putting Dexie into the worker. Records are re-checked with the same schema as on the page.
 */
import { OutboxItem } from "./schemas";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("machikoe");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    // Never create the database here: only the page's Dexie schema does.
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      reject(new Error("no outbox yet"));
    };
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function pendingInWorker(): Promise<OutboxItem[]> {
  const database = await open();
  try {
    if (!database.objectStoreNames.contains("outbox")) return [];
    const rows = await done(database.transaction("outbox").objectStore("outbox").getAll());
    return rows.flatMap((row) => {
      const parsed = OutboxItem.safeParse(row);
      return parsed.success && parsed.data.state === "pending" ? [parsed.data] : [];
    });
  } finally {
    database.close();
  }
}

/** Changes one item, if it is still waiting (a page may have sent it meanwhile). */
export async function updateInWorker(id: string, change: (item: OutboxItem) => OutboxItem): Promise<void> {
  const database = await open();
  try {
    const store = database.transaction("outbox", "readwrite").objectStore("outbox");
    const parsed = OutboxItem.safeParse(await done(store.get(id)));
    if (parsed.success && parsed.data.state === "pending") await done(store.put(change(parsed.data)));
  } finally {
    database.close();
  }
}
