/**
 * Running counts added by a write, kept aside and written once per transaction. On SQLite a
 * grouped commit carries many responses; their counts are summed first, so each (survey,
 * question, option, segment) is upserted once per commit instead of once per response. Keys are
 * written in sorted order, so concurrent PostgreSQL transactions lock rows in the same order and
 * never deadlock.
 */
import type { Transaction } from "kysely";
import type { DB } from "./schema";

export interface CountKey {
  surveyId: string;
  questionId: string;
  optionKey: string;
  segment: string;
}

const separator = "\u0000";

export class Tally {
  private readonly counts = new Map<string, number>();

  add(key: CountKey, by = 1): void {
    const k = [key.surveyId, key.questionId, key.optionKey, key.segment].join(separator);
    this.counts.set(k, (this.counts.get(k) ?? 0) + by);
  }

  /** Adds this tally's counts to another (a job's counts into its batch, once the job succeeded). */
  addTo(other: Tally): void {
    for (const [k, n] of this.counts) other.counts.set(k, (other.counts.get(k) ?? 0) + n);
  }

  get size(): number {
    return this.counts.size;
  }

  /** Writes the counts in the given transaction and empties the tally. */
  async flush(trx: Transaction<DB>): Promise<void> {
    const rows = [...this.counts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, count]) => {
        const [surveyId, questionId, optionKey, segment] = k.split(separator) as [string, string, string, string];
        return { surveyId, questionId, optionKey, segment, count };
      });
    this.counts.clear();
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto("surveyAggregates")
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) =>
          oc
            .columns(["surveyId", "questionId", "optionKey", "segment"])
            .doUpdateSet((eb) => ({ count: eb("surveyAggregates.count", "+", eb.ref("excluded.count")) })),
        )
        .execute();
    }
  }
}
