/**
 * Paper forms as they come (issue 16, point 1), on each dialect: a paper entry with a blank required
 * item is accepted and the item counted as 無回答 (`_noAnswer`), in the question's base but never as an
 * answer; a question hidden by its condition stays 非該当; the 無回答 count goes through disclosure
 * control like any other (a reader who solves the published tables, or subtracts, learns no hidden
 * 無回答); exports carry it; and bad input is still refused, naming the question by number and text.
 */
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { sha256 } from "../../server/surveys/prepare";
import { countsOf } from "../../server/surveys/results";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { wilsonInterval } from "../../shared/stats/wilson";
import { breakdowns, noAnswerKey } from "../../shared/surveys/aggregates";
import type { Answers } from "../../shared/surveys/answers";
import type { Disclosed } from "../../shared/surveys/disclosure";
import { determinedCells } from "../../shared/surveys/disclosure-check";
import { newInvitationCode } from "../../shared/surveys/invitation-code";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { StaffResults } from "../../shared/surveys/staff/results";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: ja(id), themes: [] }));
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: ["ageBand"],
  questions: [
    { id: "knows", type: "single", text: ja("地域活動協議会を知っていますか"), required: true, themes: [], options: options("yes", "no") },
    { id: "joins", type: "multiple", text: ja("参加したい活動"), required: false, themes: [], options: options("a", "b"), min: 0, max: 2 },
    { id: "years", type: "number", text: ja("住んでいる年数"), required: true, themes: [], min: 0, max: 100, integer: true },
    {
      id: "how",
      type: "single",
      text: ja("どこで知りましたか"),
      required: true,
      themes: [],
      options: options("x", "y"),
      showIf: { question: "knows", anyOf: ["yes"] },
    },
    { id: "note", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
  ],
};

/** A whole paper form answered: yes or no, activity a, a number of years (and where they heard of it, for yes). */
const full = (knows: "yes" | "no"): Answers => ({
  knows: { option: knows },
  joins: { options: ["a"] },
  years: { value: 12 },
  ...(knows === "yes" ? { how: { option: "x" } } : {}),
  note: { text: "よい" },
});

