/**
 * Cross-tabs (issue 16), against real databases: a question by another question is counted from the
 * published responses only and hides what the one-way tables would let a reader subtract; by a profile
 * field it is the published breakdown; the CSV hides the same cells and guards formulas; and another
 * ward's staff, asking 20 times at once, learn nothing, not even that the survey exists.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { noAnswerKey } from "../../shared/surveys/aggregates";
import { determinedPairCells, knownFromOneWay, type PairShown, tabulate } from "../../shared/surveys/crosstab-disclosure";
import type { Profile, SurveyDefinition } from "../../shared/surveys/model";
import { rangeOfKey } from "../../shared/surveys/ranges";
import type { Crosstab } from "../../shared/surveys/staff/crosstab";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { dayMs, insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const options = (...ids: string[]) =>
  ids.map((id) => ({ id, label: ja(id === "evil" ? '=HYPERLINK("http://x")' : `選択肢${id}`), themes: [] }));
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: ["ageBand", "yearsInWard"],
  questions: [
    { id: "knows", type: "single", text: ja("地活協を知っていますか"), required: true, themes: [], options: options("yes", "no") },
    {
      id: "years",
      type: "single",
      text: ja("区に住んで何年ですか"),
      required: false,
      themes: [],
      options: options("short", "long", "evil"),
    },
    {
      id: "joins",
      type: "multiple",
      text: ja("参加している活動"),
      required: false,
      themes: [],
      min: 0,
      max: 3,
      options: options("festival", "cleanup", "patrol"),
    },
    { id: "minutes", type: "number", text: ja("徒歩で何分"), required: false, themes: [], min: 0, max: 120, integer: true, unit: ja("分") },
    { id: "comment", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: false },
  ],
};
/** The i-th respondent's minutes (null: skipped). */
const minutesOf = (i: number) => (i % 5 === 0 ? null : (i * 37) % 121);
const rules = { ...testSurveyRules, minCell: 10 };

/** A respondent: knows, years (null: skipped), joins (null: skipped). */
type Person = [knows: "yes" | "no", years: string | null, joins: string[] | null];
// 90 people: the yes × short cell holds 3 (hidden); without more hidden, 3 = short (17) − 14 would be
// worked out from the one-way table.
const people: Person[] = [
  ...Array.from({ length: 3 }, (): Person => ["yes", "short", ["festival"]]),
  ...Array.from({ length: 25 }, (_, i): Person => ["yes", "long", i % 2 ? ["festival", "cleanup"] : ["cleanup"]]),
  ...Array.from({ length: 14 }, (_, i): Person => ["no", "short", i % 3 ? null : ["patrol"]]),
  ...Array.from({ length: 12 }, (): Person => ["no", "long", []]),
  ...Array.from({ length: 15 }, (): Person => ["yes", "evil", []]),
  ...Array.from({ length: 15 }, (): Person => ["no", "evil", ["patrol"]]),
  ...Array.from({ length: 6 }, (): Person => ["no", null, null]),
];
const profiles: Profile[] = [{ ageBand: "30s", yearsInWard: "1to5" }, { ageBand: "60s", yearsInWard: "20plus" }, {}];

