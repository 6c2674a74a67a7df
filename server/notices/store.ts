/**
 * Push notices in the database: subscriptions and their cohorts, notices, the send log
 * (notice_deliveries) and the sender's lease. Every change is a named write (db/write.ts), so on
 * SQLite it runs on the writer thread in grouped commits, and on PostgreSQL in one transaction.
 *
 * Exactly once: a delivery row is claimed (inserted) before its push is sent and marked after, and
 * only the holder of the "notices" lease sends. A claim left by a sender that stopped mid-send is
 * sent again by the next holder (the push carries the notice's id as its Topic and tag, so the push
 * service and the phone fold a repeat into one notification).
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Audience, BroadcastInput, PushRegistration, Segment } from "../../shared/notices/schemas";
import { type Actor, audit } from "../accounts/service";
import type { Database } from "../platform/db/database";
import type { DB, NoticeTable } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";

export interface StoredSubscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: string;
}

export type NoticeRow = Pick<
  NoticeTable,
  "id" | "kind" | "wardCode" | "segment" | "content" | "sendAt" | "status" | "createdAt" | "startedAt"
>;

async function replaceCohorts(trx: Transaction<DB>, subscriptionId: string, cohorts: readonly string[]): Promise<void> {
  await trx.deleteFrom("pushSubscriptionCohorts").where("subscriptionId", "=", subscriptionId).execute();
  const unique = [...new Set(cohorts)];
  if (unique.length > 0)
    await trx
      .insertInto("pushSubscriptionCohorts")
      .values(unique.map((cohort) => ({ subscriptionId, cohort })))
      .execute();
}

/** Registers a browser, or updates its ward, locale and cohorts. The same endpoint with another auth secret is refused. */
export const saveSubscription = defineWrite(
  "notices.saveSubscription",
  async (trx, { registration, now }: { registration: PushRegistration; now: string }): Promise<{ id: string; created: boolean }> => {
    const existing = await trx
      .selectFrom("pushSubscriptions")
      .select(["id", "auth"])
      .where("endpoint", "=", registration.endpoint)
      .executeTakeFirst();
    const fields = {
      p256dh: registration.keys.p256dh,
      auth: registration.keys.auth,
      wardCode: registration.ward,
      locale: registration.locale,
      updatedAt: now,
    };
    if (existing) {
      if (existing.auth !== registration.keys.auth) throw new AppError("push.conflict", {});
      await trx.updateTable("pushSubscriptions").set(fields).where("id", "=", existing.id).execute();
      await replaceCohorts(trx, existing.id, registration.cohorts);
      return { id: existing.id, created: false };
    }
    const id = randomUUID();
    await trx
      .insertInto("pushSubscriptions")
      .values({ id, endpoint: registration.endpoint, createdAt: now, ...fields })
      .execute();
    await replaceCohorts(trx, id, registration.cohorts);
    return { id, created: true };
  },
);

async function deleteSubscriptionRows(trx: Transaction<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.deleteFrom("pushSubscriptionCohorts").where("subscriptionId", "in", ids).execute();
  await trx.deleteFrom("pushSubscriptions").where("id", "in", ids).execute();
}

/** Stop / delete my data: the subscription, its cohorts and its lines in the send log go at once. */
export const removeSubscription = defineWrite(
  "notices.removeSubscription",
  async (trx, { endpoint, auth }: { endpoint: string; auth: string }): Promise<boolean> => {
    const row = await trx.selectFrom("pushSubscriptions").select(["id", "auth"]).where("endpoint", "=", endpoint).executeTakeFirst();
    if (!row) return false;
    if (row.auth !== auth) throw new AppError("push.conflict", {});
    await trx.deleteFrom("noticeDeliveries").where("subscriptionId", "=", row.id).execute();
    await deleteSubscriptionRows(trx, [row.id]);
    return true;
  },
);

