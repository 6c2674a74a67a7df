/**
 * Checking a letter's code before the first question, as a resident and as an attacker meet it, on
 * each dialect: the check uses nothing up (20 at once), a used code says so, an unknown one says
 * nothing more whatever it is, and guessing is rate-limited per address.
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { sha256 } from "../../server/surveys/prepare";
import { uuidv7 } from "../../shared/ids";
import { newInvitationCode } from "../../shared/surveys/invitation-code";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { postJson, testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { insertWards, surveyRow } from "../helpers/rows";

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

describe.each(dialects)("invitation code check", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    const survey = surveyRow(definition, { wardCode: "27127", kind: "sampled" });
    const other = surveyRow(definition, { wardCode: "27128", kind: "sampled" });
    const code = newInvitationCode(randomBytes(15));
    const usedCode = newInvitationCode(randomBytes(15));
    const othersCode = newInvitationCode(randomBytes(15));

    beforeEach(async () => {
      // Date stands still: every request falls in one minute's window.
      vi.useFakeTimers({ toFake: ["Date"] });
      testDb = await dialect.open();
      database = testDb.database;
      await insertWards(database, "27127", "27128");
      await insertInto(database, "surveys", [survey, other]);
      await insertInto(database, "invitationCodes", [
        { codeHash: sha256(code), surveyId: survey.id, batchId: null, used: 0 },
        { codeHash: sha256(usedCode), surveyId: survey.id, batchId: null, used: 1 },
        { codeHash: sha256(othersCode), surveyId: other.id, batchId: null, used: 0 },
      ]);
    });

    afterEach(async () => {
      vi.useRealTimers();
      await testDb.cleanup();
    });

    const check = (app: ReturnType<typeof testApp>, typed: string, surveyId = survey.id, address?: string) =>
      postJson(app, `/api/surveys/${surveyId}/invitations/check`, { code: typed }, address);
    const usedFlag = async (typed: string) =>
      (await database.db.selectFrom("invitationCodes").select("used").where("codeHash", "=", sha256(typed)).executeTakeFirstOrThrow()).used;

    it("answers valid for a good code, as typed on a phone (lower case, no hyphens, full-width), and uses nothing up", async () => {
      const app = testApp(database);
      const typed = code.toLowerCase().replaceAll("-", "");
      const fullWidth = [...code].map((ch) => (ch === "-" ? "ー" : String.fromCharCode(ch.charCodeAt(0) + 0xfee0))).join("");
      for (const form of [code, typed, fullWidth]) {
        const answer = await check(app, form);
        expect(answer.status).toBe(200);
        expect(await answer.json()).toEqual({ status: "valid" });
      }
      expect(Number(await usedFlag(code))).toBe(0);
    });

    it("uses nothing up when 20 checks of one code arrive at once: all valid, and the response then takes the code", async () => {
      const app = testApp(database, { trustProxy: 1 });
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => check(app, code, survey.id, `203.0.113.${i + 1}`)));
      const bodies = await Promise.all(answers.map((a) => a.json()));
      expect(bodies).toEqual(Array.from({ length: 20 }, () => ({ status: "valid" })));
      expect(Number(await usedFlag(code))).toBe(0);
      const sent = await postJson(app, `/api/surveys/${survey.id}/responses`, {
        id: uuidv7(),
        answers: { knows: { option: "yes" } },
        profile: {},
        invitationCode: code,
      });
      expect(sent.status).toBe(201);
      expect(await (await check(app, code)).json()).toEqual({ status: "used" });
    });

    it("is in the OpenAPI document, with its answer's schema", async () => {
      const document = (await (await testApp(database).request("/api/openapi.json")).json()) as {
        paths: Record<string, { post?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } }>;
      };
      const schema = JSON.stringify(document.paths["/api/surveys/{id}/invitations/check"]?.post?.responses?.["200"]?.content);
      for (const status of ["valid", "used", "unknown"]) expect(schema).toContain(status);
    });

    it("says used for a code already used (a paper form or an earlier answer)", async () => {
      const answer = await check(testApp(database), usedCode);
      expect(await answer.json()).toEqual({ status: "used" });
    });

    it("answers every kind of wrong code with the same bare unknown: mistyped, never issued, or another survey's", async () => {
      const app = testApp(database);
      const mistyped = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`;
      const neverIssued = newInvitationCode(randomBytes(15));
      const texts = await Promise.all(
        [mistyped, neverIssued, othersCode, "", "x".repeat(64)].map(async (typed) => (await check(app, typed)).text()),
      );
      expect(new Set(texts)).toEqual(new Set([JSON.stringify({ status: "unknown" })]));
      // Another survey's code stays unused and good for its own survey.
      expect(await (await check(app, othersCode, other.id)).json()).toEqual({ status: "valid" });
    });

    it("answers 404 for a survey that does not exist or is a draft, as the survey's own page does", async () => {
      const draft = surveyRow(definition, { kind: "sampled", status: "draft" });
      await insertInto(database, "surveys", [draft]);
      const app = testApp(database);
      for (const id of [crypto.randomUUID(), draft.id]) {
        const answer = await check(app, code, id);
        expect(answer.status).toBe(404);
        expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("surveys.not_found");
      }
    });

    it("limits a guesser to the checks of one minute per address, the real code included, while another address goes on", async () => {
      const app = testApp(database, { trustProxy: 1, surveys: { ...testSurveyRules, codeCheckPerMinute: 10 } });
      const guesses = Array.from({ length: 19 }, () => newInvitationCode(randomBytes(15)));
      const statuses = await Promise.all(
        [...guesses, code].map(async (typed) => (await check(app, typed, survey.id, "198.51.100.66")).status),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      const refused = await check(app, code, survey.id, "198.51.100.66");
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate.limited");
      // A neighbour at another address is not held back by the guesser.
      expect(await (await check(app, code, survey.id, "198.51.100.67")).json()).toEqual({ status: "valid" });
      // The next minute, the guesser may check again.
      vi.setSystemTime(Date.now() + 60_000);
      expect((await check(app, code, survey.id, "198.51.100.66")).status).toBe(200);
      expect(Number(await usedFlag(code))).toBe(0);
    });
  });
});
