/**
 * Surveys through the API on every dialect under test: which surveys residents see, sending a
 * response exactly once (retries and concurrent copies included), every refusal storing nothing,
 * invitation codes, one response per device, the rate limit, and results with small cells hidden.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod/mini";
import type { SurveyRules } from "../../server/config";
import type { Database } from "../../server/platform/db/database";
import type { SurveyTable } from "../../server/platform/db/schema";
import { insertInto } from "../../server/platform/db/write";
import { sha256 } from "../../server/surveys/prepare";
import type { ErrorBody, ErrorCode } from "../../shared/errors/catalog";
import { randomSecret, uuidv7 } from "../../shared/ids";
import { answeredKey, responsesKey } from "../../shared/surveys/aggregates";
import { type Answers, Receipt, type ResponseInput } from "../../shared/surveys/answers";
import { codeAlphabet, newInvitationCode } from "../../shared/surveys/invitation-code";
import { type Question, Survey, type SurveyDefinition, SurveySummary } from "../../shared/surveys/model";
import { SurveyResults } from "../../shared/surveys/results";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { areaRow, insertWards, surveyRow as openSurvey } from "../helpers/rows";

type App = ReturnType<typeof testApp>;

const ward = "27127";
const otherWard = "27102";
const area = "27127-01";
const otherWardArea = "27102-01";
const day = 24 * 3_600_000;
const receiptShape = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

const iso = (ms: number) => new Date(ms).toISOString();
const ja = (text: string) => ({ ja: text });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: ja(id), themes: [] }));

/** One question of each type, and a follow-up shown only to those who chose "c" in q_single. */
function surveyDefinition(): SurveyDefinition {
  const questions: Question[] = [
    {
      id: "q_single",
      type: "single",
      text: ja("一つ"),
      required: true,
      themes: [],
      options: options("a", "b", "c"),
      other: { label: ja("その他"), maxLength: 50 },
    },
    { id: "q_multi", type: "multiple", text: ja("複数"), required: false, themes: [], options: options("x", "y", "z"), min: 1, max: 2 },
    { id: "q_rating", type: "rating", text: ja("満足度"), required: false, themes: [], lowLabel: ja("不満"), highLabel: ja("満足") },
    { id: "q_number", type: "number", text: ja("年齢"), required: false, themes: [], min: 0, max: 120, integer: true },
    { id: "q_text", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
    {
      id: "q_follow",
      type: "text",
      text: ja("「c」の理由"),
      required: false,
      themes: [],
      maxLength: 100,
      multiline: false,
      showIf: { question: "q_single", anyOf: ["c"] },
    },
  ];
  return { title: ja("試験の調査"), description: ja("説明"), questions, profile: ["ageBand", "area"] };
}

/** A public poll of the ward, created two days ago, open since yesterday until tomorrow. */
function surveyRow(overrides: Partial<SurveyTable> = {}): SurveyTable {
  const created = iso(Date.now() - 2 * day);
  return openSurvey(surveyDefinition(), { wardCode: ward, resultsPublic: 1, createdAt: created, updatedAt: created, ...overrides });
}

async function insertSurvey(database: Database, overrides: Partial<SurveyTable> = {}): Promise<SurveyTable> {
  const row = surveyRow(overrides);
  await insertInto(database, "surveys", [row]);
  return row;
}

/** A sampled survey (区民意識調査): answered only with a letter's invitation code, results not public. */
const insertSampledSurvey = (database: Database) => insertSurvey(database, { kind: "sampled", resultsPublic: 0 });

/** Stores a new invitation code for a survey, as the letters' batch would, and returns the code as printed. */
async function insertInvitationCode(database: Database, surveyId: string): Promise<string> {
  const code = newInvitationCode(randomBytes(15));
  await insertInto(database, "invitationCodes", [{ codeHash: sha256(code), surveyId, batchId: null, used: 0 }]);
  return code;
}

function validAnswers(overrides: Answers = {}): Answers {
  return {
    q_single: { option: "a" },
    q_multi: { options: ["x"] },
    q_rating: { value: 4 },
    q_number: { value: 35 },
    q_text: { text: "よかった" },
    ...overrides,
  };
}

function responseBody(overrides: Partial<ResponseInput> = {}): ResponseInput {
  return {
    id: uuidv7(),
    answers: validAnswers(),
    profile: { ageBand: "30s", area },
    deviceId: randomUUID(),
    secret: randomSecret(),
    ...overrides,
  };
}

function postJson(app: App, path: string, json: string, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(app.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: json }));
}

