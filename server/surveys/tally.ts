/**
 * Running counts added by writes, kept aside and summed, then written to survey_aggregates: on
 * PostgreSQL at the end of each write's transaction; on SQLite for many committed writes at once
 * (platform/db/group-commit.ts), so each (survey, question, option, segment) is upserted once for all of them
 * instead of once per response. Keys are written in sorted order, so concurrent PostgreSQL
 * transactions lock rows in the same order and never deadlock.
 */
import type { Kysely, Transaction } from "kysely";
import type { Counts } from "../platform/db/counts";
import { prepared } from "../platform/db/prepared";
import type { DB } from "../platform/db/schema";

export interface CountKey {
  questionId: string;
  optionKey: string;
  segment: string;
}

const separator = "\u0000";

/** A count's key within its survey. */
const tallyKeyOf = (key: CountKey) => `${key.questionId}${separator}${key.optionKey}${separator}${key.segment}`;

/**
 * A response's counts as strings (see countsOf in shared/surveys/aggregates.ts): a prepared
 * response crosses to the writer thread, and one string is copied there several times faster than
 * the dozens of strings it is made of.
 */
const listSeparator = "\u0001";
export const joinCounts = (counts: { pairs: readonly string[]; segments: readonly string[] }) => ({
  pairs: counts.pairs.join(listSeparator),
  segments: counts.segments.join(listSeparator),
});
export type JoinedCounts = ReturnType<typeof joinCounts>;

/** Upserts of 1, 8, 64 or 256 counts per statement, each compiled once: a batch of n counts takes a few statements. */
const sizes = [256, 64, 8, 1] as const;
const upsertCounts = prepared((db: Kysely<DB>, ...values: (string | number)[]) => {
  const rows = [];
  for (let i = 0; i < values.length; i += 5) {
    const [surveyId, questionId, optionKey, segment, count] = values.slice(i, i + 5) as [string, string, string, string, number];
    rows.push({ surveyId, questionId, optionKey, segment, count });
  }
  return db
    .insertInto("surveyAggregates")
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(["surveyId", "questionId", "optionKey", "segment"])
        .doUpdateSet((eb) => ({ count: eb("surveyAggregates.count", "+", eb.ref("excluded.count")) })),
    );
});

/** The surveys' counts, as the platform's deferred Counts (registered in counts.ts). */
export class Tally implements Counts {
  /** survey id → (tally key → count) */
  private readonly counts = new Map<string, Map<string, number>>();
  /** Responses' counts not yet summed. Summing waits until the counts are needed. */
  private entries: [surveyId: string, counts: JoinedCounts, by: number][] = [];

  add(surveyId: string, key: CountKey, by = 1): void {
    this.bump(surveyId, tallyKeyOf(key), by);
  }

  /**
   * Adds one response's counts: 1 (or `by`: -1 takes a corrected answer's counts off) for each pair in each segment. Kept as given until the counts are
   * needed: a write's tally is added to its batch's, and the batch's to the deferred counts, and
   * each of those steps is then one array append.
   */
  addResponse(surveyId: string, counts: JoinedCounts, by = 1): void {
    if (counts.pairs !== "") this.entries.push([surveyId, counts, by]);
    if (this.entries.length >= 1024) this.sum();
  }

  /** Adds this tally's counts to another (a job's counts into its batch, once the job succeeded). */
  addTo(other: Tally): void {
    for (const entry of this.entries) other.entries.push(entry);
    for (const [surveyId, counts] of this.counts) for (const [key, n] of counts) other.bump(surveyId, key, n);
    if (other.entries.length >= 1024) other.sum();
  }

  /** Whether it holds no count. */
  get empty(): boolean {
    return this.entries.length === 0 && this.counts.size === 0;
  }

  private bump(surveyId: string, key: string, by: number): void {
    let counts = this.counts.get(surveyId);
    if (!counts) {
      counts = new Map();
      this.counts.set(surveyId, counts);
    }
    counts.set(key, (counts.get(key) ?? 0) + by);
  }

  private sum(): void {
    for (const [surveyId, joined, by] of this.entries) {
      let counts = this.counts.get(surveyId);
      if (!counts) {
        counts = new Map();
        this.counts.set(surveyId, counts);
      }
      const pairs = joined.pairs.split(listSeparator);
      for (const segment of joined.segments.split(listSeparator)) {
        const suffix = separator + segment;
        for (const pair of pairs) {
          const key = pair + suffix;
          counts.set(key, (counts.get(key) ?? 0) + by);
        }
      }
    }
    this.entries = [];
  }

  /** Adds the counts to survey_aggregates in the given transaction. The tally keeps them: if that transaction fails, they are still here. */
  async writeTo(trx: Transaction<DB>): Promise<void> {
    this.sum();
    const values: (string | number)[] = [];
    for (const surveyId of [...this.counts.keys()].sort()) {
      const counts = this.counts.get(surveyId) as Map<string, number>;
      for (const key of [...counts.keys()].sort()) {
        const [questionId, optionKey, segment] = key.split(separator) as [string, string, string];
        values.push(surveyId, questionId, optionKey, segment, counts.get(key) as number);
      }
    }
    const rows = values.length / 5;
    let at = 0;
    for (const size of sizes) {
      for (; rows - at >= size; at += size) {
        await upsertCounts(trx, `rows:${size}`, ...values.slice(at * 5, (at + size) * 5));
      }
    }
  }
}
