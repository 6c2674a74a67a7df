/**
 * Running counts added by writes, kept aside and summed, then written to survey_aggregates: on
 * PostgreSQL at the end of each write's transaction; on SQLite for many committed writes at once
 * (group-commit.ts), so each (survey, question, option, segment) is upserted once for all of them
 * instead of once per response. Keys are written in sorted order, so concurrent PostgreSQL
 * transactions lock rows in the same order and never deadlock.
 */
import type { Kysely, Transaction } from "kysely";
import { prepared } from "./prepared";
import type { DB } from "./schema";

export interface CountKey {
  questionId: string;
  optionKey: string;
  segment: string;
}

const separator = "\u0000";

/** A count's key within its survey: what a prepared response carries (see surveys/service.ts). */
export const tallyKeyOf = (key: CountKey) => `${key.questionId}${separator}${key.optionKey}${separator}${key.segment}`;

/**
 * A response's keys as one string: a prepared response crosses to the writer thread, and one
 * string is copied there several times faster than the hundred-odd strings it is made of.
 */
const keySeparator = "\u0001";
export const joinTallyKeys = (keys: readonly string[]) => keys.join(keySeparator);

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

export class Tally {
  private readonly counts = new Map<string, number>();

  add(surveyId: string, key: CountKey, by = 1): void {
    const k = `${surveyId}${separator}${tallyKeyOf(key)}`;
    this.counts.set(k, (this.counts.get(k) ?? 0) + by);
  }

  /** Adds 1 to each of a survey's counts named by tallyKeyOf, joined by joinTallyKeys. */
  addAll(surveyId: string, joinedKeys: string): void {
    if (joinedKeys === "") return;
    const prefix = `${surveyId}${separator}`;
    for (const key of joinedKeys.split(keySeparator)) {
      const k = prefix + key;
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    }
  }

  /** Adds this tally's counts to another (a job's counts into its batch, once the job succeeded). */
  addTo(other: Tally): void {
    for (const [k, n] of this.counts) other.counts.set(k, (other.counts.get(k) ?? 0) + n);
  }

  get size(): number {
    return this.counts.size;
  }

  /** Adds the counts to survey_aggregates in the given transaction. The tally keeps them: if that transaction fails, they are still here. */
  async writeTo(trx: Transaction<DB>): Promise<void> {
    const keys = [...this.counts.keys()].sort();
    const values: (string | number)[] = [];
    for (const k of keys) values.push(...(k.split(separator) as [string, string, string, string]), this.counts.get(k) as number);
    let at = 0;
    for (const size of sizes) {
      for (; keys.length - at >= size; at += size) {
        await upsertCounts(trx, `rows:${size}`, ...values.slice(at * 5, (at + size) * 5));
      }
    }
  }
}
