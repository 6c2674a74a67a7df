/** Who a notice reaches: the subscriptions a segment (topic, ward, cohorts by age) selects, counted or paged. */
import { type Kysely, sql } from "kysely";
import { type Audience, type Segment, topicOf } from "../../../shared/notices/schemas";
import type { Database } from "../../platform/db/database";
import type { DB } from "../../platform/db/schema";
import type { StoredSubscription } from "./subscriptions";

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
  const topic = topicOf(segment);
  let query = db
    .selectFrom("pushSubscriptions as s")
    .where("s.createdAt", "<=", madeBy)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("pushSubscriptionTopics as t")
          .select(sql.lit(1).as("one"))
          .whereRef("t.subscriptionId", "=", "s.id")
          .where("t.topic", "=", topic),
      ),
    );
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
