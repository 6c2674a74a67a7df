/**
 * Notices on the device: the inbox the service worker fills when a push arrives (sw/push.ts), the
 * registration the server last took, push-subscription removals waiting for a connection, and
 * 「データをすべて削除」.
 */
import { db, valid } from "./database";
import { dexieQueue, enqueue } from "./queue";
import { InboxRecord, PushRemovalItem } from "./schemas";

/** The last registration the server took, as JSON; sw/push.ts reads it too (pushsubscriptionchange). */
export const registrationKey = "push:registered";

/** Received notices, newest first. */
export async function inboxItems(): Promise<InboxRecord[]> {
  return valid(InboxRecord, await db.inbox.toArray()).sort((a, b) => b.receivedAt - a.receivedAt);
}

export async function markInboxRead(id: string): Promise<void> {
  await db.inbox.update(id, { read: true });
}

export async function removeInboxItem(id: string): Promise<void> {
  await db.inbox.delete(id);
}

/** Queues the removal of the server's record of a subscription; its endpoint is its id. */
export async function queueRemoval(payload: PushRemovalItem["payload"]): Promise<void> {
  await enqueue(db.pushRemovals, PushRemovalItem, { id: payload.endpoint, payload });
}

/** Whether the removal for an endpoint still waits for the server. */
export async function removalWaiting(endpoint: string): Promise<boolean> {
  return (await db.pushRemovals.get(endpoint))?.state === "pending";
}

/** The removals for the outbox engine; one leaves the device once the server has answered. */
export const removalQueue = dexieQueue(db.pushRemovals, PushRemovalItem);

/** "Delete my data": the children, their ticks, the inbox and the registration, all at once. */
export async function removeChildcareData(): Promise<void> {
  await db.transaction("rw", [db.children, db.timelineDone, db.inbox, db.meta], async () => {
    await db.children.clear();
    await db.timelineDone.clear();
    await db.inbox.clear();
    await db.meta.delete(registrationKey);
  });
}
