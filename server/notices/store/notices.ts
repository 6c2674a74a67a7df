/**
 * Notices in the database: the timeline notices planned per cohort, staff broadcasts, and a
 * notice's life — scheduled, sending, done or cancelled.
 */
import { randomUUID } from "node:crypto";
import { type BroadcastInput, type Segment, topicOf } from "../../../shared/notices/schemas";
import type { Actor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import type { NoticeTable } from "../../platform/db/schema";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";

export type NoticeRow = Pick<
  NoticeTable,
  "id" | "kind" | "wardCode" | "segment" | "content" | "sendAt" | "status" | "createdAt" | "startedAt"
>;

/** A timeline notice for each (item, cohort, start) not made yet; the unique key makes planning idempotent. */
export const planTimelineNotices = defineWrite(
  "notices.planTimeline",
  async (trx, { notices, now }: { notices: { cohort: string; item: string; start: string }[]; now: string }): Promise<number> => {
    let made = 0;
    for (const notice of notices) {
      const segment: Segment = { ward: null, audience: { kind: "cohort", cohort: notice.cohort } };
      const result = await trx
        .insertInto("notices")
        .values({
          id: randomUUID(),
          key: `timeline:${notice.item}:${notice.cohort}:${notice.start}`,
          kind: "timeline",
          wardCode: null,
          segment: JSON.stringify(segment),
          content: JSON.stringify({ item: notice.item, cohort: notice.cohort, start: notice.start }),
          sendAt: now,
          status: "scheduled",
          createdBy: null,
          createdAt: now,
          startedAt: null,
          finishedAt: null,
        })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      made += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return made;
  },
);

export const createBroadcast = defineWrite(
  "notices.createBroadcast",
  async (trx, { input, actor, now }: { input: BroadcastInput; actor: Actor; now: string }): Promise<{ id: string }> => {
    const id = randomUUID();
    await trx
      .insertInto("notices")
      .values({
        id,
        key: null,
        kind: "broadcast",
        wardCode: input.segment.ward,
        segment: JSON.stringify(input.segment),
        content: JSON.stringify({ texts: input.texts, path: input.path ?? "/" }),
        sendAt: input.sendAt === null ? now : new Date(input.sendAt).toISOString(),
        status: "scheduled",
        createdBy: actor.userId,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
      })
      .execute();
    await audit(trx, actor, {
      action: "notice.create",
      ward: input.segment.ward,
      target: id,
      details: {
        topic: topicOf(input.segment),
        audience: input.segment.audience,
        sendAt: input.sendAt,
        languages: Object.keys(input.texts),
      },
    });
    return { id };
  },
);

export const cancelNotice = defineWrite("notices.cancel", async (trx, { id, actor }: { id: string; actor: Actor }): Promise<void> => {
  const row = await trx.selectFrom("notices").select(["wardCode"]).where("id", "=", id).executeTakeFirst();
  const result = await trx
    .updateTable("notices")
    .set({ status: "cancelled" })
    .where("id", "=", id)
    .where("status", "=", "scheduled")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError("notices.not_cancellable", { id });
  await audit(trx, actor, { action: "notice.cancel", ward: row?.wardCode ?? null, target: id });
});

/** Notices due now: scheduled ones whose time has come, and those still sending (retries, or a sender that stopped). */
export async function dueNotices(database: Database, now: string): Promise<NoticeRow[]> {
  return database.db
    .selectFrom("notices")
    .select(["id", "kind", "wardCode", "segment", "content", "sendAt", "status", "createdAt", "startedAt"])
    .where((eb) => eb.or([eb("status", "=", "sending"), eb.and([eb("status", "=", "scheduled"), eb("sendAt", "<=", now)])]))
    .orderBy("sendAt")
    .execute();
}

export const startNotice = defineWrite("notices.start", async (trx, { id, now }: { id: string; now: string }): Promise<string | null> => {
  await trx
    .updateTable("notices")
    .set({ status: "sending", startedAt: now })
    .where("id", "=", id)
    .where("status", "=", "scheduled")
    .execute();
  const row = await trx.selectFrom("notices").select(["status", "startedAt"]).where("id", "=", id).executeTakeFirst();
  return row?.status === "sending" ? row.startedAt : null;
});

/** Done when nothing is claimed or waiting for a retry and the audience is exhausted (the caller knows that). */
export const finishNotice = defineWrite("notices.finish", async (trx, { id, now }: { id: string; now: string }): Promise<boolean> => {
  const open = await trx
    .selectFrom("noticeDeliveries")
    .select("subscriptionId")
    .where("noticeId", "=", id)
    .where("state", "in", ["claimed", "retry"])
    .limit(1)
    .executeTakeFirst();
  if (open) return false;
  await trx.updateTable("notices").set({ status: "done", finishedAt: now }).where("id", "=", id).where("status", "=", "sending").execute();
  return true;
});

/** Retries not yet due keep a notice open: the earliest time one is. */
export async function nextRetryAt(database: Database, noticeId: string): Promise<string | null> {
  const row = await database.db
    .selectFrom("noticeDeliveries")
    .select((eb) => eb.fn.min("nextAt").as("next"))
    .where("noticeId", "=", noticeId)
    .where("state", "=", "retry")
    .executeTakeFirst();
  return row?.next ?? null;
}
