/**
 * Plain IndexedDB on the app's "machikoe" database, for the service worker, which reads and writes
 * a few stores without Dexie (the page's Dexie schema in db/index.ts owns the database's shape).
 */

/** Opens the database as the page made it; never creates or upgrades it. */
export function openExisting(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("machikoe");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      reject(new Error("no database yet"));
    };
  });
}

export function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Every record of a store, or none when the store does not exist (yet). */
export async function readAll(store: string): Promise<unknown[]> {
  const database = await openExisting().catch(() => null);
  if (!database) return [];
  try {
    if (!database.objectStoreNames.contains(store)) return [];
    return await done(database.transaction(store).objectStore(store).getAll());
  } finally {
    database.close();
  }
}
