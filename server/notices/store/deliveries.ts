/**
 * The send log (notice_deliveries). Exactly once: a delivery row is claimed (inserted) before its
 * push is sent and marked after, and only the holder of the "notices" lease sends (lease.ts). A
 * claim left by a sender that stopped mid-send is sent again by the next holder (the push carries
 * the notice's id as its Topic and tag, so the push service and the phone fold a repeat into one).
 */
import { defineWrite } from "../../platform/db/write";
import { deleteSubscriptionRows, type StoredSubscription } from "./subscriptions";

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
