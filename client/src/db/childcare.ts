/** The 子育てタイムライン's children and what was ticked off for them: kept on this device only, never sent. */
import { db, valid } from "./database";
import { ChildRecord, DoneRecord } from "./schemas";

/** The family's children, in the order they were added. */
export async function children(): Promise<ChildRecord[]> {
  return valid(ChildRecord, await db.children.toArray()).sort((a, b) => a.addedAt - b.addedAt);
}

export async function saveChild(child: ChildRecord): Promise<void> {
  await db.children.put(ChildRecord.parse(child));
}

/** Removes a child and everything ticked off for it, together. */
export async function removeChild(id: string): Promise<void> {
  await db.transaction("rw", db.children, db.timelineDone, async () => {
    await db.timelineDone.where("child").equals(id).delete();
    await db.children.delete(id);
  });
}

export async function doneItems(): Promise<DoneRecord[]> {
  return valid(DoneRecord, await db.timelineDone.toArray());
}

export async function setDone(child: string, item: string, done: boolean): Promise<void> {
  const key = `${child}:${item}`;
  if (done) await db.timelineDone.put({ key, child, item, at: Date.now() });
  else await db.timelineDone.delete(key);
}

/** The children and their ticks, read together (one live query on the timeline page). */
export async function family(): Promise<{ children: ChildRecord[]; done: DoneRecord[] }> {
  return { children: await children(), done: await doneItems() };
}