describe.each(dialects)("cross-tabs", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let client: ReturnType<typeof jsonClient>;
    const survey = surveyRow(definition, { kind: "sampled", closesAt: new Date(Date.now() + 30 * dayMs).toISOString() });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      client = jsonClient(testApp(database, { surveys: rules }));
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [survey]);
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    async function answer(list: Person[], surveys = rules) {
      for (const [i, [knows, years, joins]] of list.entries())
        await submitResponse(database, surveys, {
          surveyId: survey.id,
          response: {
            id: uuidv7(),
            answers: {
              knows: { option: knows },
              ...(years ? { years: { option: years } } : {}),
              ...(joins ? { joins: { options: joins } } : {}),
              ...(minutesOf(i) === null ? {} : { minutes: { value: minutesOf(i) as number } }),
            },
            profile: profiles[i % 3] as Profile,
          },
          clientAddress: "clerk",
          mode: "paper",
        });
    }
    const read = async (headers: Record<string, string>, query: string) => {
      const response = await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab?${query}`, headers);
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as Crosstab;
    };
    const cell = (table: Crosstab, group: string, key: string) =>
      table.rows.find((r) => r.group === group)?.cells.find((c) => c.key === key);

    it("crosses two questions from the published responses, hiding the small cell and what would give it away", async () => {
      const headers = await client.loginAs("kita.staff");
      await answer(people);
      const table = await read(headers, "question=knows&by=q:years");
      expect(table.keys).toEqual(["yes", "no"]);
      // A paper form's blank item is 無回答 (paper entry): the six without years are a row of their own.
      expect(table.rows.map((r) => [r.group, r.total])).toEqual([
        ["short", false],
        ["long", false],
        ["evil", false],
        [noAnswerKey, false],
        ["_answered", true],
      ]);
      // The small cells (3, and the six 無回答) are hidden, and so is what would give them away: the rest of
      // their rows, so no sum of the one-way tables and the shown cells gives either.
      expect(table.rows.map((r) => r.cells.map((c) => c.count))).toEqual([
        [null, null],
        [25, 12],
        [15, 15],
        [null, null],
        [43, 47],
      ]);
      // Shares of the row's respondents, with a Wilson interval (a sampled survey).
      const long = table.rows.find((r) => r.group === "long");
      expect(long?.answered).toBe(37);
      expect(cell(table, "long", "no")?.share).toBeCloseTo(12 / 37, 6);
      const interval = cell(table, "long", "no")?.interval as [number, number];
      expect(interval[0]).toBeLessThan(12 / 37);
      expect(interval[1]).toBeGreaterThan(12 / 37);
      // Every shown count is true, and the shown numbers with the one-way tables determine no hidden one.
      const oneWay = (await (await client.request("GET", `/api/staff/surveys/${survey.id}/results`, headers)).json()) as {
        segments: {
          responses: number | null;
          questions: { id: string; answered: number | null; options: { key: string; count: number | null }[] }[];
        }[];
      };
      const all = oneWay.segments[0];
      const line = (id: string) => {
        const q = all?.questions.find((x) => x.id === id);
        return [...(q?.options.map((o) => o.count) ?? []), q?.answered ?? null, all?.responses ?? null];
      };
      const keys = { years: ["short", "long", "evil", noAnswerKey], knows: ["yes", "no"] };
      const counts = tabulate(
        { keys: keys.years, addsUp: true },
        { keys: keys.knows, addsUp: true },
        {
          rowMasks: people.map(([, y]) => 1 << keys.years.indexOf(y ?? noAnswerKey)),
          rowAnswered: people.map(() => 1),
          columnMasks: people.map(([k]) => 1 << keys.knows.indexOf(k)),
          columnAnswered: people.map(() => 1),
        },
      );
      const columns = line("knows");
      const shown: PairShown = [
        ...table.rows.map((r, i) => [...r.cells.map((c) => c.count), r.answered, line("years")[i] ?? null]),
        columns,
      ];
      shown.forEach((row, r) => {
        row.forEach((v, c) => {
          if (v !== null) expect(v).toBe(counts.values[r]?.[c]);
        });
      });
      const oneWayOnly = shown.map((row, r) => row.map((v, c) => (r === shown.length - 1 || c === row.length - 1 ? v : null)));
      expect(determinedPairCells(counts, shown, knownFromOneWay(counts, oneWayOnly))).toEqual([]);
    });

    it("records each read of a cross-tab, JSON or CSV, in the audit log as a read of the survey's results", async () => {
      const headers = await client.loginAs("kita.staff");
      await answer(people);
      await read(headers, "question=knows&by=q:years");
      expect((await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab.csv?question=knows&by=area`, headers)).status).toBe(
        200,
      );
      const entries = await database.db
        .selectFrom("auditLog")
        .select(["login", "action", "target", "wardCode", "details"])
        .where("action", "=", "results.view")
        .execute();
      // Two reads in the same millisecond may come back in either order.
      expect(entries.map((e) => [e.login, e.target, e.wardCode, JSON.parse(e.details).by]).sort()).toEqual([
        ["kita.staff", survey.id, "27127", "crosstab:knows:area"],
        ["kita.staff", survey.id, "27127", "crosstab:knows:q:years"],
      ]);
    });

    it("shows 無回答 as a column of the question and as a row of the by-question when the counts hold it", async () => {
      const headers = await client.loginAs("kita.staff");
      await answer(people);
      // 12 paper forms with 知っていますか left blank, all living here long.
      for (let i = 0; i < 12; i++)
        await submitResponse(database, rules, {
          surveyId: survey.id,
          response: { id: uuidv7(), answers: { knows: { noAnswer: true }, years: { option: "long" } }, profile: {} },
          clientAddress: "clerk",
          mode: "paper",
        });
      const across = await read(headers, "question=knows&by=q:years");
      expect(across.keys).toEqual(["yes", "no", noAnswerKey]);
      expect(cell(across, "long", noAnswerKey)?.count).toBe(12);
      expect(across.rows.find((r) => r.group === "long")?.answered).toBe(37 + 12);
      const down = await read(headers, "question=years&by=q:knows");
      expect(down.rows.map((r) => r.group)).toEqual(["yes", "no", noAnswerKey, "_answered"]);
      expect(cell(down, noAnswerKey, "long")?.count).toBe(12);
    });

    it("shows the same numbers read either way round", async () => {
      const headers = await client.loginAs("kita.staff");
      await answer(people);
      const ab = await read(headers, "question=knows&by=q:years");
      const ba = await read(headers, "question=years&by=q:knows");
      for (const row of ab.rows.filter((r) => !r.total))
        for (const c of row.cells) expect(cell(ba, c.key, row.group)?.count, `${row.group} × ${c.key}`).toBe(c.count);
    });

    it("crosses a multiple choice, and by a profile field is the published breakdown itself", async () => {
      const headers = await client.loginAs("kita.staff");
      await answer(people);
      const joins = await read(headers, "question=joins&by=q:knows");
      expect(joins.keys).toEqual(["festival", "cleanup", "patrol", noAnswerKey]);
      expect(cell(joins, "yes", "cleanup")?.count).toBe(25);
      const byYears = await read(headers, "question=knows&by=yearsInWard");
      const breakdown = (await (await client.request("GET", `/api/staff/surveys/${survey.id}/results?by=yearsInWard`, headers)).json()) as {
        segments: { segment: string; questions: { id: string; options: { key: string; count: number | null }[] }[] }[];
      };
      for (const segment of breakdown.segments)
        for (const option of segment.questions.find((q) => q.id === "knows")?.options ?? [])
          expect(cell(byYears, segment.segment, option.key)?.count).toBe(option.count);
      expect(byYears.rows.at(-1)).toMatchObject({ group: "all", total: true, answered: people.length });
    });

    it("crosses a number question by its published ranges, and never groups by one", async () => {
      const headers = await client.loginAs("kita.staff");
      await answer(people);
      const table = await read(headers, "question=minutes&by=q:knows");
      // The ranges, then 無回答 (the paper forms that left it blank).
      expect(table.keys.at(-1)).toBe(noAnswerKey);
      const bounds = table.keys.slice(0, -1).map(rangeOfKey);
      expect(bounds.length).toBeGreaterThan(1);
      expect([bounds[0]?.low, bounds.at(-1)?.high]).toEqual([0, 120]);
      let shown = 0;
      for (const row of table.rows.filter((r) => !r.total))
        for (const c of row.cells) {
          if (c.count === null || c.key === noAnswerKey) continue;
          const range = rangeOfKey(c.key) as { low: number; high: number };
          const truth = people.filter(([knows], i) => {
            const minutes = minutesOf(i);
            return knows === row.group && minutes !== null && range.low <= minutes && minutes <= range.high;
          }).length;
          expect(c.count, `${row.group} × ${c.key}`).toBe(truth);
          shown += 1;
        }
      expect(shown).toBeGreaterThan(0);
      // By a profile field, each row lists the same ranges (hidden where the breakdown hides them).
      const byYears = await read(headers, "question=minutes&by=yearsInWard");
      expect(byYears.keys).toEqual(table.keys);
      for (const row of byYears.rows) expect(row.cells.map((c) => c.key)).toEqual(table.keys);
      await expectErrorResponse(
        await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab?question=knows&by=q:minutes`, headers),
        "crosstab.invalid_pair",
      );
    });

    it("reads only what a snapshot published: fewer than K new responses change nothing", async () => {
      // A deployment's wait between snapshots: the second batch arrives within the day.
      const daily = { ...rules, refreshHours: 24 };
      client = jsonClient(testApp(database, { surveys: daily }));
      const fresh = await client.loginAs("kita.staff");
      await answer(people, daily);
      const before = await read(fresh, "question=knows&by=q:years");
      await answer(people.slice(0, 9), daily);
      expect(await read(fresh, "question=knows&by=q:years")).toEqual(before);
    });

    it("exports the same hidden cells as CSV, formula-safe", async () => {
      const headers = await client.loginAs("kita.staff");
      await answer(people);
      const response = await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab.csv?question=knows&by=q:years`, headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
      const line = (group: string, key: string) => rows.find((r) => r[3] === group && r[5] === key);
      expect(line("short", "yes")?.[7]).toBe("10未満");
      expect(line("long", "no")?.[7]).toBe("12");
      // An option labelled like a formula is written so a spreadsheet shows it as text.
      expect(line("evil", "yes")?.[4]).toBe('\'=HYPERLINK("http://x")');
    });

    it("answers another ward's staff 404, asked 20 times at once, as for a survey that does not exist; a bad pair is refused", async () => {
      await answer(people);
      const chuo = await client.loginAs("chuo.staff");
      const paths = ["crosstab?question=knows&by=q:years", "crosstab.csv?question=knows&by=q:years", "crosstab?question=knows&by=area"];
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.request("GET", `/api/staff/surveys/${survey.id}/${paths[i % 3]}`, chuo)),
      );
      for (const response of responses) await expectErrorResponse(response, "surveys.not_found");
      const missing = await client.request("GET", `/api/staff/surveys/${uuidv7()}/crosstab?question=knows&by=q:years`, chuo);
      await expectErrorResponse(missing, "surveys.not_found");

      const kita = await client.loginAs("kita.staff");
      for (const query of [
        "question=knows&by=q:knows",
        "question=comment&by=q:knows",
        "question=knows&by=q:comment",
        "question=nope&by=area",
      ])
        await expectErrorResponse(
          await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab?${query}`, kita),
          "crosstab.invalid_pair",
        );
      for (const query of ["question=knows", "question=knows&by=q:Bad!", "question=knows&by=income"])
        await expectErrorResponse(
          await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab?${query}`, kita),
          "request.invalid",
        );
      const admin = await client.loginAs("city.admin");
      expect((await client.request("GET", `/api/staff/surveys/${survey.id}/crosstab?question=knows&by=q:years`, admin)).status).toBe(200);
    });
  });
});