describe.each(dialects)("paper entry with 無回答", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    const survey = surveyRow(definition, { kind: "sampled" });
    const codes = Array.from({ length: 30 }, (_, i) => newInvitationCode(createHash("sha256").update(`paper-letter-${i}`).digest()));

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database);
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [survey]);
      await insertInto(
        database,
        "invitationCodes",
        codes.map((code) => ({ codeHash: sha256(code), surveyId: survey.id, batchId: "letters", used: 0 })),
      );
    });
    afterEach(async () => testDb.cleanup());

    const client = () => jsonClient(app);
    const enter = async (headers: Record<string, string>, body: unknown) =>
      client().request("POST", `/api/staff/surveys/${survey.id}/paper`, headers, body);
    /** Paper forms stored without codes (as the seed does), each of these answers. */
    const bulk = async (answers: Answers[], ageBand: "30s" | "70s" = "30s") => {
      for (const given of answers)
        await submitResponse(database, testSurveyRules, {
          surveyId: survey.id,
          response: { id: uuidv7(), answers: given, profile: { ageBand } },
          clientAddress: "test",
          mode: "paper",
        });
    };
    const results = async (headers: Record<string, string>, query = "") => {
      const response = await app.request(`/api/staff/surveys/${survey.id}/results${query}`, { headers });
      expect(response.status).toBe(200);
      return StaffResults.parse(await response.json());
    };
    const questionOf = (r: StaffResults, id: string, segment = "all") =>
      r.segments.find((s) => s.segment === segment)?.questions.find((q) => q.id === id);

    it("accepts a paper form with a blank required item and counts it as 無回答, in the base but never as an answer", async () => {
      const headers = await client().loginAs("kita.staff");
      await bulk([...Array.from({ length: 14 }, () => full("yes")), ...Array.from({ length: 10 }, () => full("no"))]);
      // 12 letters with only the number of years filled in: 知っていますか (required) left blank.
      for (const code of codes.slice(0, 12)) {
        const stored = await enter(headers, { id: uuidv7(), code, answers: { years: { value: 3 } }, profile: {} });
        expect(stored.status).toBe(201);
      }

      const r = await results(headers);
      expect(r.segments[0]?.responses).toBe(36);
      const knows = questionOf(r, "knows");
      // Everyone is in its base; the 12 blanks are 無回答, and "yes" and "no" are what was answered.
      expect(knows?.answered).toBe(36);
      expect(Object.fromEntries(knows?.options.map((o) => [o.key, o.count]) ?? [])).toEqual({ yes: 14, no: 10, [noAnswerKey]: 12 });
      const noAnswer = knows?.options.find((o) => o.key === noAnswerKey);
      expect(noAnswer?.share).toBeCloseTo(12 / 36, 10);
      // A sampled survey: 無回答 has its Wilson interval like any category.
      expect(noAnswer?.interval).toEqual(wilsonInterval(12, 36));
      expect(knows?.options.reduce((sum, o) => sum + (o.share ?? 0), 0)).toBeCloseTo(1, 10);
      // The follow-up asked only of "yes": its condition hid it from the blanks (非該当), so no 無回答 there.
      const how = questionOf(r, "how");
      expect(how?.answered).toBe(14);
      expect(how?.options.map((o) => o.key)).toEqual(["x", "y"]);
      // The optional multiple choice and the text, left blank: 無回答 too.
      expect(questionOf(r, "joins")?.options.find((o) => o.key === noAnswerKey)?.count).toBe(12);
      expect(questionOf(r, "note")?.options).toEqual([expect.objectContaining({ key: noAnswerKey, count: 12 })]);

      // Stored as an explicit 無回答, the hidden follow-up as nothing at all.
      const stored = await database.db.selectFrom("responses").select("answers").where("surveyId", "=", survey.id).execute();
      const blanks = stored
        .map((row) => JSON.parse(row.answers) as Record<string, unknown>)
        .filter((a) => "noAnswer" in (a.knows as object));
      expect(blanks).toHaveLength(12);
      expect(blanks[0]).toEqual({ knows: { noAnswer: true }, joins: { noAnswer: true }, years: { value: 3 }, note: { noAnswer: true } });
    });

    it("weights 無回答 to the ward's population like any category, its weighted shares adding up with the answers", async () => {
      const headers = await client().loginAs("kita.staff");
      const blanks = async (count: number, ageBand: "30s" | "70s") => {
        for (let i = 0; i < count; i++)
          await submitResponse(database, testSurveyRules, {
            surveyId: survey.id,
            response: { id: uuidv7(), answers: { years: { value: 4 } }, profile: { ageBand } },
            clientAddress: "test",
            mode: "paper",
          });
      };
      // 30s: 20 yes and 10 blank; 70s: 10 yes, 10 no and 10 blank.
      await bulk(
        Array.from({ length: 20 }, () => full("yes")),
        "30s",
      );
      await blanks(10, "30s");
      await bulk([...Array.from({ length: 10 }, () => full("yes")), ...Array.from({ length: 10 }, () => full("no"))], "70s");
      await blanks(10, "70s");
      const population = { "10s": 0, "20s": 0, "30s": 20_000, "40s": 0, "50s": 0, "60s": 0, "70s": 60_000, "80plus": 0 };
      expect((await client().request("PUT", "/api/staff/population", headers, { ward: "27127", bands: population })).status).toBe(204);

      const knows = questionOf(await results(headers, "?weight=age"), "knows");
      const weighted = Object.fromEntries(knows?.options.map((o) => [o.key, o.weighted?.share]) ?? []);
      // A quarter of the population answers like the 30s, three quarters like the 70s.
      expect(weighted[noAnswerKey]).toBeCloseTo(0.25 * (10 / 30) + 0.75 * (10 / 30), 10);
      expect(weighted.yes).toBeCloseTo(0.25 * (20 / 30) + 0.75 * (10 / 30), 10);
      expect(weighted.no).toBeCloseTo(0.75 * (10 / 30), 10);
      expect((weighted.yes as number) + (weighted.no as number) + (weighted[noAnswerKey] as number)).toBeCloseTo(1, 10);
      expect(knows?.options.find((o) => o.key === noAnswerKey)?.weighted?.interval).not.toBeNull();
    });

    it("corrects a 無回答 into an answer, and back, moving its count and never counting it twice", async () => {
      const headers = await client().loginAs("kita.staff");
      const path = `/api/staff/surveys/${survey.id}/paper`;
      expect((await enter(headers, { id: uuidv7(), code: codes[0], answers: { years: { value: 3 } }, profile: {} })).status).toBe(201);
      const { entries } = (await (await app.request(path, { headers })).json()) as { entries: { id: string; answers: unknown }[] };
      const entry = entries[0] as { id: string; answers: unknown };
      expect(entry.answers).toMatchObject({ knows: { noAnswer: true } });
      const live = async () => {
        const { counts } = await countsOf(database, survey.id, definition);
        const knows = counts.questions.find((q) => q.id === "knows");
        return Object.fromEntries((knows?.keys ?? []).map((key, i) => [key, knows?.cells.get("all")?.[i]]));
      };
      expect(await live()).toEqual({ yes: 0, no: 0, [noAnswerKey]: 1 });

      const correct = (answers: unknown) => client().request("PUT", `${path}/${entry.id}`, headers, { answers, profile: {} });
      expect((await correct({ knows: { option: "yes" }, years: { value: 3 }, how: { option: "y" } })).status).toBe(204);
      // No 無回答 left: no such category.
      expect(await live()).toEqual({ yes: 1, no: 0 });
      expect((await correct({ years: { value: 3 } })).status).toBe(204);
      expect(await live()).toEqual({ yes: 0, no: 0, [noAnswerKey]: 1 });
    });

    it("refuses bad input with an error naming the question by number and text, using nothing up", async () => {
      const headers = await client().loginAs("kita.staff");
      const code = codes[1] as string;
      const tooMany = await expectErrorResponse(
        await enter(headers, { id: uuidv7(), code, answers: { years: { value: 500 } }, profile: {} }),
        "responses.invalid",
      );
      expect(tooMany.error.details).toEqual({
        issues: [{ question: "years", code: "out_of_range", number: 3, text: { ja: "住んでいる年数" } }],
      });
      // An answer to the follow-up whose condition was left blank: 問4 is 非該当, not to be answered.
      const hidden = await expectErrorResponse(
        await enter(headers, { id: uuidv7(), code, answers: { years: { value: 5 }, how: { option: "x" } }, profile: {} }),
        "responses.invalid",
      );
      expect(hidden.error.details).toEqual({
        issues: [{ question: "how", code: "hidden_question", number: 4, text: { ja: "どこで知りましたか" } }],
      });
      // A 無回答 that carries an option is refused outright, never read as that option.
      await expectErrorResponse(
        await enter(headers, { id: uuidv7(), code, answers: { knows: { noAnswer: true, option: "yes" } }, profile: {} }),
        "request.invalid",
      );
      // None of this used the letter's code: the corrected form goes in.
      expect((await enter(headers, { id: uuidv7(), code, answers: { years: { value: 5 } }, profile: {} })).status).toBe(201);
    });

    it("still makes an online resident answer a required question, and takes no 無回答 online", async () => {
      const online = (answers: unknown, code: string) =>
        client().request("POST", `/api/surveys/${survey.id}/responses`, {}, { id: uuidv7(), answers, profile: {}, invitationCode: code });
      const missing = await expectErrorResponse(await online({ years: { value: 5 } }, codes[2] as string), "responses.invalid");
      expect(missing.error.details).toMatchObject({ issues: [{ question: "knows", code: "required", number: 1 }] });
      await expectErrorResponse(await online({ knows: { noAnswer: true }, years: { value: 5 } }, codes[2] as string), "request.invalid");
      expect((await online({ knows: { option: "no" }, years: { value: 5 } }, codes[2] as string)).status).toBe(201);
    });

    it("stores one of 20 concurrent entries of the same letter, each with blank required items", async () => {
      const headers = await client().loginAs("kita.staff");
      const code = codes[3] as string;
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => enter(headers, { id: uuidv7(), code, answers: { years: { value: 9 } }, profile: {} })),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      const { counts } = await countsOf(database, survey.id, definition);
      expect(counts.responses.get("all")).toBe(1);
      const knows = counts.questions.find((q) => q.id === "knows");
      expect(knows?.cells.get("all")?.[knows.keys.indexOf(noAnswerKey)]).toBe(1);
    });

    it("checks a letter's code as staff type it, within their ward only, using nothing up", async () => {
      const kita = await client().loginAs("kita.staff");
      const check = (headers: Record<string, string>, code: string) =>
        client().request("POST", `/api/staff/surveys/${survey.id}/paper/code-check`, headers, { code });
      const status = async (response: Response) => ((await response.json()) as { status: string }).status;
      const code = codes[4] as string;
      expect(await status(await check(kita, code.toLowerCase().replaceAll("-", " ")))).toBe("valid");
      expect(await status(await check(kita, code))).toBe("valid");
      expect(await status(await check(kita, "ABCD-EFGH-JKLM-NPQR"))).toBe("unknown");
      expect((await enter(kita, { id: uuidv7(), code, answers: {}, profile: {} })).status).toBe(201);
      expect(await status(await check(kita, code))).toBe("used");
      // Another ward's staff, 20 at once: not found, as if the survey did not exist; they learn nothing of the code.
      const chuo = await client().loginAs("chuo.staff");
      const tries = await Promise.all(Array.from({ length: 20 }, () => check(chuo, codes[5] as string)));
      for (const t of tries) await expectErrorResponse(t, "surveys.not_found");
      // Without a session: refused.
      expect((await check({}, codes[5] as string)).status).toBe(401);
    });

    it("exports 無回答 as its own row in CSV and JSON", async () => {
      const headers = await client().loginAs("kita.staff");
      await bulk(Array.from({ length: 20 }, () => full("no")));
      for (const code of codes.slice(0, 10))
        expect((await enter(headers, { id: uuidv7(), code, answers: { years: { value: 1 } }, profile: {} })).status).toBe(201);

      const csv = await app.request(`/api/staff/surveys/${survey.id}/export.csv`, { headers });
      expect(csv.status).toBe(200);
      const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
      const header = rows[0] as string[];
      const at = (row: string[], name: string) => row[header.indexOf(name)];
      const knowsNoAnswer = rows.find((row) => at(row, "質問ID") === "knows" && at(row, "選択肢キー") === noAnswerKey) as string[];
      expect(at(knowsNoAnswer, "選択肢")).toBe("無回答");
      expect(at(knowsNoAnswer, "件数")).toBe("10");
      expect(at(knowsNoAnswer, "割合(%)")).toBe(((10 / 30) * 100).toFixed(1));
      expect(at(knowsNoAnswer, "回答者数")).toBe("30");
      // A free-text question has no counts but its 無回答.
      expect(rows.filter((row) => at(row, "質問ID") === "note" && at(row, "区分") === "集計").map((row) => at(row, "選択肢"))).toEqual([
        "無回答",
      ]);

      const json = await app.request(`/api/staff/surveys/${survey.id}/export.json`, { headers });
      const body = (await json.json()) as { results: StaffResults };
      const knows = body.results.segments[0]?.questions.find((q) => q.id === "knows");
      expect(knows?.options.find((o) => o.key === noAnswerKey)).toMatchObject({ count: 10, share: 10 / 30 });
    });

    it("hides a small 無回答 count and leaves it to no subtraction or equation, a multiple choice's included", async () => {
      const headers = await client().loginAs("kita.staff");
      // 42 answered, every one choosing activity "a" only; 3 letters left the activities (and the text) blank.
      await bulk([...Array.from({ length: 15 }, () => full("yes")), ...Array.from({ length: 15 }, () => full("no"))], "30s");
      await bulk(
        Array.from({ length: 12 }, () => full("yes")),
        "70s",
      );
      for (const code of codes.slice(0, 3))
        expect(
          (
            await enter(headers, {
              id: uuidv7(),
              code,
              answers: { knows: { option: "no" }, years: { value: 2 } },
              profile: { ageBand: "30s" },
            })
          ).status,
        ).toBe(201);

      const all = await results(headers);
      const joins = questionOf(all, "joins");
      const count = (key: string) => joins?.options.find((o) => o.key === key)?.count ?? null;
      // The 3 無回答 are hidden (under K = 10) …
      expect(count(noAnswerKey)).toBeNull();
      // … and "answered" less the options would give them away, since everyone else chose one: not all of that is shown.
      const shown = [joins?.answered, count("a"), count("b")];
      expect(shown.some((v) => v === null)).toBe(true);
      // The whole survey's n is still published: the attack has its numbers.
      expect(all.segments[0]?.responses).toBe(45);

      // Solved as a reader would, over every breakdown: no hidden count is determined.
      const tables = [all, ...(await Promise.all(breakdowns.map((by) => results(headers, `?by=${by}`))))];
      const { counts } = await countsOf(database, survey.id, definition);
      const published: Disclosed = { responses: new Map(), questions: new Map() };
      for (const table of tables)
        for (const segment of table.segments) {
          published.responses.set(segment.segment, segment.responses);
          for (const question of segment.questions) {
            const keys = counts.questions.find((q) => q.id === question.id)?.keys ?? [];
            const byQuestion = published.questions.get(question.id) ?? new Map();
            byQuestion.set(segment.segment, [
              ...keys.map((key) => question.options.find((o) => o.key === key)?.count ?? null),
              question.answered,
            ]);
            published.questions.set(question.id, byQuestion);
          }
        }
      expect(counts.questions.filter((q) => q.keys.includes(noAnswerKey)).map((q) => q.id)).toEqual(["joins", "note"]);
      for (const question of counts.questions) {
        expect(determinedCells(counts, published, question.id, 10), question.id).toEqual([]);
      }
    });
  });
});
