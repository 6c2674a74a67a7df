/**
 * 結果報告書 through the HTTP API on every database: the report's tables are the screens' own (the same
 * published snapshot, the same hidden cells), its method gives the sample, letters, responses, rate and
 * modes from stored data and says "none" where a figure does not apply, its free text is counts only
 * (no quote, no word fewer than K answers used, theme counts under K hidden), and it is scoped and audited.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { ageBands, type SurveyDefinition } from "../../shared/surveys/model";
import { SurveyReport } from "../../shared/surveys/staff/report";
import { wardRecords } from "../../shared/wards/data";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient, staffPasswordHash, staffRow } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: ["ageBand"],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("地域活動協議会を知っていますか"),
      required: true,
      themes: [],
      options: ["yes", "no", "unsure"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
    { id: "comment", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
  ],
};
const rules = { ...testSurveyRules, minCell: 10, letterBatchMin: 100, pollOnePerDevice: false };
const kita = wardRecords.find((w) => w.code === "27127");

describe.each(dialects)("結果報告書", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let client: ReturnType<typeof jsonClient>;
    const sampled = surveyRow(definition, { kind: "sampled" });
    const poll = surveyRow(definition, { kind: "poll" });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      client = jsonClient(testApp(database, { publicUrl: "http://machikoe.example.jp", surveys: rules }));
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [sampled, poll]);
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    const answer = (surveyId: string, option: string, mode: "online" | "paper", text?: string, invitationCode?: string) =>
      submitResponse(database, rules, {
        surveyId,
        response: {
          id: uuidv7(),
          answers: { knows: { option }, ...(text ? { comment: { text } } : {}) },
          profile: { ageBand: option === "yes" ? "30s" : "60s" },
          ...(invitationCode ? { invitationCode } : {}),
        },
        clientAddress: "test",
        mode,
      });
    const read = async (path: string, headers: Record<string, string>) => {
      const response = await client.request("GET", path, headers);
      expect(response.status).toBe(200);
      return response.json();
    };
    const report = async (surveyId: string, headers: Record<string, string>) =>
      SurveyReport.parse(await read(`/api/staff/surveys/${surveyId}/report`, headers));

    /** 100 letters, 24 answered online with their codes and 13 on paper: 20 yes, 14 no, 3 unsure. */
    async function sampledAnswers(headers: Record<string, string>) {
      const made = await client.request("POST", `/api/staff/surveys/${sampled.id}/letters`, headers, { count: 100 });
      expect(made.status).toBe(201);
      const codes = parseCsv(new TextDecoder().decode(new Uint8Array(await made.arrayBuffer()).slice(3)))
        .slice(1)
        .map((row) => row[1] as string);
      const options = [...Array(20).fill("yes"), ...Array(14).fill("no"), ...Array(3).fill("unsure")] as string[];
      for (const [i, option] of options.entries()) {
        // Twelve answers name the park's benches; the few others each say something of their own.
        const text = i < 12 ? `公園のベンチを増やしてほしい（${i}）` : i === 30 ? "私の名前は山田花子で持病があります" : undefined;
        await answer(sampled.id, option, i < 24 ? "online" : "paper", text, i < 24 ? codes[i] : undefined);
      }
    }

    it("prints the screens' own published tables, hidden cells hidden, weighted as the screens weight them", async () => {
      const headers = await client.loginAs("kita.staff");
      await insertInto(
        database,
        "wardPopulation",
        ageBands.map((band) => ({ wardCode: "27127", ageBand: band, population: 10_000 })),
      );
      await sampledAnswers(headers);
      const printed = await report(sampled.id, headers);
      const screen = await read(`/api/staff/surveys/${sampled.id}/results?weight=age`, headers);
      expect(printed.results).toEqual(screen);
      const knows = printed.results.segments[0]?.questions.find((q) => q.id === "knows");
      // 3 "unsure" is under K; "no" is hidden beside it, or "unsure" would be 37 − 20 − 14.
      expect(knows?.options.map((o) => o.count)).toEqual([20, null, null]);
      expect(knows?.options[0]?.interval).not.toBeNull();
      expect(printed.method).toEqual({
        population: kita?.population,
        sample: 100,
        letters: 100,
        responses: 37,
        responseRate: 0.37,
        online: 24,
        paper: 13,
        weighting: "age",
      });
      expect(printed.publishedAt).toBe(screen.publishedAt);
    });

    it("changes only with the next snapshot: one more answer shows nowhere in the report", async () => {
      const headers = await client.loginAs("kita.staff");
      await sampledAnswers(headers);
      const before = await report(sampled.id, headers);
      await answer(sampled.id, "yes", "paper", "公園のベンチを増やしてほしい");
      const after = await report(sampled.id, headers);
      expect(after).toEqual(before);
      expect(after.method.weighting).toBe("none");
    });

    it("summarises free text as counts: no quote, no word under K answers, theme counts under K hidden", async () => {
      const headers = await client.loginAs("kita.staff");
      await sampledAnswers(headers);
      await report(sampled.id, headers);
      const published = await database.db.selectFrom("responses").select("id").where("surveyId", "=", sampled.id).orderBy("id").execute();
      await insertInto(database, "commentThemes", [
        ...published.slice(0, 10).map((r) => ({ responseId: r.id, questionId: "comment", theme: "urban" })),
        ...published.slice(10, 12).map((r) => ({ responseId: r.id, questionId: "comment", theme: "health" })),
      ]);
      const printed = await report(sampled.id, headers);
      // 13 wrote an answer; 12 paper forms left it blank (無回答), which the base counts and the report says apart.
      expect(printed.freeText.questions).toEqual([{ id: "comment", answered: 25, noAnswer: 12 }]);
      expect(printed.freeText.themes).toEqual([
        { theme: "health", count: null },
        { theme: "urban", count: 10 },
      ]);
      expect((printed.freeText.keywords ?? []).map((k) => k.word)).toContain("公園");
      expect((printed.freeText.keywords ?? []).every((k) => k.count >= 10)).toBe(true);
      const text = JSON.stringify(printed);
      for (const word of ["山田", "花子", "持病", "ほしい"]) expect(text).not.toContain(word);
      // Staff without the permission to read free text get the counts, but no words out of it.
      await insertInto(database, "staffUsers", [
        { ...staffRow("kita.new", "ward_staff", "27127", await staffPasswordHash()), readsPersonal: 0 },
      ]);
      const withoutPermission = await report(sampled.id, await client.loginAs("kita.new"));
      expect(withoutPermission.freeText).toEqual({ ...printed.freeText, keywords: null });
    });

    it("says plainly that a poll has no sample, letters or response rate, and gives 区の対応 as written", async () => {
      const headers = await client.loginAs("kita.staff");
      for (let i = 0; i < 12; i++) await answer(poll.id, i % 2 ? "yes" : "no", "online");
      const saved = await client.request("PUT", `/api/staff/surveys/${poll.id}/follow-up`, headers, {
        text: { ja: "<b>ベンチ</b>を増やしました" },
        publish: false,
      });
      expect(saved.status).toBe(200);
      const printed = await report(poll.id, headers);
      expect(printed.method).toMatchObject({ sample: null, letters: null, responseRate: null, responses: 12, online: 12, paper: 0 });
      expect(printed.followUp).toEqual({ text: { ja: "<b>ベンチ</b>を増やしました" }, publishedAt: null });
    });

    it("shows nothing before the first snapshot", async () => {
      const headers = await client.loginAs("kita.staff");
      for (let i = 0; i < 9; i++) await answer(poll.id, "yes", "online");
      const printed = await report(poll.id, headers);
      expect(printed.publishedAt).toBeNull();
      expect(printed.method).toMatchObject({ responses: null, online: null, paper: null });
      expect(printed.results.segments[0]?.questions[0]?.options.every((o) => o.count === null)).toBe(true);
    });

    it("gives a city-wide survey's report to city administrators only, with the city's population", async () => {
      const city = surveyRow(definition, { kind: "poll", wardCode: null });
      await insertInto(database, "surveys", [city]);
      for (let i = 0; i < 10; i++) await answer(city.id, "yes", "online");
      const kitaStaff = await client.request("GET", `/api/staff/surveys/${city.id}/report`, await client.loginAs("kita.staff"));
      expect(kitaStaff.status).toBe(404);
      const printed = await report(city.id, await client.loginAs("city.admin"));
      const population = wardRecords.filter((w) => ["27127", "27128"].includes(w.code)).reduce((sum, w) => sum + w.population, 0);
      expect(printed.ward).toBeNull();
      expect(printed.method).toMatchObject({ population, sample: null, responses: 10 });
    });

    it("is another ward's staff's 404, a city administrator's report, and in the audit log", async () => {
      await sampledAnswers(await client.loginAs("kita.staff"));
      const chuo = await client.request("GET", `/api/staff/surveys/${sampled.id}/report`, await client.loginAs("chuo.staff"));
      expect(chuo.status).toBe(404);
      expect((await client.request("GET", `/api/staff/surveys/${sampled.id}/report`, {})).status).toBe(401);
      expect((await report(sampled.id, await client.loginAs("city.admin"))).method.responses).toBe(37);
      const audited = await database.db.selectFrom("auditLog").select(["login", "target"]).where("action", "=", "results.report").execute();
      expect(audited).toEqual([{ login: "city.admin", target: sampled.id }]);
    });
  });
});
