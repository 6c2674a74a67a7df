/**
 * The cross-tab figures of `npm run bench` (issue 16), on a survey of 100,000 published responses (the
 * bench survey's ten questions, written directly as bench-surveys.ts does):
 *  - surveys.crosstab_first_ms_at_100k: the first cross-tab of two questions after a snapshot (reads every
 *    published response's answers once, crosses them, and runs disclosure control), and the longest the
 *    thread serving HTTP was held at once meanwhile (..._first_longest_pause_ms_at_100k);
 *  - surveys.crosstab_other_pair_ms_at_100k: median of other pairs of the same snapshot (answers kept);
 *  - surveys.crosstab_repeat_ms_at_100k: median of the same pair again (disclosed pairs kept);
 *  - surveys.crosstab_weighted_pair_ms_at_100k: median of five pairs' first reading weighted by age band (each
 *    three-way table disclosed by linear programming on a worker thread), and the longest the thread serving
 *    HTTP was held meanwhile (..._weighted_longest_pause_ms_at_100k).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect } from "kysely";
import { openDatabase } from "../server/platform/db/database";
import type { DB } from "../server/platform/db/schema";
import { registry } from "../server/registry";
import { surveyResults } from "../server/surveys/results";
import { staffCrosstab } from "../server/surveys/staff/crosstab";
import { joinCounts, Tally } from "../server/surveys/tally";
import { uuidv7 } from "../shared/ids";
import { countsOf } from "../shared/surveys/aggregates";
import { ageBands, type Profile } from "../shared/surveys/model";
import { answersFor, benchSurvey, insertSurvey, profileFor } from "./bench-survey-fixture";

const print = (name: string, value: number, unit: string) => console.log(`${name}: ${Number(value.toFixed(3))} ${unit}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function crosstabRead(total = 100_000): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "machikoe-bench-crosstab-"));
  const file = path.join(dataDir, "machikoe.db");
  try {
    const { surveyId, areaIds } = await insertSurvey(file);
    const patterns = 1000;
    const raw = new SQLite(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = OFF");
    const insert = raw.prepare(
      "insert into responses (id, survey_id, submission_hash, receipt_code, mode, received_at, age_band, area_id, children_under6, years_in_ward, answers) values (?, ?, ?, 'BNCH-0000', 'online', ?, ?, ?, ?, ?, ?)",
    );
    const answerJson = Array.from({ length: patterns }, (_, p) => JSON.stringify(answersFor(p)));
    const profiles = Array.from({ length: patterns }, (_, p) => profileFor(p, areaIds));
    const day = new Date().toISOString().slice(0, 10);
    raw.transaction(() => {
      for (let i = 0; i < total; i++) {
        const p = (i * 7919) % patterns;
        const profile = profiles[p] as Profile;
        const id = uuidv7(1_700_000_000_000 + i);
        insert.run(
          id,
          surveyId,
          id,
          day,
          profile.ageBand,
          profile.area,
          profile.childrenUnder6,
          profile.yearsInWard,
          answerJson[p] as string,
        );
      }
    })();
    const tally = new Tally();
    const perPattern = new Map<number, number>();
    for (let i = 0; i < total; i++) perPattern.set((i * 7919) % patterns, (perPattern.get((i * 7919) % patterns) ?? 0) + 1);
    for (const [p, n] of perPattern)
      tally.addResponse(surveyId, joinCounts(countsOf(benchSurvey, answersFor(p), profiles[p] as Profile, "online")), n);
    const writer = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(file) }), plugins: [new CamelCasePlugin()] });
    await writer.transaction().execute((trx) => tally.writeTo(trx));
    await writer.destroy();
    raw.pragma("wal_checkpoint(TRUNCATE)");
    raw.close();

    const database = await openDatabase({ dialect: "sqlite", file }, registry);
    try {
      const publication = { minCell: 10, refreshHours: 24 };
      // The snapshot: every response published.
      await surveyResults(database, surveyId, { ...publication, publicOnly: false });
      const admin = { id: "bench", login: "bench", displayName: "bench", role: "city_admin" as const, ward: null };
      const crosstab = (question: string, by: string, weight?: "age") =>
        staffCrosstab(database, admin, surveyId, { question, by, ...(weight ? { weight } : {}) }, publication);
      // The longest the thread serving HTTP is held at once while the first cross-tab reads.
      let pause = 0;
      let tick = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        pause = Math.max(pause, now - tick);
        tick = now;
      }, 1);
      let started = performance.now();
      const first = await crosstab("q1", "q:q2");
      const firstMs = performance.now() - started;
      clearInterval(timer);
      if (first.rows.length !== 5) throw new Error(`q1 × q2 has ${first.rows.length} rows`);
      const others: number[] = [];
      for (const [question, by] of [
        ["q3", "q:q4"],
        ["q7", "q:q1"],
        ["q8", "q:q7"],
        ["q5", "q:q6"],
        ["q2", "q:q8"],
      ] as const) {
        started = performance.now();
        await crosstab(question, by);
        others.push(performance.now() - started);
      }
      const repeats: number[] = [];
      for (let i = 0; i < 20; i++) {
        started = performance.now();
        await crosstab("q1", "q:q2");
        repeats.push(performance.now() - started);
      }
      // Weighted by age band: each pair's three-way table disclosed once (on a worker thread), every band weighted.
      await database.db
        .insertInto("wardPopulation")
        .values(ageBands.map((band, i) => ({ wardCode: "27127", ageBand: band, population: 10_000 + 1_000 * i })))
        .onConflict((oc) => oc.columns(["wardCode", "ageBand"]).doUpdateSet({ population: 10_000 }))
        .execute();
      const weighted: number[] = [];
      let weightedPause = 0;
      let weightedShares = 0;
      for (const [question, by] of [
        ["q1", "q:q2"],
        ["q3", "q:q4"],
        ["q7", "q:q1"],
        ["q8", "q:q7"],
        ["q2", "yearsInWard"],
      ] as const) {
        tick = performance.now();
        const watch = setInterval(() => {
          const now = performance.now();
          weightedPause = Math.max(weightedPause, now - tick);
          tick = now;
        }, 1);
        started = performance.now();
        const table = await crosstab(question, by, "age");
        weighted.push(performance.now() - started);
        clearInterval(watch);
        weightedShares += table.rows.flatMap((r) => r.cells).filter((c) => c.weighted).length;
      }
      if (weightedShares === 0) throw new Error("no weighted share at 100 k responses");
      print("surveys.crosstab_first_ms_at_100k", firstMs, "ms");
      print("surveys.crosstab_first_longest_pause_ms_at_100k", pause, "ms");
      print("surveys.crosstab_other_pair_ms_at_100k", median(others), "ms");
      print("surveys.crosstab_repeat_ms_at_100k", median(repeats), "ms");
      print("surveys.crosstab_weighted_pair_ms_at_100k", median(weighted), "ms");
      print("surveys.crosstab_weighted_longest_pause_ms_at_100k", weightedPause, "ms");
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
