/**
 * Push subscriptions in the database: a browser's endpoint, keys, ward, locale, topics and cohorts
 * (kept only with the childcare topic), saved and removed as named writes (platform/db/write.ts), and
 * the cohorts subscribed to.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { legacyTopics, type PushRegistration, type Topic } from "../../../shared/notices/schemas";
import type { Database } from "../../platform/db/database";
import { erasing } from "../../platform/db/erase";
import type { DB } from "../../platform/db/schema";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";

export interface StoredSubscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: string;
}

async function replaceCohorts(trx: Transaction<DB>, subscriptionId: string, cohorts: readonly string[]): Promise<void> {
  await trx.deleteFrom("pushSubscriptionCohorts").where("subscriptionId", "=", subscriptionId).execute();
  const unique = [...new Set(cohorts)];
  if (unique.length > 0)
    await trx
      .insertInto("pushSubscriptionCohorts")
      .values(unique.map((cohort) => ({ subscriptionId, cohort })))
      .execute();
}

async function replaceTopics(trx: Transaction<DB>, subscriptionId: string, topics: readonly Topic[]): Promise<void> {
  await trx.deleteFrom("pushSubscriptionTopics").where("subscriptionId", "=", subscriptionId).execute();
  await trx
    .insertInto("pushSubscriptionTopics")
    .values([...new Set(topics)].map((topic) => ({ subscriptionId, topic })))
    .execute();
}

/** The topics a registration asks for (an older version's: what it received before topics), and its cohorts only with childcare. */
function topicsAndCohorts(registration: PushRegistration): { topics: Topic[]; cohorts: string[] } {
  const topics = [...(registration.topics ?? legacyTopics)];
  return { topics, cohorts: topics.includes("childcare") ? registration.cohorts : [] };
}

/** Registers a browser, or updates its ward, locale, topics and cohorts. The same endpoint with another auth secret is refused. */
export const saveSubscription = defineWrite(
  "notices.saveSubscription",
  async (trx, { registration, now }: { registration: PushRegistration; now: string }): Promise<{ id: string; created: boolean }> => {
    const existing = await trx
      .selectFrom("pushSubscriptions")
      .select(["id", "auth"])
      .where("endpoint", "=", registration.endpoint)
      .executeTakeFirst();
    // No time finer than the month: when a newborn was added would point to the birth date.
    const month = monthOf(now);
    const fields = {
      p256dh: registration.keys.p256dh,
      auth: registration.keys.auth,
      wardCode: registration.ward,
      locale: registration.locale,
      updatedAt: month,
    };
    if (existing) {
      if (existing.auth !== registration.keys.auth) throw new AppError("push.conflict", {});
      await trx.updateTable("pushSubscriptions").set(fields).where("id", "=", existing.id).execute();
      const { topics, cohorts } = topicsAndCohorts(registration);
      await replaceTopics(trx, existing.id, topics);
      await replaceCohorts(trx, existing.id, cohorts);
      return { id: existing.id, created: false };
    }
    const id = randomUUID();
    await trx
      .insertInto("pushSubscriptions")
      .values({ id, endpoint: registration.endpoint, createdAt: month, ...fields })
      .execute();
    const { topics, cohorts } = topicsAndCohorts(registration);
    await replaceTopics(trx, id, topics);
    await replaceCohorts(trx, id, cohorts);
    return { id, created: true };
  },
);

/** The first instant of a time's month (UTC), as the subscriptions' times are kept. */
export const monthOf = (iso: string): string => `${iso.slice(0, 7)}-01T00:00:00.000Z`;

/** A subscription goes with its topics, cohorts and its lines in the send log, whoever removes it (the resident, or a push service's 404/410). */
export async function deleteSubscriptionRows(trx: Transaction<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await erasing(trx, async () => {
    await trx.deleteFrom("noticeDeliveries").where("subscriptionId", "in", ids).execute();
    await trx.deleteFrom("pushSubscriptionCohorts").where("subscriptionId", "in", ids).execute();
    await trx.deleteFrom("pushSubscriptionTopics").where("subscriptionId", "in", ids).execute();
    await trx.deleteFrom("pushSubscriptions").where("id", "in", ids).execute();
  });
}

/** Stop / delete my data: the subscription, its cohorts and its lines in the send log go at once. */
export const removeSubscription = defineWrite(
  "notices.removeSubscription",
  async (trx, { endpoint, auth }: { endpoint: string; auth: string }): Promise<boolean> => {
    const row = await trx.selectFrom("pushSubscriptions").select(["id", "auth"]).where("endpoint", "=", endpoint).executeTakeFirst();
    if (!row) return false;
    if (row.auth !== auth) throw new AppError("push.conflict", {});
    await deleteSubscriptionRows(trx, [row.id]);
    return true;
  },
);

export async function distinctCohorts(database: Database): Promise<string[]> {
  // Only a childcare subscriber's cohorts are kept (saveSubscription), so these are all wanted.
  const rows = await database.db.selectFrom("pushSubscriptionCohorts").select("cohort").distinct().execute();
  return rows.map((r) => r.cohort);
}