const postResponse = (app: App, surveyId: string, body: unknown, headers: Record<string, string> = {}) =>
  postJson(app, `/api/surveys/${surveyId}/responses`, JSON.stringify(body), headers);

async function countRows(database: Database, table: "responses" | "surveyAggregates" | "pollDevices"): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything a response could leave behind: rows, counts, device marks and used codes. */
async function storedState(database: Database) {
  await database.settleCounts();
  const totals = await database.db
    .selectFrom("surveyAggregates")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("count"), eb.lit(0)).as("total"))
    .executeTakeFirstOrThrow();
  return {
    responses: await countRows(database, "responses"),
    aggregateRows: await countRows(database, "surveyAggregates"),
    aggregateTotal: Number(totals.total),
    pollDevices: await countRows(database, "pollDevices"),
    invitationCodes: await database.db.selectFrom("invitationCodes").select(["codeHash", "used"]).orderBy("codeHash").execute(),
  };
}

/** Sends a request that must be refused with `code`, and checks that nothing was stored. */
async function expectRefusal(database: Database, send: () => Promise<Response>, code: ErrorCode): Promise<ErrorBody> {
  const before = await storedState(database);
  const body = await expectErrorResponse(await send(), code);
  expect(await storedState(database)).toEqual(before);
  return body;
}

