/**
 * Published results (issue 13, finding 1): every table of a survey (results, breakdowns, exports,
 * comments and their keyword counts, needs matching, indicators) is read from its latest snapshot,
 * never from the running counts. A snapshot copies the running counts, and marks the responses it
 * takes in as published (only their free text is shown). A new one is made only when
 *  - at least K (RESULTS_MIN_CELL) responses have arrived since the last one, and
 *  - the last one is at least RESULTS_REFRESH_HOURS old (24 by default), or the survey closed since.
 * So two readings, however far apart, differ by the sum of at least K responses, never by one.
 *
 * A snapshot is made by whatever reads results first once one is due (and by housekeeping's timer),
 * in a write that checks the rules again under a lock: several instances may try at once, one makes it.
 */
import { randomUUID } from "node:crypto";
import { answeredKey, responsesKey } from "../../shared/surveys/aggregates";
import type { Database } from "../platform/db/database";
import { dialectOf, takeStartLock } from "../platform/db/lock";
import { defineWrite } from "../platform/db/write";

/** When results may be published again: K new responses, and a wait after the last snapshot. */
export interface Publication {
  /** K: the fewest new responses a snapshot takes in (RESULTS_MIN_CELL). */
  minCell: number;
  /** Hours between snapshots while a survey is open (RESULTS_REFRESH_HOURS); a close makes one sooner. */
  refreshHours?: number | undefined;
}

export const defaultRefreshHours = 24;

/** One counted cell of a snapshot. */
export interface SnapshotRow {
  questionId: string;
  optionKey: string;
  segment: string;
  count: number;
}

export interface Snapshot {
  /** New with each snapshot: derived caches (disclosure control) are keyed by it. */
  id: string;
  madeAt: string;
  /** The responses its counts include. */
  responses: number;
  rows: SnapshotRow[];
}

interface SurveyTimes {
  closesAt: string;
  status: string;
}

/** Whether a survey may be published again now, as far as time goes. */
function due(last: { madeAt: string } | undefined, survey: SurveyTimes, refreshHours: number, now: Date): boolean {
  if (!last) return true;
  const made = Date.parse(last.madeAt);
  const closed = Date.parse(survey.closesAt);
  // Closed since the last snapshot: the closing one is made without waiting.
  if (closed <= now.getTime() && made < closed) return true;
  return now.getTime() - made >= refreshHours * 60 * 60 * 1000;
}

/** Parsed snapshots by survey, for the snapshot id parsed: a derived cache, safe on every instance. */
const parsed = new WeakMap<Database, Map<string, Snapshot>>();

/**
 * A survey's latest snapshot, made first when one is due (null while none could be made yet: fewer
 * than K responses so far). `survey` is its row, already read by the caller.
 */
export async function latestSnapshot(
  database: Database,
  surveyId: string,
  survey: SurveyTimes,
  publication: Publication,
  now = new Date(),
): Promise<Snapshot | null> {
  const head = await snapshotHead(database, surveyId);
  const refreshHours = publication.refreshHours ?? defaultRefreshHours;
  if (due(head, survey, refreshHours, now) && (await enoughNew(database, surveyId, head?.responses ?? 0, publication.minCell))) {
    await database.write(publishResults, { surveyId, minCell: publication.minCell, refreshHours, now: now.toISOString() });
    return readSnapshot(database, surveyId, await snapshotHead(database, surveyId));
  }
  return readSnapshot(database, surveyId, head);
}

function snapshotHead(database: Database, surveyId: string) {
  return database.db
    .selectFrom("resultSnapshots")
    .select(["id", "madeAt", "responses"])
    .where("surveyId", "=", surveyId)
    .executeTakeFirst();
}

/** A cheap first look: whether the running counts have K responses more than the last snapshot. */
async function enoughNew(database: Database, surveyId: string, published: number, minCell: number): Promise<boolean> {
  return ((await receivedTotals(database, surveyId)).get(surveyId) ?? 0) - published >= minCell;
}

/** The responses counted so far, by survey (one survey's, or every one's), once the deferred counts are written. */
export async function receivedTotals(database: Database, surveyId?: string): Promise<Map<string, number>> {
  await database.settleCounts();
  let query = database.db
    .selectFrom("surveyAggregates")
    .select(["surveyId", "count"])
    .where("questionId", "=", responsesKey)
    .where("optionKey", "=", answeredKey)
    .where("segment", "=", "all");
  if (surveyId !== undefined) query = query.where("surveyId", "=", surveyId);
  return new Map((await query.execute()).map((row) => [row.surveyId, Number(row.count)]));
}

