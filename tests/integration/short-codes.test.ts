/**
 * A letter's short link (/c/CODE) and the コードを入力 page, as residents and attackers meet them, on
 * each dialect: a code leads to its survey by its hash (typed any way a phone allows), uses nothing up,
 * a used code says so with its ward, every wrong code answers the same bare `unknown`, 20 concurrent
 * guesses from one address are held to the code check's per-minute budget (shared with the check), and
 * the request log never keeps a code.
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { createLogger } from "../../server/platform/logger";
import { sha256 } from "../../server/surveys/prepare";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { newInvitationCode } from "../../shared/surveys/invitation-code";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { postJson, testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: [],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("知っていますか"),
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
  ],
};
const newCode = () => newInvitationCode(randomBytes(15));

describe.each(dialects)("letters' short codes", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    const kita = surveyRow(definition, { wardCode: "27127", kind: "sampled" });
    const chuo = surveyRow(definition, { wardCode: "27128", kind: "sampled" });
    const draft = surveyRow(definition, { wardCode: "27127", kind: "sampled", status: "draft" });
    const [code, usedCode, chuoCode, draftCode] = [newCode(), newCode(), newCode(), newCode()];

    beforeEach(async () => {
      // Date stands still: every request falls in one minute's window.
      vi.useFakeTimers({ toFake: ["Date"] });
      testDb = await dialect.open();
      database = testDb.database;
      await insertWards(database, "27127", "27128");
      await insertInto(database, "surveys", [kita, chuo, draft]);
      await insertInto(database, "invitationCodes", [
        { codeHash: sha256(code), surveyId: kita.id, batchId: null, used: 0 },
        { codeHash: sha256(usedCode), surveyId: kita.id, batchId: null, used: 1 },
        { codeHash: sha256(chuoCode), surveyId: chuo.id, batchId: null, used: 0 },
        { codeHash: sha256(draftCode), surveyId: draft.id, batchId: null, used: 0 },
      ]);
    });

    afterEach(async () => {
      vi.useRealTimers();
      await testDb.cleanup();
    });

    const resolve = (app: ReturnType<typeof testApp>, typed: string, address?: string) =>
      postJson(app, "/api/surveys/codes/resolve", { code: typed }, address);
    const usedFlag = async (typed: string) =>
      Number(
        (await database.db.selectFrom("invitationCodes").select("used").where("codeHash", "=", sha256(typed)).executeTakeFirstOrThrow())
          .used,
      );

    it("leads a code to its own survey, however it was typed (lower case, spaces, no hyphens, full width), and uses nothing up", async () => {
      const app = testApp(database);
      const fullWidth = [...code].map((ch) => (ch === "-" ? "ー" : String.fromCharCode(ch.charCodeAt(0) + 0xfee0))).join("");
      for (const typed of [code, code.toLowerCase().replaceAll("-", " "), code.replaceAll("-", ""), fullWidth]) {
        const answer = await resolve(app, typed);
        expect(answer.status).toBe(200);
        expect(await answer.json()).toEqual({ status: "valid", surveyId: kita.id, ward: "27127" });
      }
      expect(await resolve(app, chuoCode).then((a) => a.json())).toEqual({ status: "valid", surveyId: chuo.id, ward: "27128" });
      expect(await usedFlag(code)).toBe(0);
      // The survey then takes the code once, and the short link says it is used, with the ward to call.
      const sent = await postJson(app, `/api/surveys/${kita.id}/responses`, {
        id: uuidv7(),
        answers: { knows: { option: "yes" } },
        profile: {},
        invitationCode: code,
      });
      expect(sent.status).toBe(201);
      expect(await resolve(app, code).then((a) => a.json())).toEqual({ status: "used", surveyId: kita.id, ward: "27127" });
    });

    it("answers every kind of wrong code with the same bare unknown: mistyped, never issued, a draft's, not a code at all", async () => {
      const app = testApp(database);
      const mistyped = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`;
      const texts = await Promise.all(
        [mistyped, newCode(), draftCode, "", "x".repeat(64), `https://evil.example/c/${newCode()}`].map(async (typed) =>
          (await resolve(app, typed)).text(),
        ),
      );
      expect(new Set(texts)).toEqual(new Set([JSON.stringify({ status: "unknown" })]));
    });

    it("holds 20 concurrent wrong guesses from one address to the minute's budget, and leaks nothing", async () => {
      const app = testApp(database, { trustProxy: 1, surveys: { ...testSurveyRules, codeCheckPerMinute: 10 } });
      const guesser = "198.51.100.66";
      const answers = await Promise.all(Array.from({ length: 20 }, () => resolve(app, newCode(), guesser)));
      const bodies = await Promise.all(answers.map((a) => a.text()));
      // Ten answered, each the same bare unknown; ten refused, each the same rate.limited.
      expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
      expect(new Set(bodies.filter((_, i) => answers[i]?.status === 200))).toEqual(new Set([JSON.stringify({ status: "unknown" })]));
      const refusals = bodies.filter((_, i) => answers[i]?.status === 429);
      expect(refusals).toHaveLength(10);
      expect(new Set(refusals).size).toBe(1);
      expect(JSON.parse(refusals[0] as string).error.code).toBe("rate.limited");
      // The real code, next, is refused like any guess — and so is the survey page's code check (one budget).
      await expectErrorResponse(await resolve(app, code, guesser), "rate.limited");
      await expectErrorResponse(await postJson(app, `/api/surveys/${kita.id}/invitations/check`, { code }, guesser), "rate.limited");
      // A neighbour at another address is not held back; the next minute, the guesser may try again.
      expect(await resolve(app, code, "198.51.100.67").then((a) => a.json())).toMatchObject({ status: "valid" });
      vi.setSystemTime(Date.now() + 60_000);
      expect((await resolve(app, code, guesser)).status).toBe(200);
      expect(await usedFlag(code)).toBe(0);
    });

    it("shares its budget with the survey page's code check, so a guesser gains nothing by using both", async () => {
      const app = testApp(database, { trustProxy: 1, surveys: { ...testSurveyRules, codeCheckPerMinute: 10 } });
      const guesser = "198.51.100.68";
      for (let i = 0; i < 5; i++)
        expect((await postJson(app, `/api/surveys/${kita.id}/invitations/check`, { code: newCode() }, guesser)).status).toBe(200);
      const statuses = await Promise.all(Array.from({ length: 10 }, async () => (await resolve(app, newCode(), guesser)).status));
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    });

    it("keeps the code of a short link out of the request log", async () => {
      const lines: string[] = [];
      const app = testApp(database, { logger: createLogger("info", (text) => lines.push(text)) });
      await Promise.resolve(app.request(`/c/${code}`));
      await Promise.resolve(app.request(`/c/${code.toLowerCase()}/extra`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const log = lines.join("");
      expect(log).toContain('"/c/…"');
      expect(log).not.toContain(code);
      expect(log.toLowerCase()).not.toContain(code.toLowerCase());
    });

    it("prints the short link on a batch's mail-merge list: /c/CODE, at most 32 characters after the origin, leading to the survey", async () => {
      await insertStaff(database, ["kita.staff"]);
      const app = testApp(database, { publicUrl: "https://machikoe.example.jp" });
      const { request, loginAs } = jsonClient(app);
      const made = await request("POST", `/api/staff/surveys/${kita.id}/letters`, await loginAs("kita.staff"), { count: 3 });
      expect(made.status).toBe(201);
      const rows = parseCsv((await made.text()).replace(/^\uFEFF/, "")).slice(1) as [string, string, string][];
      expect(rows).toHaveLength(3);
      for (const [, letterCode, link] of rows) {
        expect(link).toBe(`https://machikoe.example.jp/c/${letterCode}`);
        expect(link.slice("https://machikoe.example.jp".length).length).toBeLessThanOrEqual(32);
        expect(link).not.toContain(kita.id);
        expect(await resolve(app, link.split("/c/")[1] as string).then((a) => a.json())).toEqual({
          status: "valid",
          surveyId: kita.id,
          ward: "27127",
        });
      }
    });
  });
});
