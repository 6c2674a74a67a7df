/**
 * 「この端末のデータをすべて削除」 on the device: every IndexedDB database of this origin (Dexie's
 * "machikoe" and any other), every Cache Storage cache the service worker fills, and local storage.
 * What still waits to be sent is counted first, so the resident is warned before it goes.
 */
import { db } from "./database";
import { queueRemoval } from "./notices";
import type { PushRemovalItem } from "./schemas";

export interface Unsent {
  responses: number;
  joinRequests: number;
}

/** Survey answers and 町会 join requests not yet taken by the server (waiting or refused). */
export async function unsentItems(): Promise<Unsent> {
  const unsent = ["pending", "attention"];
  const [responses, joinRequests] = await Promise.all([
    db.outbox.where("state").anyOf(unsent).count(),
    db.joinOutbox.where("state").anyOf(unsent).count(),
  ]);
  return { responses, joinRequests };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Another tab holds it open: the deletion completes once that tab lets go (Dexie closes on versionchange).
    request.onblocked = () => undefined;
  });
}

/**
 * Deletes everything this app keeps on the device. A push removal that is still waiting for a
 * connection is the one thing put back, so the server's record is still removed once back online.
 */
export async function eraseDevice(): Promise<{ removalKept: boolean }> {
  const waitingRemovals = (await db.pushRemovals.where("state").equals("pending").toArray()) as PushRemovalItem[];
  // Closed, but opened again by the next query (on an empty database), so the app goes on working.
  db.close({ disableAutoOpen: false });
  const names = "databases" in indexedDB ? (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])) : [];
  await Promise.all([...new Set([db.name, ...names])].map(deleteDatabase));
  if ("caches" in globalThis) await Promise.all((await caches.keys()).map((key) => caches.delete(key)));
  localStorage.clear();
  sessionStorage.clear();
  for (const removal of waitingRemovals) await queueRemoval(removal.payload);
  return { removalKept: waitingRemovals.length > 0 };
}
