/**
 * Weighted shares in cross-tabs (issue 16), against real databases: each group's share weighted to the
 * ward's population by age band is the post-stratified share of its bands' counts; a group whose
 * weighting needs a band's hidden count gets none, whatever populations an attacker enters (finding 8);
 * and the band counts the weighted shares of both readings of a pair use, taken as published beside every
 * published table, determine no hidden count. By a profile field, everyone's row is the one-way weighted
 * share; the CSV carries the weighted shares; another ward's staff get 404.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { poststratify } from "../../shared/stats/weighting";
import { tabulateLayers } from "../../shared/surveys/crosstab-counts";
import { disclosePair, type PairShown, tabulate, transpose } from "../../shared/surveys/crosstab-disclosure";
import { determinedLayerCells } from "../../shared/surveys/crosstab-layers";
import { ageBands, type SurveyDefinition } from "../../shared/surveys/model";
import type { Crosstab } from "../../shared/surveys/staff/crosstab";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { dayMs, insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: ja(`選択肢${id}`), themes: [] }));
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: ["ageBand", "yearsInWard"],
  questions: [
    { id: "knows", type: "single", text: ja("地活協を知っていますか"), required: true, themes: [], options: options("yes", "no") },
    { id: "years", type: "single", text: ja("区に住んで何年ですか"), required: true, themes: [], options: options("short", "mid", "long") },
  ],
};
const rules = { ...testSurveyRules, minCell: 10 };

/** How many answered [knows, years], in band 30s, 60s and with no band given. */
const groups: [knows: "yes" | "no", years: "short" | "mid" | "long", thirties: number, sixties: number, none: number][] = [
  ["yes", "short", 12, 10, 10],
  ["no", "short", 12, 15, 0],
  ["yes", "mid", 12, 12, 0],
  // Three in their thirties: a hidden count, so the "mid" row gets no weighted share.
  ["no", "mid", 3, 12, 0],
  ["yes", "long", 12, 20, 0],
  ["no", "long", 12, 11, 10],
];
const people = groups.flatMap(([knows, years, ...counts]) =>
  // Half of each band has lived here 20 years or more; so have all who gave no age (else they would be
  // counts of 5, which the bands' counts would give away by subtraction: no weighting then).
  counts.flatMap((count, band) => Array.from({ length: count }, (_, i) => ({ knows, years, band, settled: band === 2 || i % 2 === 0 }))),
);
const bandOf = (band: number) => (band === 0 ? "30s" : band === 1 ? "60s" : undefined);

