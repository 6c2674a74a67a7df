/**
 * Surveys on the device. A draft is written on every answer, so a closed tab or a flat battery loses
 * nothing. Sending moves the draft into the outbox in one transaction; an outbox item keeps its
 * response id for every retry (sync/engine.ts sends it), and leaves only when the resident discards
 * it — sent ones stay as "my answers".
 */
import { db, valid } from "./database";
import { dexieQueue, enqueue } from "./queue";
import { Draft, OutboxItem } from "./schemas";

export async function draftFor(surveyId: string): Promise<Draft | null> {
  const rows = await db.drafts.where("surveyId").equals(surveyId).toArray();
  const newest = rows.sort((a, b) => b.updatedAt - a.updatedAt)[0];
  if (!newest) return null;
  const parsed = Draft.safeParse(newest);
  return parsed.success ? parsed.data : null;
}

export async function saveDraft(draft: Draft): Promise<void> {
  await db.drafts.put(Draft.parse({ ...draft, updatedAt: Date.now() }));
}

/** Ids of the surveys with a draft on this device (「続きから」). */
export async function draftSurveyIds(): Promise<Set<string>> {
  return new Set((await db.drafts.toArray()).map((draft) => draft.surveyId));
}

/** Moves a finished draft into the outbox, atomically: it is in exactly one of the two at any moment. */
export async function queueResponse(item: Omit<OutboxItem, "state" | "queuedAt" | "attempts">): Promise<void> {
  await db.transaction("rw", db.drafts, db.outbox, async () => {
    await enqueue(db.outbox, OutboxItem, item);
    await db.drafts.delete(item.id);
  });
}

/** Every response this device sent or queued, newest first. */
export async function outboxItems(): Promise<OutboxItem[]> {
  return valid(OutboxItem, await db.outbox.toArray()).sort((a, b) => b.queuedAt - a.queuedAt);
}

/** The survey responses for the outbox engine. */
export const responseQueue = dexieQueue(db.outbox, OutboxItem);

/** Removes an outbox item the server never counted (pending or refused); a sent one stays as a record. */
export async function discardUnsent(id: string): Promise<boolean> {
  return db.transaction("rw", db.outbox, async () => {
    const item = await db.outbox.get(id);
    if (!item || item.state === "sent") return false;
    await db.outbox.delete(id);
    return true;
  });
}

/** Ids of surveys this device has sent (or queued) a response to. */
export async function answeredSurveyIds(): Promise<Set<string>> {
  return new Set((await db.outbox.toArray()).map((item) => item.surveyId));
}