/** A survey's count of (question, option) in the segment "all", 0 when there is none. */
async function allCount(database: Database, surveyId: string, questionId: string, optionKey: string): Promise<number> {
  await database.settleCounts();
  const row = await database.db
    .selectFrom("surveyAggregates")
    .select("count")
    .where("surveyId", "=", surveyId)
    .where("questionId", "=", questionId)
    .where("optionKey", "=", optionKey)
    .where("segment", "=", "all")
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Whether a code was used (1) or not (0): all that is kept of it. */
async function usedOf(database: Database, code: string): Promise<number | undefined> {
  const row = await database.db.selectFrom("invitationCodes").select("used").where("codeHash", "=", sha256(code)).executeTakeFirst();
  return row === undefined ? undefined : Number(row.used);
}

/** A code that differs from `code` in its first letter: what a resident mistyping one character sends. */
function withTypo(code: string): string {
  const first = code[0] as string;
  const substitute = codeAlphabet[(codeAlphabet.indexOf(first) + 1) % codeAlphabet.length] as string;
  return substitute + code.slice(1);
}

/**
 * Sends concurrent requests so that they really overlap. On a fast local PostgreSQL one request's
 * whole transaction can finish before the next begins, so inserts into responses are held back
 * (a table lock that still lets reads through) until `overlapping` transactions are waiting behind
 * it, or 5 s have passed. SQLite runs writes one after another in its group commit: no lock there.
 */
async function sendOverlapping(database: Database, overlapping: number, requests: (() => Promise<Response>)[]): Promise<Response[]> {
  if (database.dialect !== "postgres") return Promise.all(requests.map((send) => send()));
  return database.db.connection().execute(async (connection) => {
    await sql`begin`.execute(connection);
    await sql`lock table responses in exclusive mode`.execute(connection);
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection);
    const holder = rows[0]?.pid;
    const sent = Promise.all(requests.map((send) => send()));
    for (let polls = 0; polls < 500; polls++) {
      await sql`select pg_stat_clear_snapshot()`.execute(connection);
      // Sessions waiting on this lock, or on a session that is.
      const waiting = await sql<{ n: number }>`
        with blocked as (select pid, pg_blocking_pids(pid) as by from pg_stat_activity)
        select count(*)::int as n from blocked b
        where ${holder} = any(b.by) or exists (select 1 from blocked w where ${holder} = any(w.by) and w.pid = any(b.by))`.execute(
        connection,
      );
      if ((waiting.rows[0]?.n ?? 0) >= overlapping) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await sql`commit`.execute(connection);
    return sent;
  });
}

/** Sends the same request `copies` times at once; one must store it (201) and the others get its receipt (200). */
async function expectStoredOnce(database: Database, send: () => Promise<Response>, copies: number): Promise<void> {
  // Four of PostgreSQL's five pooled connections are left for the copies while the lock is held.
  const responses = await sendOverlapping(
    database,
    4,
    Array.from({ length: copies }, () => send),
  );

  const bodies = await Promise.all(responses.map((r) => r.text()));
  const outcomes = JSON.stringify(responses.map((r, i) => [r.status, bodies[i]]));
  expect(
    responses.filter((r) => r.status === 201),
    outcomes,
  ).toHaveLength(1);
  expect(
    responses.filter((r) => r.status === 200),
    outcomes,
  ).toHaveLength(copies - 1);
  const receipts = bodies.map((body) => Receipt.parse(JSON.parse(body)));
  expect(new Set(receipts.map((r) => r.receiptCode)).size).toBe(1);
  expect(await countRows(database, "responses")).toBe(1);
}

const SurveyList = z.object({ surveys: z.array(SurveySummary) });
const IssueDetails = z.object({ issues: z.array(z.object({ question: z.string(), code: z.string() })) });

describe.each(dialects)("surveys", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: App;

    const appWith = (rules: Partial<SurveyRules>, trustProxy = false) =>
      testApp(database, { surveys: { ...testSurveyRules, ...rules }, trustProxy });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database);
      await insertWards(database, ward, otherWard);
      await insertInto(database, "areas", [areaRow(area), areaRow(otherWardArea)]);
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    describe("listing and reading", () => {
      it("lists the ward's open surveys and the city's, but not another ward's, drafts, closed ones or ones not yet open", async () => {
        const now = Date.now();
        const wardSurvey = await insertSurvey(database, { wardCode: ward, closesAt: iso(now + 2 * day) });
        const citySurvey = await insertSurvey(database, { wardCode: null, closesAt: iso(now + day) });
        await insertSurvey(database, { wardCode: otherWard });
        await insertSurvey(database, { status: "draft" });
        await insertSurvey(database, { status: "closed" });
        await insertSurvey(database, { closesAt: iso(now - 1000) });
        await insertSurvey(database, { opensAt: iso(now + day), closesAt: iso(now + 2 * day) });

        const response = await app.request(`/api/surveys?ward=${ward}`);

        expect(response.status).toBe(200);
        const { surveys } = SurveyList.parse(await response.json());
        expect(surveys.map((s) => s.id)).toEqual([citySurvey.id, wardSurvey.id]);
        expect(surveys[1]).toMatchObject({ ward, kind: "poll", status: "open", questionCount: 6, title: ja("試験の調査") });
      });

      it("lists only the city's surveys when no ward is given", async () => {
        const citySurvey = await insertSurvey(database, { wardCode: null });
        await insertSurvey(database, { wardCode: ward });

        const response = await app.request("/api/surveys");

        expect(response.status).toBe(200);
        expect(SurveyList.parse(await response.json()).surveys.map((s) => s.id)).toEqual([citySurvey.id]);
      });

      it("gives one survey with its whole definition", async () => {
        const row = await insertSurvey(database);

        const response = await app.request(`/api/surveys/${row.id}`);

        expect(response.status).toBe(200);
        const survey = Survey.parse(await response.json());
        expect(survey).toMatchObject({ id: row.id, ward, kind: "poll", status: "open", resultsPublic: true, version: 1 });
        expect(survey.definition).toEqual(surveyDefinition());
      });

      it("gives a closed survey, so residents can still read what they answered", async () => {
        const row = await insertSurvey(database, { status: "closed" });

        const response = await app.request(`/api/surveys/${row.id}`);

        expect(response.status).toBe(200);
        expect(Survey.parse(await response.json()).status).toBe("closed");
      });

      it("answers surveys.not_found for a draft", async () => {
        const draft = await insertSurvey(database, { status: "draft" });

        await expectErrorResponse(await app.request(`/api/surveys/${draft.id}`), "surveys.not_found");
      });

      it("answers surveys.not_found for an unknown survey id", async () => {
        const id = randomUUID();

        const body = await expectErrorResponse(await app.request(`/api/surveys/${id}`), "surveys.not_found");
        expect(body.error.details).toEqual({ survey: id });
      });

      it("answers request.invalid for a survey id that is not a UUID", async () => {
        await expectErrorResponse(await app.request("/api/surveys/not-a-uuid"), "request.invalid");
      });
    });

    describe("sending a response", () => {
      it("stores a valid response and answers 201 with a receipt", async () => {
        const survey = await insertSurvey(database);
        const body = responseBody();

        const response = await postResponse(app, survey.id, body);

        expect(response.status).toBe(201);
        const receipt = Receipt.parse(await response.json());
        expect(receipt).toMatchObject({ responseId: body.id, duplicate: false });
        expect(receipt.receiptCode).toMatch(receiptShape);
        const stored = await database.db.selectFrom("responses").selectAll().where("surveyId", "=", survey.id).executeTakeFirstOrThrow();
        expect(stored).toMatchObject({
          surveyId: survey.id,
          receiptCode: receipt.receiptCode,
          mode: "online",
          ageBand: "30s",
          areaId: area,
        });
        expect(JSON.parse(stored.answers)).toEqual(body.answers);
      });

      it("counts a response once when it is sent twice, answering the first receipt again", async () => {
        const survey = await insertSurvey(database);
        const body = responseBody();

        const first = await postResponse(app, survey.id, body);
        const second = await postResponse(app, survey.id, body);

        expect(first.status).toBe(201);
        expect(second.status).toBe(200);
        const firstReceipt = Receipt.parse(await first.json());
        const secondReceipt = Receipt.parse(await second.json());
        expect(secondReceipt).toEqual({ ...firstReceipt, duplicate: true });
        expect(await countRows(database, "responses")).toBe(1);
        expect(await allCount(database, survey.id, responsesKey, answeredKey)).toBe(1);
        expect(await allCount(database, survey.id, "q_single", answeredKey)).toBe(1);
        expect(await allCount(database, survey.id, "q_single", "a")).toBe(1);
        expect(await allCount(database, survey.id, "q_rating", "4")).toBe(1);
      });

      it("stores a poll response once when ten copies of it arrive at the same time", async () => {
        const survey = await insertSurvey(database);
        const body = responseBody();
        await expectStoredOnce(database, () => postResponse(app, survey.id, body), 10);

        expect(await allCount(database, survey.id, responsesKey, answeredKey)).toBe(1);
        expect(await countRows(database, "pollDevices")).toBe(1);
      });

      it("answers responses.conflict for a response id already used for another survey", async () => {
        const first = await insertSurvey(database);
        const second = await insertSurvey(database);
        const body = responseBody();
        expect((await postResponse(app, first.id, body)).status).toBe(201);

        await expectRefusal(database, () => postResponse(app, second.id, { ...body, deviceId: randomUUID() }), "responses.conflict");
      });

      it("answers surveys.closed for a survey staff closed", async () => {
        const survey = await insertSurvey(database, { status: "closed" });

        await expectRefusal(database, () => postResponse(app, survey.id, responseBody()), "surveys.closed");
      });

      it("answers surveys.closed for a survey past its closing time", async () => {
        const survey = await insertSurvey(database, { closesAt: iso(Date.now() - 1000) });

        await expectRefusal(database, () => postResponse(app, survey.id, responseBody()), "surveys.closed");
      });

      it("answers surveys.not_open for a survey that opens later", async () => {
        const survey = await insertSurvey(database, { opensAt: iso(Date.now() + day), closesAt: iso(Date.now() + 2 * day) });

        await expectRefusal(database, () => postResponse(app, survey.id, responseBody()), "surveys.not_open");
      });

      it("answers surveys.not_found for an unknown survey or a draft", async () => {
        const draft = await insertSurvey(database, { status: "draft" });

        await expectRefusal(database, () => postResponse(app, randomUUID(), responseBody()), "surveys.not_found");
        await expectRefusal(database, () => postResponse(app, draft.id, responseBody()), "surveys.not_found");
      });

      it.each<[string, Answers[string], string]>([
        ["q_single", { option: "d" }, "unknown_option"],
        ["q_single", { value: 1 }, "wrong_type"],
        ["q_single", { option: "b", other: "猫" }, "other_not_allowed"],
        ["q_multi", { options: ["x", "y", "z"] }, "too_many"],
        ["q_multi", { options: ["w"] }, "unknown_option"],
        ["q_multi", { text: "x" }, "wrong_type"],
        ["q_rating", { value: 6 }, "out_of_range"],
        ["q_rating", { value: 2.5 }, "out_of_range"],
        ["q_rating", { option: "a" }, "wrong_type"],
        ["q_number", { value: 121 }, "out_of_range"],
        ["q_number", { value: 35.5 }, "not_integer"],
        ["q_number", { text: "35" }, "wrong_type"],
        ["q_text", { text: "a".repeat(201) }, "too_long"],
        ["q_text", { value: 1 }, "wrong_type"],
        ["q_unknown", { text: "x" }, "unknown_question"],
      ])("answers responses.invalid naming %s and the issue for %j", async (question, answer, issue) => {
        const survey = await insertSurvey(database);
        const body = responseBody({ answers: validAnswers({ [question]: answer }) });

        const refusal = await expectRefusal(database, () => postResponse(app, survey.id, body), "responses.invalid");

        expect(IssueDetails.parse(refusal.error.details).issues).toEqual([{ question, code: issue }]);
      });

      it("answers responses.invalid naming a required question left unanswered", async () => {
        const survey = await insertSurvey(database);
        const { q_single: _, ...answers } = validAnswers();

        const refusal = await expectRefusal(database, () => postResponse(app, survey.id, responseBody({ answers })), "responses.invalid");

        expect(IssueDetails.parse(refusal.error.details).issues).toEqual([{ question: "q_single", code: "required" }]);
      });

      it("checks answers against the survey's new questions when they changed after it was last read", async () => {
        const survey = await insertSurvey(database);
        expect((await postResponse(app, survey.id, responseBody())).status).toBe(201);
        // Version 2 adds a required question (straight to the table: the staff editor comes later).
        const changed = surveyDefinition();
        changed.questions.push({
          id: "q_new",
          type: "single",
          text: ja("新しい質問"),
          required: true,
          themes: [],
          options: options("p", "q"),
        });
        await database.db
          .updateTable("surveys")
          .set({ version: 2, definition: JSON.stringify(changed) })
          .where("id", "=", survey.id)
          .execute();

        const refusal = await expectRefusal(database, () => postResponse(app, survey.id, responseBody()), "responses.invalid");
        expect(IssueDetails.parse(refusal.error.details).issues).toEqual([{ question: "q_new", code: "required" }]);

        const answered = responseBody({ answers: validAnswers({ q_new: { option: "p" } }) });
        expect((await postResponse(app, survey.id, answered)).status).toBe(201);
        expect(await allCount(database, survey.id, "q_new", "p")).toBe(1);
      });

      it("answers responses.invalid for an answer to a conditional question that is not shown", async () => {
        const survey = await insertSurvey(database);
        const body = responseBody({ answers: validAnswers({ q_single: { option: "a" }, q_follow: { text: "理由" } }) });

        const refusal = await expectRefusal(database, () => postResponse(app, survey.id, body), "responses.invalid");

        expect(IssueDetails.parse(refusal.error.details).issues).toEqual([{ question: "q_follow", code: "hidden_question" }]);
      });

      it("accepts an answer to a conditional question once its condition is met", async () => {
        const survey = await insertSurvey(database);
        const body = responseBody({ answers: validAnswers({ q_single: { option: "c" }, q_follow: { text: "理由" } }) });

        expect((await postResponse(app, survey.id, body)).status).toBe(201);
      });

      it("answers responses.invalid for a profile area of another ward", async () => {
        const survey = await insertSurvey(database);
        const body = responseBody({ profile: { ageBand: "30s", area: otherWardArea } });

        const refusal = await expectRefusal(database, () => postResponse(app, survey.id, body), "responses.invalid");

        expect(IssueDetails.parse(refusal.error.details).issues).toEqual([{ question: "profile.area", code: "unknown_area" }]);
      });

      it("answers request.too_large for a body over the limit", async () => {
        const survey = await insertSurvey(database);
        const body = responseBody({ answers: validAnswers({ q_text: { text: "a".repeat(5000) } }) });

        await expectRefusal(database, () => postResponse(app, survey.id, body), "request.too_large");
      });

      it("answers request.invalid for malformed JSON", async () => {
        const survey = await insertSurvey(database);
        const json = JSON.stringify(responseBody()).slice(0, -1);

        await expectRefusal(database, () => postJson(app, `/api/surveys/${survey.id}/responses`, json), "request.invalid");
      });

      it("answers request.invalid naming the id for a response id that is not a UUIDv7", async () => {
        const survey = await insertSurvey(database);

        const refusal = await expectRefusal(
          database,
          () => postResponse(app, survey.id, responseBody({ id: randomUUID() })),
          "request.invalid",
        );

        const details = refusal.error.details as { issues: { path: string[] }[] };
        expect(details.issues.map((issue) => issue.path)).toEqual([["id"]]);
      });
    });

    describe("a sampled survey", () => {
      it("answers invitations.required without a code", async () => {
        const survey = await insertSampledSurvey(database);
        await insertInvitationCode(database, survey.id);

        await expectRefusal(database, () => postResponse(app, survey.id, responseBody({ deviceId: undefined })), "invitations.required");
      });

      it("answers invitations.invalid for a code with a typo", async () => {
        const survey = await insertSampledSurvey(database);
        const code = await insertInvitationCode(database, survey.id);

        await expectRefusal(
          database,
          () => postResponse(app, survey.id, responseBody({ invitationCode: withTypo(code) })),
          "invitations.invalid",
        );
        expect(await usedOf(database, code)).toBe(0);
      });

      it("answers invitations.invalid for a well-formed code that was never issued", async () => {
        const survey = await insertSampledSurvey(database);
        await insertInvitationCode(database, survey.id);
        const neverIssued = newInvitationCode(randomBytes(15));

        await expectRefusal(
          database,
          () => postResponse(app, survey.id, responseBody({ invitationCode: neverIssued })),
          "invitations.invalid",
        );
      });

      it("answers invitations.invalid for a valid code of another survey", async () => {
        const survey = await insertSampledSurvey(database);
        const other = await insertSampledSurvey(database);
        const otherCode = await insertInvitationCode(database, other.id);

        await expectRefusal(
          database,
          () => postResponse(app, survey.id, responseBody({ invitationCode: otherCode })),
          "invitations.invalid",
        );
        expect(await usedOf(database, otherCode)).toBe(0);
      });

      it("stores a response with a valid code and marks the code used", async () => {
        const survey = await insertSampledSurvey(database);
        const code = await insertInvitationCode(database, survey.id);

        const response = await postResponse(app, survey.id, responseBody({ invitationCode: code }));

        expect(response.status).toBe(201);
        expect(Receipt.parse(await response.json()).duplicate).toBe(false);
        expect(await usedOf(database, code)).toBe(1);
        expect(await countRows(database, "responses")).toBe(1);
      });

      it("accepts the code typed in lower case with spaces", async () => {
        const survey = await insertSampledSurvey(database);
        const code = await insertInvitationCode(database, survey.id);

        const response = await postResponse(app, survey.id, responseBody({ invitationCode: code.toLowerCase().replaceAll("-", " ") }));

        expect(response.status).toBe(201);
        expect(await usedOf(database, code)).toBe(1);
      });

      it("answers invitations.used for a used code with a new response", async () => {
        const survey = await insertSampledSurvey(database);
        const code = await insertInvitationCode(database, survey.id);
        expect((await postResponse(app, survey.id, responseBody({ invitationCode: code }))).status).toBe(201);

        await expectRefusal(database, () => postResponse(app, survey.id, responseBody({ invitationCode: code })), "invitations.used");
      });

      it("answers the first receipt when the response that used a code is sent again", async () => {
        const survey = await insertSampledSurvey(database);
        const code = await insertInvitationCode(database, survey.id);
        const body = responseBody({ invitationCode: code });
        const first = Receipt.parse(await (await postResponse(app, survey.id, body)).json());

        const again = await postResponse(app, survey.id, body);

        expect(again.status).toBe(200);
        expect(Receipt.parse(await again.json())).toEqual({ ...first, duplicate: true });
        expect(await countRows(database, "responses")).toBe(1);
      });

      it("stores a response with a code once when ten copies of it arrive at the same time", async () => {
        const survey = await insertSampledSurvey(database);
        const code = await insertInvitationCode(database, survey.id);
        const body = responseBody({ invitationCode: code });
        await expectStoredOnce(database, () => postResponse(app, survey.id, body), 10);

        expect(await allCount(database, survey.id, responsesKey, answeredKey)).toBe(1);
        expect(await usedOf(database, code)).toBe(1);
      });

      it("keeps no link from an invitation code to the response that used it", async () => {
        const survey = await insertSampledSurvey(database);
        const code = await insertInvitationCode(database, survey.id);
        const body = responseBody({ invitationCode: code });
        expect((await postResponse(app, survey.id, body)).status).toBe(201);

        const codeRow = await database.db.selectFrom("invitationCodes").selectAll().executeTakeFirstOrThrow();
        const responseRow = await database.db.selectFrom("responses").selectAll().executeTakeFirstOrThrow();

        expect(Object.keys(codeRow).sort()).toEqual(["batchId", "codeHash", "surveyId", "used"]);
        expect(JSON.stringify(codeRow)).not.toContain(body.id);
        expect(JSON.stringify(responseRow)).not.toContain(codeRow.codeHash);
        expect(JSON.stringify(responseRow)).not.toContain(code);
      });

      it("lets only one of two responses racing with the same code use it", async () => {
        const survey = await insertSampledSurvey(database);
        const code = await insertInvitationCode(database, survey.id);
        const responses = await sendOverlapping(database, 2, [
          () => postResponse(app, survey.id, responseBody({ invitationCode: code })),
          () => postResponse(app, survey.id, responseBody({ invitationCode: code })),
        ]);

        expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
        const refused = responses.find((r) => r.status === 409) as Response;
        await expectErrorResponse(refused, "invitations.used");
        expect(await countRows(database, "responses")).toBe(1);
        expect(await allCount(database, survey.id, responsesKey, answeredKey)).toBe(1);
      });
    });

    describe("a poll", () => {
      it("answers polls.already_answered for a second response from the same device", async () => {
        const survey = await insertSurvey(database);
        const deviceId = randomUUID();
        expect((await postResponse(app, survey.id, responseBody({ deviceId }))).status).toBe(201);

        await expectRefusal(database, () => postResponse(app, survey.id, responseBody({ deviceId })), "polls.already_answered");
      });

      it("takes a response from another device", async () => {
        const survey = await insertSurvey(database);
        expect((await postResponse(app, survey.id, responseBody())).status).toBe(201);

        const response = await postResponse(app, survey.id, responseBody());

        expect(response.status).toBe(201);
        expect(await countRows(database, "responses")).toBe(2);
      });

      it("answers request.invalid for a poll response without a device id, storing nothing", async () => {
        const survey = await insertSurvey(database);
        const { deviceId: _omitted, ...withoutDevice } = responseBody();

        await expectRefusal(database, () => postResponse(app, survey.id, withoutDevice), "request.invalid");
      });

      it("takes two responses from one device when polls are not limited to one per device", async () => {
        const survey = await insertSurvey(database);
        const deviceId = randomUUID();
        const unlimited = appWith({ pollOnePerDevice: false });

        const first = await postResponse(unlimited, survey.id, responseBody({ deviceId }));
        const second = await postResponse(unlimited, survey.id, responseBody({ deviceId }));

        expect([first.status, second.status]).toEqual([201, 201]);
        expect(await countRows(database, "responses")).toBe(2);
      });
    });

    describe("the rate limit", () => {
      beforeEach(() => {
        // Date stands still, so the four responses fall in one minute's window whenever the test runs.
        vi.useFakeTimers({ toFake: ["Date"] });
      });

      afterEach(() => {
        vi.useRealTimers();
      });

      it("answers rate.limited for the fourth response in a minute when three are allowed, storing nothing for it", async () => {
        const survey = await insertSurvey(database);
        const limited = appWith({ rateLimitPerMinute: 3 });

        const allowed = [];
        for (let i = 0; i < 3; i++) allowed.push((await postResponse(limited, survey.id, responseBody())).status);

        expect(allowed).toEqual([201, 201, 201]);
        const refusal = await expectRefusal(database, () => postResponse(limited, survey.id, responseBody()), "rate.limited");
        expect(refusal.error.details).toEqual({ limitPerMinute: 3 });
      });

      it("does not count retries of a stored response towards the limit", async () => {
        const survey = await insertSurvey(database);
        const limited = appWith({ rateLimitPerMinute: 3 });
        const body = responseBody();

        const statuses = [];
        for (let i = 0; i < 5; i++) statuses.push((await postResponse(limited, survey.id, body)).status);

        expect(statuses).toEqual([201, 200, 200, 200, 200]);
        expect((await postResponse(limited, survey.id, responseBody())).status).toBe(201);
      });

      it("counts refused attempts too, so guessing codes or sending bad answers soon meets the limit", async () => {
        const survey = await insertSurvey(database);
        const limited = appWith({ rateLimitPerMinute: 2 });
        const invalid = responseBody({ answers: validAnswers({ q_single: { option: "nope" } }) });

        expect((await postResponse(limited, survey.id, invalid)).status).toBe(422);
        expect(
          (await postResponse(limited, survey.id, responseBody({ answers: validAnswers({ q_single: { option: "nope" } }) }))).status,
        ).toBe(422);
        await expectRefusal(database, () => postResponse(limited, survey.id, responseBody()), "rate.limited");
      });

      it("limits each forwarded address on its own behind a trusted proxy", async () => {
        const survey = await insertSurvey(database);
        const limited = appWith({ rateLimitPerMinute: 1 }, true);
        const first = { "x-forwarded-for": "203.0.113.1" };
        const second = { "x-forwarded-for": "203.0.113.2, 10.0.0.1" };

        expect((await postResponse(limited, survey.id, responseBody(), first)).status).toBe(201);
        expect((await postResponse(limited, survey.id, responseBody(), second)).status).toBe(201);
        await expectRefusal(database, () => postResponse(limited, survey.id, responseBody(), first), "rate.limited");
      });

      it("ignores X-Forwarded-For when the proxy is not trusted, so a sender cannot dodge the limit with it", async () => {
        const survey = await insertSurvey(database);
        const limited = appWith({ rateLimitPerMinute: 1 }, false);

        expect((await postResponse(limited, survey.id, responseBody(), { "x-forwarded-for": "203.0.113.1" })).status).toBe(201);
        await expectRefusal(
          database,
          () => postResponse(limited, survey.id, responseBody(), { "x-forwarded-for": "203.0.113.2" }),
          "rate.limited",
        );
      });
    });

    describe("results", () => {
      /** Sends one response per entry: the option chosen in q_single and the age band given. */
      async function sendResponses(surveyId: string, choices: [option: string, ageBand: "30s" | "40s"][]) {
        for (const [option, ageBand] of choices) {
          const body = responseBody({ answers: { q_single: { option } }, profile: { ageBand } });
          expect((await postResponse(app, surveyId, body)).status).toBe(201);
        }
      }

      /** 10 chose a and 1 chose b in their 30s; 1 chose c in their 40s. */
      const twelveResponses: [string, "30s" | "40s"][] = [
        ...Array.from({ length: 10 }, (): [string, "30s"] => ["a", "30s"]),
        ["b", "30s"],
        ["c", "40s"],
      ];

      async function resultsOf(surveyId: string, query = "") {
        const response = await app.request(`/api/surveys/${surveyId}/results${query}`);
        expect(response.status).toBe(200);
        return SurveyResults.parse(await response.json());
      }

      it("hides every count of a public poll while fewer than 10 have answered", async () => {
        const survey = await insertSurvey(database);
        await sendResponses(survey.id, twelveResponses.slice(0, 9));

        const results = await resultsOf(survey.id);

        expect(results.segments).toHaveLength(1);
        const all = results.segments[0];
        expect(all?.responses).toBeNull();
        const single = all?.questions.find((q) => q.id === "q_single");
        expect(single?.answered).toBeNull();
        expect(single?.options.map((o) => o.count)).toEqual([null, null, null, null]);
      });

      it("shows the counts of a public poll from 10 responses, hiding options chosen fewer than 10 times", async () => {
        const survey = await insertSurvey(database);
        await sendResponses(survey.id, twelveResponses);

        const results = await resultsOf(survey.id);

        expect(results).toMatchObject({ surveyId: survey.id, minCell: 10, breakdown: null });
        expect(results.segments.map((s) => s.segment)).toEqual(["all"]);
        const all = results.segments[0];
        expect(all?.responses).toBe(12);
        expect(all?.questions.map((q) => q.id)).toEqual(surveyDefinition().questions.map((q) => q.id));
        expect(all?.questions.find((q) => q.id === "q_single")).toEqual({
          id: "q_single",
          answered: 12,
          options: [
            { key: "a", count: 10 },
            { key: "b", count: null },
            { key: "c", count: null },
            { key: "other", count: 0 },
          ],
        });
        expect(all?.questions.find((q) => q.id === "q_rating")).toEqual({
          id: "q_rating",
          answered: 0,
          options: ["1", "2", "3", "4", "5"].map((key) => ({ key, count: 0 })),
        });
      });

      it("breaks results down by age band, hiding a band with fewer than 10 responses", async () => {
        const survey = await insertSurvey(database);
        await sendResponses(survey.id, twelveResponses);

        const results = await resultsOf(survey.id, "?by=ageBand");

        expect(results.breakdown).toBe("ageBand");
        expect(results.segments.map((s) => s.segment)).toEqual(["age:30s", "age:40s"]);
        const [thirties, forties] = results.segments;
        // 12 answered in all: the 30s' 11 shown would give the 40s' 1 back (12 − 11), so it is hidden too.
        expect(thirties?.responses).toBeNull();
        // b (1) is hidden; a (10) can stay, since "answered" (11) is hidden with n, so b is not 11 − 10.
        expect(thirties?.questions.find((q) => q.id === "q_single")?.answered).toBeNull();
        expect(thirties?.questions.find((q) => q.id === "q_single")?.options).toEqual([
          { key: "a", count: 10 },
          { key: "b", count: null },
          { key: "c", count: 0 },
          { key: "other", count: 0 },
        ]);
        expect(forties?.responses).toBeNull();
        expect(forties?.questions.find((q) => q.id === "q_single")?.options.map((o) => o.count)).toEqual([null, null, null, null]);
      });

      it("answers results.not_public for a sampled survey", async () => {
        const survey = await insertSampledSurvey(database);

        await expectErrorResponse(await app.request(`/api/surveys/${survey.id}/results`), "results.not_public");
      });

      it("answers results.not_public for a poll whose results the ward did not publish", async () => {
        const survey = await insertSurvey(database, { resultsPublic: 0 });

        await expectErrorResponse(await app.request(`/api/surveys/${survey.id}/results`), "results.not_public");
      });

      it("answers surveys.not_found for the results of an unknown survey", async () => {
        await expectErrorResponse(await app.request(`/api/surveys/${randomUUID()}/results`), "surveys.not_found");
      });
    });
  });
});