describe.each(dialects)("weighted cross-tabs", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let client: ReturnType<typeof jsonClient>;
    const survey = surveyRow(definition, { kind: "sampled", closesAt: new Date(Date.now() + 30 * dayMs).toISOString() });

    const setPopulation = async (thirties: number, sixties: number) => {
      await database.db.deleteFrom("wardPopulation").execute();
      await insertInto(
        database,
        "wardPopulation",
        ageBands.map((band) => ({
          wardCode: "27127",
          ageBand: band,
          population: band === "30s" ? thirties : band === "60s" ? sixties : 0,
        })),
      );
    };

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      client = jsonClient(testApp(database, { surveys: rules }));
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [survey]);
      await setPopulation(1000, 3000);
      for (const p of people) {
        const ageBand = bandOf(p.band);
        await submitResponse(database, rules, {
          surveyId: survey.id,
          response: {
            id: uuidv7(),
            answers: { knows: { option: p.knows }, years: { option: p.years } },
            profile: { ...(ageBand ? { ageBand } : {}), yearsInWard: p.settled ? "20plus" : "1to5" },
          },
          clientAddress: "clerk",
          mode: "paper",
        });
      }
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    const read = async (headers: Record<string, string>, query: string) => {
      const response = await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab?${query}`, headers);
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as Crosstab;
    };
    const cell = (table: Crosstab, group: string, key: string) =>
      table.rows.find((r) => r.group === group)?.cells.find((c) => c.key === key);
    /** The post-stratified share of `knows` among those of `years`, from the true counts. */
    const truth = (years: string, knows: string, population: [number, number]) =>
      poststratify(
        [0, 1].map((band) => {
          const inRow = people.filter((p) => p.band === band && p.years === years);
          return { answered: inRow.length, chose: inRow.filter((p) => p.knows === knows).length, population: population[band] as number };
        }),
      );

    it("weights each group's share by age band, and gives none where a band's count it needs is hidden", async () => {
      const headers = await client.loginAs("kita.staff");
      const table = await read(headers, "question=knows&by=q:years&weight=age");
      // Every weighted share shown is the post-stratified share of the true counts: 1000 : 3000.
      for (const row of table.rows.filter((r) => !r.total))
        for (const c of row.cells)
          if (c.weighted)
            expect(c.weighted.share, `${row.group} × ${c.key}`).toBeCloseTo(truth(row.group, c.key, [1000, 3000])?.share as number, 9);
      // The hidden three, with the one-way tables by age band, would be given away by one of the other two
      // rows, so one of them is not weighted either; the other is, whole.
      const weightedRows = ["short", "long"].filter((group) => cell(table, group, "yes")?.weighted);
      expect(weightedRows).toHaveLength(1);
      const group = weightedRows[0] as string;
      // Those living here a short time: 30s 12 of 24 know it, 60s 10 of 25; long: 12 of 24, 20 of 31.
      const expected = group === "short" ? (1000 * (12 / 24) + 3000 * (10 / 25)) / 4000 : (1000 * (12 / 24) + 3000 * (20 / 31)) / 4000;
      const share = cell(table, group, "yes")?.weighted;
      expect(share?.share).toBeCloseTo(expected, 9);
      const interval = share?.interval as [number, number];
      expect(interval[0]).toBeLessThan(expected);
      expect(interval[1]).toBeGreaterThan(expected);
      expect(cell(table, group, "no")?.weighted?.share).toBeCloseTo(1 - expected, 9);
      // Everyone who answered the by-question: the one-way weighted share.
      expect(cell(table, "_answered", "yes")?.weighted?.share).toBeCloseTo((1000 * (36 / 63) + 3000 * (42 / 80)) / 4000, 9);
      // The three in their thirties are hidden, so the mid row is not weighted at all.
      for (const key of ["yes", "no"])
        expect(cell(table, "mid", key)).toMatchObject({ weighted: null, weightedUnavailable: "hidden_cells" });
      // Unweighted, nothing changes: the counts are the cross-tab's.
      const plain = await read(headers, "question=knows&by=q:years");
      expect(plain.rows.map((r) => r.cells.map((c) => c.count))).toEqual(table.rows.map((r) => r.cells.map((c) => c.count)));
      expect(plain.rows[0]?.cells[0]).not.toHaveProperty("weighted");
    });

    it("gives no weighted share from a hidden count whatever populations are entered, asked 20 times at once (finding 8)", async () => {
      const headers = await client.loginAs("kita.staff");
      // A reader who weights the thirties 10,000,000 to 1 would read their hidden share back out.
      await setPopulation(10_000_000, 1);
      const tables = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          read(headers, i % 2 ? "question=knows&by=q:years&weight=age" : "question=years&by=q:knows&weight=age"),
        ),
      );
      for (const table of tables) {
        const mid =
          table.question === "knows"
            ? table.rows.find((r) => r.group === "mid")?.cells
            : table.rows.filter((r) => !r.total).map((r) => r.cells.find((c) => c.key === "mid"));
        for (const c of mid ?? []) expect(c?.weighted ?? null).toBeNull();
      }
      const across = tables[1] as Crosstab;
      const shown = across.rows.filter((r) => !r.total && r.cells[0]?.weighted);
      expect(shown).toHaveLength(1);
      for (const row of shown)
        expect(row.cells[0]?.weighted?.share).toBeCloseTo(truth(row.group, "yes", [10_000_000, 1])?.share as number, 9);
    });

    it("uses, over both readings of the pair, only band counts that determine no hidden count", async () => {
      const headers = await client.loginAs("kita.staff");
      const across = await read(headers, "question=knows&by=q:years&weight=age");
      const down = await read(headers, "question=years&by=q:knows&weight=age");
      // The pair in survey order (knows down, years across), and each band's counts.
      const keys = { knows: ["yes", "no"], years: ["short", "mid", "long"] };
      const answers = {
        rowMasks: people.map((p) => 1 << keys.knows.indexOf(p.knows)),
        rowAnswered: people.map(() => 1),
        columnMasks: people.map((p) => 1 << keys.years.indexOf(p.years)),
        columnAnswered: people.map(() => 1),
      };
      const sides = [
        { keys: keys.knows, addsUp: true },
        { keys: keys.years, addsUp: true },
      ] as const;
      const whole = tabulate(...sides, answers);
      const layers = tabulateLayers(
        ...sides,
        answers,
        people.map((p) => (p.band === 2 ? ageBands.length : ageBands.indexOf(bandOf(p.band) as "30s"))),
        ageBands.length + 1,
      );
      // What is published: the cross-tab with its one-way tables, and each band's one-way tables.
      const byAge = (await (await client.request("GET", `/api/staff/surveys/${survey.id}/results?by=ageBand`, headers)).json()) as {
        segments: {
          segment: string;
          responses: number | null;
          questions: { id: string; answered: number | null; options: { count: number | null }[] }[];
        }[];
      };
      const line = (segment: string | undefined, id: string) => {
        const s = byAge.segments.find((x) => x.segment === segment);
        const q = s?.questions.find((x) => x.id === id);
        return s
          ? [...(q?.options.map((o) => o.count) ?? []), q?.answered ?? null, s.responses]
          : [0, 0, 0, 0, 0].slice(0, 2 + keys[id as "knows"].length);
      };
      const margins = layers.map((_, l): PairShown => {
        const segment = l < ageBands.length ? `age:${ageBands[l]}` : undefined;
        const columns = segment ? line(segment, "years") : [null, null, null, null, null];
        const rows = segment ? line(segment, "knows") : [null, null, null, null];
        return rows.map((total, r) => (r === 3 ? columns : [null, null, null, null, total]));
      });
      const pair = transpose(across.rows.map((r) => [...r.cells.map((c) => c.count), r.answered]).concat([[null, null, null]]));
      const everyone = whole.values;
      const oneWay: PairShown = everyone.map((row, r) => row.map((v, c) => (r === 3 || c === 4 ? v : null)));
      const wholeShown: PairShown = everyone.map((row, r) => row.map((v, c) => (r === 3 || c === 4 ? v : (pair[r]?.[c] ?? null))));
      expect(wholeShown).toEqual(disclosePair(whole, oneWay, 10));
      // A band count a shown weighted share was worked out from, read either way round, is published.
      const shown: PairShown[] = margins.map((grid) => grid.map((row) => [...row]));
      const publish = (k: number, y: number) => {
        for (const l of [ageBands.indexOf("30s"), ageBands.indexOf("60s")])
          ((shown[l] as PairShown)[k] as (number | null)[])[y] = layers[l]?.values[k]?.[y] as number;
      };
      for (const row of across.rows.filter((r) => !r.total))
        for (const c of row.cells)
          if (c.weighted) {
            publish(keys.knows.indexOf(c.key), keys.years.indexOf(row.group));
            publish(2, keys.years.indexOf(row.group));
          }
      for (const row of down.rows.filter((r) => !r.total))
        for (const c of row.cells)
          if (c.weighted) {
            publish(keys.knows.indexOf(row.group), keys.years.indexOf(c.key));
            publish(keys.knows.indexOf(row.group), 3);
          }
      expect(shown.flat(2).filter((v) => v !== null).length).toBeGreaterThan(margins.flat(2).filter((v) => v !== null).length);
      const question = {
        counts: { whole, layers },
        wholeShown,
        margins,
        weighted: ageBands.map((b) => b === "30s" || b === "60s").concat(false),
        minCell: 10,
      };
      const known = new Set(determinedLayerCells(question, margins).map(({ l, r, c }) => `${l},${r},${c}`));
      expect(determinedLayerCells(question, shown, known)).toEqual([]);
    });

    it("by a profile field, weights each group, and everyone's row is the one-way weighted share", async () => {
      const headers = await client.loginAs("kita.staff");
      const table = await read(headers, "question=knows&by=yearsInWard&weight=age");
      const results = (await (await client.request("GET", `/api/staff/surveys/${survey.id}/results?weight=age`, headers)).json()) as {
        segments: { segment: string; questions: { id: string; options: { key: string; weighted?: { share: number } | null }[] }[] }[];
      };
      const oneWay = results.segments[0]?.questions.find((q) => q.id === "knows")?.options.find((o) => o.key === "yes")?.weighted?.share;
      expect(oneWay).toBeDefined();
      expect(cell(table, "all", "yes")?.weighted?.share).toBeCloseTo(oneWay as number, 9);
      const settled = people.filter((p) => p.settled);
      const share = poststratify(
        [0, 1].map((band) => {
          const inBand = settled.filter((p) => p.band === band);
          return { answered: inBand.length, chose: inBand.filter((p) => p.knows === "yes").length, population: band === 0 ? 1000 : 3000 };
        }),
      );
      expect(cell(table, "years:20plus", "yes")?.weighted?.share).toBeCloseTo(share?.share as number, 9);
      // By age band itself there is nothing to weight.
      const byAge = await read(headers, "question=knows&by=ageBand&weight=age");
      expect(byAge.rows.flatMap((r) => r.cells).some((c) => "weighted" in c)).toBe(false);
    });

    it("exports the weighted shares as CSV, 算出しない where one is not worked out", async () => {
      const headers = await client.loginAs("kita.staff");
      const response = await client.request(
        "GET",
        `/api/staff/surveys/${survey.id}/crosstab.csv?question=knows&by=q:years&weight=age`,
        headers,
      );
      expect(response.status).toBe(200);
      const rows = parseCsv(new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3)));
      expect(rows[0]?.slice(12)).toEqual(["補正後の割合(%)", "補正後95%下限(%)", "補正後95%上限(%)"]);
      const line = (group: string, key: string) => rows.find((r) => r[3] === group && r[5] === key);
      const table = await read(headers, "question=knows&by=q:years&weight=age");
      let weighted = 0;
      for (const row of table.rows)
        for (const c of row.cells) {
          if (c.weighted) weighted += 1;
          expect(line(row.group, c.key)?.[12]).toBe(c.weighted ? (c.weighted.share * 100).toFixed(1) : "算出しない");
        }
      expect(weighted).toBeGreaterThan(0);
      expect(line("mid", "no")?.[12]).toBe("算出しない");
    });

    it("answers another ward's staff 404 for a weighted cross-tab, asked 20 times at once", async () => {
      const chuo = await client.loginAs("chuo.staff");
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client.request(
            "GET",
            `/api/staff/surveys/${survey.id}/crosstab${i % 2 ? ".csv" : ""}?question=knows&by=q:years&weight=age`,
            chuo,
          ),
        ),
      );
      for (const response of responses) await expectErrorResponse(response, "surveys.not_found");
      const kita = await client.loginAs("kita.staff");
      await expectErrorResponse(
        await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab?question=knows&by=q:years&weight=sex`, kita),
        "request.invalid",
      );
    });
  });
});
