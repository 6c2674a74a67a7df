/**
 * What the sender plans before it sends: the timeline's notices for the cohorts subscribed (each
 * (item, cohort, window) made once), and the "meetings" notices of 区政会議 about to start (each
 * meeting and start time made once, topics.ts). Both are idempotent, so any instance may plan.
 */
import { addDays } from "../../../shared/childcare/dates";
import { cohortWindows } from "../../../shared/childcare/timeline";
import type { Database } from "../../platform/db/database";
import { planTimelineNotices } from "../store/notices";
import { distinctCohorts } from "../store/subscriptions";
import { meetingsStartingSoon, planTopicNotices } from "../topics";

/** The timeline notices whose window opened in the last catchUpDays days (today included); answers how many were new. */
export async function planTimeline(database: Database, today: string, catchUpDays: number, now: string): Promise<number> {
  const from = addDays(today, -(catchUpDays - 1));
  const notices = (await distinctCohorts(database)).flatMap((cohort) =>
    cohortWindows(cohort)
      .filter((w) => w.start >= from && w.start <= today)
      .map((w) => ({ cohort, ...w })),
  );
  if (notices.length === 0) return 0;
  return database.write(planTimelineNotices, { notices, now });
}

/** The notices of meetings starting within leadMs; answers how many were new. */
export async function planMeetings(database: Database, now: number, leadMs: number): Promise<number> {
  const notices = await meetingsStartingSoon(database, now, leadMs);
  if (notices.length === 0) return 0;
  return database.write(planTopicNotices, { notices, now: new Date(now).toISOString() });
}
