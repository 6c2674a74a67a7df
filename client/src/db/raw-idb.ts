/**
 * Plain IndexedDB on the app's "machikoe" database, for the service worker, which reads and writes
 * a few stores without Dexie (the page's Dexie schema in database.ts owns the database's shape).
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

/** A read on one store, or `none` when the database or the store does not exist (yet). */
async function read<T>(store: string, request: (objects: IDBObjectStore) => IDBRequest<T>, none: T): Promise<T> {
  const database = await openExisting().catch(() => null);
  if (!database) return none;
  try {
    if (!database.objectStoreNames.contains(store)) return none;
    return await done(request(database.transaction(store).objectStore(store)));
  } finally {
    database.close();
  }
}

/** Every record of a store. */
export const readAll = (store: string): Promise<unknown[]> => read(store, (objects) => objects.getAll(), []);

/** One record by its key, or undefined. */
export const readOne = (store: string, key: string): Promise<unknown> => read<unknown>(store, (objects) => objects.get(key), undefined);