export async function readSetting(database: Database, key: string): Promise<string | null> {
  const row = await database.db.selectFrom("serverSettings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value ?? null;
}

/** Stores a value unless one is there already; answers the value that is stored (the first writer's). */
export const settleSetting = defineWrite(
  "notices.settleSetting",
  async (trx, { key, value }: { key: string; value: string }): Promise<string> => {
    await trx
      .insertInto("serverSettings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const row = await trx.selectFrom("serverSettings").select("value").where("key", "=", key).executeTakeFirstOrThrow();
    return row.value;
  },
);

/**
 * The lease: held by one sender at a time, until it lapses. `take` succeeds when the lease is free,
 * lapsed, or already this holder's; the one conditional UPDATE makes it atomic on both databases.
 */
export const takeLease = defineWrite(
  "notices.takeLease",
  async (trx, { name, holder, now, until }: { name: string; holder: string; now: string; until: string }): Promise<boolean> => {
    await trx
      .insertInto("leases")
      .values({ name, holder: "", expiresAt: "" })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const result = await trx
      .updateTable("leases")
      .set({ holder, expiresAt: until })
      .where("name", "=", name)
      .where((eb) => eb.or([eb("holder", "=", holder), eb("expiresAt", "<", now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
);

export const releaseLease = defineWrite(
  "notices.releaseLease",
  async (trx, { name, holder }: { name: string; holder: string }): Promise<void> => {
    await trx.updateTable("leases").set({ expiresAt: "" }).where("name", "=", name).where("holder", "=", holder).execute();
  },
);

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
      details: { audience: input.segment.audience, sendAt: input.sendAt, languages: Object.keys(input.texts) },
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

/** Month of a day, minus whole years: the born cohort of a child aged `years` years today. */
function cohortMonth(today: string, years: number): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return `${String(y - years).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

/**
 * The cohort condition of an audience: children aged from–to years are born from the month after
 * (today − (to + 1) years) to this month (today − from years), as months.
 */
function cohortRange(audience: Audience, today: string): { from: string; to: string } | null {
  switch (audience.kind) {
    case "all":
      return null;
    case "pregnant":
      return { from: "due:0000-00", to: "due:9999-99" };
    case "cohort":
      return { from: audience.cohort, to: audience.cohort };
    case "children": {
      const low = Math.min(audience.fromYears, audience.toYears);
      const high = Math.max(audience.fromYears, audience.toYears);
      const [y, m] = cohortMonth(today, high + 1)
        .split("-")
        .map(Number) as [number, number];
      const after = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
      return { from: `born:${after}`, to: `born:${cohortMonth(today, low)}` };
    }
  }
}

function audienceQuery(db: Kysely<DB>, segment: Segment, today: string, madeBy: string) {
  const range = cohortRange(segment.audience, today);
  let query = db.selectFrom("pushSubscriptions as s").where("s.createdAt", "<=", madeBy);
  if (segment.ward !== null) query = query.where("s.wardCode", "=", segment.ward);
  if (range)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("pushSubscriptionCohorts as c")
          .select(sql.lit(1).as("one"))
          .whereRef("c.subscriptionId", "=", "s.id")
          .where("c.cohort", ">=", range.from)
          .where("c.cohort", "<=", range.to),
      ),
    );
  return query;
}

/** How many browsers a segment reaches now: the preview's count. */
export async function audienceSize(database: Database, segment: Segment, today: string, now: string): Promise<number> {
  const row = await audienceQuery(database.db, segment, today, now)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The next subscriptions of a notice's audience that have no line in its send log, in id order after `after`. */
export async function nextAudience(
  database: Database,
  notice: { id: string; segment: Segment; startedAt: string },
  today: string,
  after: string,
  limit: number,
): Promise<StoredSubscription[]> {
  return audienceQuery(database.db, notice.segment, today, notice.startedAt)
    .select(["s.id", "s.endpoint", "s.p256dh", "s.auth", "s.locale"])
    .where("s.id", ">", after)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("noticeDeliveries as d")
            .select(sql.lit(1).as("one"))
            .where("d.noticeId", "=", notice.id)
            .whereRef("d.subscriptionId", "=", "s.id"),
        ),
      ),
    )
    .orderBy("s.id")
    .limit(limit)
    .execute();
}

/** Claims deliveries before sending; answers the subscription ids this sender now holds. */
export const claimDeliveries = defineWrite(
  "notices.claim",
  async (trx, { noticeId, ids, holder }: { noticeId: string; ids: string[]; holder: string }): Promise<string[]> => {
    if (ids.length === 0) return [];
    const claimed: string[] = [];
    // In slices: a statement's bound parameters are limited (SQLite: 32766).
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .insertInto("noticeDeliveries")
        .values(
          ids
            .slice(i, i + 500)
            .map((subscriptionId) => ({ noticeId, subscriptionId, state: "claimed" as const, attempts: 0, nextAt: null, holder })),
        )
        .onConflict((oc) => oc.columns(["noticeId", "subscriptionId"]).doNothing())
        .returning("subscriptionId")
        .execute();
      for (const row of rows) claimed.push(row.subscriptionId);
    }
    return claimed;
  },
);

/** Lets go of claims this sender made and will not send (it is stopping): the next sender takes them as new. */
export const releaseClaims = defineWrite(
  "notices.releaseClaims",
  async (trx, { noticeId, ids, holder }: { noticeId: string; ids: string[]; holder: string }): Promise<void> => {
    for (let i = 0; i < ids.length; i += 500) {
      await trx
        .deleteFrom("noticeDeliveries")
        .where("noticeId", "=", noticeId)
        .where("holder", "=", holder)
        .where("state", "=", "claimed")
        .where("subscriptionId", "in", ids.slice(i, i + 500))
        .execute();
    }
  },
);

/** Deliveries waiting for a retry whose time has come, claimed again by this holder. */
export const claimRetries = defineWrite(
  "notices.claimRetries",
  async (
    trx,
    { noticeId, holder, now, limit }: { noticeId: string; holder: string; now: string; limit: number },
  ): Promise<(StoredSubscription & { attempts: number })[]> => {
    const rows = await trx
      .selectFrom("noticeDeliveries as d")
      .innerJoin("pushSubscriptions as s", "s.id", "d.subscriptionId")
      .select(["s.id", "s.endpoint", "s.p256dh", "s.auth", "s.locale", "d.attempts"])
      .where("d.noticeId", "=", noticeId)
      .where("d.state", "=", "retry")
      .where("d.nextAt", "<=", now)
      .orderBy("d.nextAt")
      .limit(limit)
      .execute();
    if (rows.length > 0)
      await trx
        .updateTable("noticeDeliveries")
        .set({ state: "claimed", holder })
        .where("noticeId", "=", noticeId)
        .where(
          "subscriptionId",
          "in",
          rows.map((r) => r.id),
        )
        .execute();
    return rows;
  },
);

/**
 * Claims that another sender left (it stopped between claiming and marking): due again now. Rows
 * whose subscription was deleted meanwhile are dropped.
 */
export const reclaimAbandoned = defineWrite(
  "notices.reclaimAbandoned",
  async (trx, { holder, now }: { holder: string; now: string }): Promise<number> => {
    const result = await trx
      .updateTable("noticeDeliveries")
      .set({ state: "retry", nextAt: now })
      .where("state", "=", "claimed")
      .where((eb) => eb.or([eb("holder", "is", null), eb("holder", "!=", holder)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
);

export type DeliveryOutcome =
  | { id: string; state: "sent" }
  | { id: string; state: "expired" | "failed"; deleteSubscription: boolean }
  | { id: string; state: "retry"; nextAt: string; attempts: number };

/** Marks a batch of sends, deletes subscriptions that are gone, and adds to the notice's counts. */
export const recordOutcomes = defineWrite(
  "notices.record",
  async (trx, { noticeId, outcomes }: { noticeId: string; outcomes: DeliveryOutcome[] }): Promise<void> => {
    const groups = new Map<string, string[]>();
    const counts = { sent: 0, failed: 0, expired: 0 };
    const gone: string[] = [];
    for (const outcome of outcomes) {
      if (outcome.state === "retry") {
        await trx
          .updateTable("noticeDeliveries")
          .set({ state: "retry", nextAt: outcome.nextAt, attempts: outcome.attempts, holder: null })
          .where("noticeId", "=", noticeId)
          .where("subscriptionId", "=", outcome.id)
          .execute();
        continue;
      }
      counts[outcome.state]++;
      if (outcome.state !== "sent" && outcome.deleteSubscription) gone.push(outcome.id);
      const ids = groups.get(outcome.state) ?? [];
      ids.push(outcome.id);
      groups.set(outcome.state, ids);
    }
    for (const [state, ids] of groups) {
      for (let i = 0; i < ids.length; i += 500) {
        await trx
          .updateTable("noticeDeliveries")
          .set({ state: state as "sent" | "failed" | "expired", nextAt: null, holder: null })
          .where("noticeId", "=", noticeId)
          .where("subscriptionId", "in", ids.slice(i, i + 500))
          .execute();
      }
    }
    for (let i = 0; i < gone.length; i += 500) await deleteSubscriptionRows(trx, gone.slice(i, i + 500));
    if (counts.sent + counts.failed + counts.expired > 0)
      await trx
        .updateTable("notices")
        .set((eb) => ({
          sent: eb("sent", "+", counts.sent),
          failed: eb("failed", "+", counts.failed),
          expired: eb("expired", "+", counts.expired),
        }))
        .where("id", "=", noticeId)
        .execute();
  },
);

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

export async function distinctCohorts(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom("pushSubscriptionCohorts").select("cohort").distinct().execute();
  return rows.map((r) => r.cohort);
}
