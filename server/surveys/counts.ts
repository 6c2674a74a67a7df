/**
 * The surveys' running counts (survey_aggregates) as the platform's deferred counts
 * (platform/db/counts.ts): registered when this module loads, so the SQLite writer thread gives
 * every counting write a Tally, writes the counts in bulk and recounts after an unclean stop.
 * The registry (server/registry.ts) imports it through the writes that count.
 */
import type { Transaction } from "kysely";
import { type CountsKind, registerCounts } from "../platform/db/counts";
import type { DB } from "../platform/db/schema";
import { defineWrite, type Write } from "../platform/db/write";
import { recountSurveyAggregates } from "./recount";
import { Tally } from "./tally";

/** survey_aggregates: its row in count_state, a Tally per write, and the recount from the stored responses. */
export const surveyCounts: CountsKind = { name: "survey_aggregates", create: () => new Tally(), recount: recountSurveyAggregates };
registerCounts(surveyCounts);

/** A write that adds to the surveys' counts: it gets its Tally as third argument. */
export function defineCountingWrite<I, O>(name: string, run: (trx: Transaction<DB>, input: I, tally: Tally) => Promise<O>): Write<I, O> {
  // The Counts a write receives are the registered kind's, made by create() above: a Tally.
  return defineWrite(name, run as Write<I, O>["run"]);
}