async function readSnapshot(
  database: Database,
  surveyId: string,
  head: { id: string; madeAt: string; responses: number } | undefined,
): Promise<Snapshot | null> {
  if (!head) return null;
  const cache = parsed.get(database) ?? new Map<string, Snapshot>();
  parsed.set(database, cache);
  const cached = cache.get(surveyId);
  if (cached?.id === head.id) return cached;
  const row = await database.db
    .selectFrom("resultSnapshots")
    .select(["id", "madeAt", "responses", "counts"])
    .where("surveyId", "=", surveyId)
    .executeTakeFirst();
  if (!row) return null;
  const rows = (JSON.parse(row.counts) as [string, string, string, number][]).map(([segment, questionId, optionKey, count]) => ({
    segment,
    questionId,
    optionKey,
    count,
  }));
  const snapshot = { id: row.id, madeAt: row.madeAt, responses: Number(row.responses), rows };
  cache.set(surveyId, snapshot);
  return snapshot;
}

/**
 * Makes a survey's snapshot if the rules allow it now, checked again here: under a lock per survey on
 * PostgreSQL (instances may try at once), and on SQLite in the one writer. Returns whether it did.
 */
export const publishResults = defineWrite(
  "surveys.publishResults",
  async (trx, input: { surveyId: string; minCell: number; refreshHours: number; now: string }): Promise<boolean> => {
    await takeStartLock(trx, dialectOf(trx), `results:${input.surveyId}`);
    const survey = await trx.selectFrom("surveys").select(["closesAt", "status"]).where("id", "=", input.surveyId).executeTakeFirst();
    if (!survey) return false;
    const last = await trx
      .selectFrom("resultSnapshots")
      .select(["madeAt", "responses"])
      .where("surveyId", "=", input.surveyId)
      .executeTakeFirst();
    const now = new Date(input.now);
    if (!due(last, survey, input.refreshHours, now)) return false;
    const minCell = Math.max(1, input.minCell);
    // The responses not yet published: at least K, or nothing is made (a snapshot never takes in fewer).
    const waiting = await trx
      .selectFrom("responses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("surveyId", "=", input.surveyId)
      .where("published", "=", 0)
      .executeTakeFirst();
    if (Number(waiting?.n ?? 0) < minCell) return false;
    const rows = await trx
      .selectFrom("surveyAggregates")
      .select(["segment", "questionId", "optionKey", "count"])
      .where("surveyId", "=", input.surveyId)
      .execute();
    const total = Number(rows.find((r) => r.questionId === responsesKey && r.optionKey === answeredKey && r.segment === "all")?.count ?? 0);
    if (total - (last?.responses ?? 0) < minCell) return false;
    await trx.updateTable("responses").set({ published: 1 }).where("surveyId", "=", input.surveyId).where("published", "=", 0).execute();
    const snapshot = {
      id: randomUUID(),
      madeAt: input.now,
      responses: total,
      counts: JSON.stringify(rows.map((r) => [r.segment, r.questionId, r.optionKey, Number(r.count)])),
    };
    await trx
      .insertInto("resultSnapshots")
      .values({ surveyId: input.surveyId, ...snapshot })
      .onConflict((oc) => oc.column("surveyId").doUpdateSet(snapshot))
      .execute();
    return true;
  },
  // The responses it marks published and the counts it copies must be the same ones: on SQLite the counts
  // of responses already stored may still wait to be written (group-commit.ts), so they are written first.
  { settleCountsFirst: true },
);

/** The dialect the write runs on (the lock is taken on PostgreSQL only). */

/**
 * Every survey that may be published now, published (housekeeping's timer: a survey closes, or a day
 * passes, without anyone reading its results). Returns how many snapshots were made.
 */
export async function publishDueResults(database: Database, publication: Publication, now = new Date()): Promise<number> {
  const surveys = await database.db
    .selectFrom("surveys")
    .leftJoin("resultSnapshots", "resultSnapshots.surveyId", "surveys.id")
    .select(["surveys.id", "surveys.closesAt", "surveys.status", "resultSnapshots.madeAt", "resultSnapshots.responses"])
    .where("surveys.status", "!=", "draft")
    .execute();
  let made = 0;
  const refreshHours = publication.refreshHours ?? defaultRefreshHours;
  const dueNow = surveys.filter((survey) => due(survey.madeAt ? { madeAt: survey.madeAt } : undefined, survey, refreshHours, now));
  if (dueNow.length === 0) return 0;
  // Every survey's total in one read (not a settle and a query per survey, every ten minutes on every instance).
  const totals = await receivedTotals(database);
  for (const survey of dueNow) {
    if ((totals.get(survey.id) ?? 0) - Number(survey.responses ?? 0) < publication.minCell) continue;
    if (await database.write(publishResults, { surveyId: survey.id, minCell: publication.minCell, refreshHours, now: now.toISOString() }))
      made += 1;
  }
  return made;
}

/** The publication rules out of the survey rules (config.ts). */
export const publication = ({ minCell, refreshHours }: Publication): Publication => ({ minCell, refreshHours });
