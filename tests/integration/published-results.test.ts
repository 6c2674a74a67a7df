/**
 * Results are published, not live (issue 13, findings 1 and 2), tried as the attackers of the findings:
 *  - ward staff who read every table (each breakdown, comments, keywords, letters, the survey list)
 *    before and after one addressee answers, to isolate that answer;
 *  - anyone who diffs a public poll's results by age before and after one answer.
 * Every reading stays the same until a snapshot takes in at least K new responses, and a second one is
 * made no sooner than RESULTS_REFRESH_HOURS later, or at close. Without snapshots (live counts), each of
 * these tests sees the one answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { sha256 } from "../../server/surveys/prepare";
import { publishDueResults, publishResults } from "../../server/surveys/snapshots";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import type { Profile, SurveyDefinition } from "../../shared/surveys/model";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { areaRow, dayMs, insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: ["ageBand", "area", "childrenUnder6", "yearsInWard"],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("地域活動協議会を知っていますか"),
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
    { id: "age", type: "number", text: ja("年齢"), required: false, themes: [], min: 0, max: 120, integer: true, unit: ja("歳") },
    { id: "comment", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
  ],
};

/** A deployment's rules: K = 10, a snapshot a day at most, batches of at least 100 letters. */
const rules = { ...testSurveyRules, minCell: 10, refreshHours: 24, letterBatchMin: 100, pollOnePerDevice: false };
const breakdowns = ["", "ageBand", "area", "childrenUnder6", "yearsInWard", "mode"];

describe.each(dialects)("published results", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    let client: ReturnType<typeof jsonClient>;
    const closesAt = new Date(Date.now() + 30 * dayMs).toISOString();
    const sampled = surveyRow(definition, { kind: "sampled", closesAt });
    const poll = surveyRow(definition, { kind: "poll", resultsPublic: 1, closesAt });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, { publicUrl: "http://machikoe.example.jp", surveys: rules });
      client = jsonClient(app);
      await insertWards(database, "27127", "27128");
      await insertInto(database, "areas", [areaRow("27127-01"), areaRow("27127-02"), areaRow("27127-03")]);
      await insertStaff(database);
      await insertInto(database, "surveys", [sampled, poll]);
    });

    afterEach(async () => {
      vi.useRealTimers();
      await testDb.cleanup();
    });

    const profiles: Profile[] = [
      { ageBand: "30s", area: "27127-01", childrenUnder6: "yes", yearsInWard: "1to5" },
      { ageBand: "40s", area: "27127-02", childrenUnder6: "no", yearsInWard: "10to20" },
      { ageBand: "60s", area: "27127-03", childrenUnder6: "no", yearsInWard: "20plus" },
    ];
    /** `n` paper forms, typed in as the ward's clerks would. */
    async function paperForms(surveyId: string, n: number, from = 0) {
      for (let i = from; i < from + n; i++)
        await submitResponse(database, rules, {
          surveyId,
          response: {
            id: uuidv7(),
            answers: { knows: { option: i % 2 ? "yes" : "no" }, age: { value: 30 + (i % 40) }, comment: { text: `意見${i}` } },
            profile: profiles[i % 3] as Profile,
          },
          clientAddress: "clerk",
          mode: "paper",
        });
    }

    /** Everything ward staff can read of a survey, as one value. */
    async function everythingStaffRead(headers: Record<string, string>, surveyId: string) {
      const read = async (path: string) => {
        const response = await client.request("GET", path, headers);
        expect(response.status).toBe(200);
        return response.json();
      };
      const results = [];
      for (const by of breakdowns) results.push(await read(`/api/staff/surveys/${surveyId}/results${by ? `?by=${by}` : ""}`));
      results.push(await read(`/api/staff/surveys/${surveyId}/results?weight=age`));
      const list = (await read("/api/staff/surveys")) as { surveys: { id: string; received: number | null }[] };
      return {
        results,
        comments: await read(`/api/staff/surveys/${surveyId}/comments`),
        letters: await read(`/api/staff/surveys/${surveyId}/letters`),
        list: list.surveys.find((s) => s.id === surveyId),
        csv: await (await client.request("GET", `/api/staff/surveys/${surveyId}/export.csv`, headers)).text(),
      };
    }

    it("finding 1: refuses a one-letter batch, and shows staff nothing of one addressee's answer, on any table, until K more and a day", async () => {
      const headers = await client.loginAs("kita.staff");
      await expectErrorResponse(
        await client.request("POST", `/api/staff/surveys/${sampled.id}/letters`, headers, { count: 1 }),
        "letters.batch_too_small",
      );
      // A batch of 100 letters, of which the ward knows each addressee (the mail-merge list).
      const made = await client.request("POST", `/api/staff/surveys/${sampled.id}/letters`, headers, { count: 100 });
      expect(made.status).toBe(201);
      const code = parseCsv(new TextDecoder().decode(new Uint8Array(await made.arrayBuffer()).slice(3)))[1]?.[1];
      expect(code).toBeTruthy();
      await paperForms(sampled.id, 30);
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
      const before = await everythingStaffRead(headers, sampled.id);
      expect(before.results[0].publishedAt).not.toBeNull();
      expect(before.results[0].segments[0].responses).toBe(30);

      // The addressee answers online: a full profile, every question, free text.
      const sent = await client.request(
        "POST",
        `/api/surveys/${sampled.id}/responses`,
        {},
        {
          id: uuidv7(),
          answers: { knows: { option: "yes" }, age: { value: 90 }, comment: { text: "90歳です。生活保護を受けて通院しています" } },
          profile: { ageBand: "80plus", area: "27127-03", childrenUnder6: "no", yearsInWard: "lt1" },
          invitationCode: code,
        },
      );
      expect(sent.status, await sent.clone().text()).toBe(201);
      const used = await database.db
        .selectFrom("invitationCodes")
        .select("used")
        .where("codeHash", "=", sha256(code as string))
        .executeTakeFirst();
      expect(used?.used).toBe(1);
      const once = await everythingStaffRead(headers, sampled.id);
      for (const key of Object.keys(before) as (keyof typeof before)[]) expect(once[key], key).toEqual(before[key]);

      // K more (11 in all) within the day: still the same, however often it is read.
      await paperForms(sampled.id, 10, 30);
      const later = await everythingStaffRead(headers, sampled.id);
      // Only the list's "received so far" moves, in tens (30 → 40): it says how many came, never what they said.
      expect([before.list?.received, later.list?.received]).toEqual([30, 40]);
      expect({ ...later, list: { ...later.list, received: 30 } }).toEqual(before);

      // A day later the next snapshot takes in all 11 at once: the difference is theirs together.
      vi.setSystemTime(Date.now() + dayMs);
      const fresh = await client.loginAs("kita.staff");
      const after = await everythingStaffRead(fresh, sampled.id);
      expect(after.results[0].segments[0].responses).toBe(41);
      expect(after.results[0].publishedAt).not.toBe(before.results[0].publishedAt);
      expect(after.comments.comments.length - before.comments.comments.length).toBe(11);
      expect(after.csv).toContain("生活保護");
      expect(before.csv).not.toContain("生活保護");
    });

    it("finding 2: shows the public the same poll results by age before and after one answer, until K more and a day", async () => {
      const results = async () => (await client.request("GET", `/api/surveys/${poll.id}/results?by=ageBand`)).json();
      // Nothing published before K answers: no counts, not even zero.
      const empty = (await results()) as { publishedAt: string | null; segments: { responses: number | null }[] };
      expect(empty.publishedAt).toBeNull();
      expect(empty.segments.every((s) => s.responses === null)).toBe(true);

      await paperForms(poll.id, 20);
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
      const before = await results();
      const answer = (age: number, ageBand: Profile["ageBand"]) =>
        client.request(
          "POST",
          `/api/surveys/${poll.id}/responses`,
          {},
          {
            id: uuidv7(),
            answers: { knows: { option: "no" }, age: { value: age } },
            profile: { ageBand },
          },
        );
      const first = await answer(77, "70s");
      expect(first.status, await first.clone().text()).toBe(201);
      expect(await results()).toEqual(before);
      vi.setSystemTime(Date.now() + dayMs);
      // A day on, but one answer is fewer than K: still nothing new.
      expect(await results()).toEqual(before);
      for (let i = 0; i < 9; i++) {
        const sent = await answer(71 + i, "70s");
        expect(sent.status, await sent.clone().text()).toBe(201);
      }
      const after = (await results()) as { segments: { segment: string; responses: number | null }[] };
      expect(after).not.toEqual(before);
      expect(after.segments.find((s) => s.segment === "age:70s")?.responses).toBe(10);
    });

    it("publishes at close without waiting a day, once K new responses are in; fewer stay unpublished", async () => {
      await paperForms(sampled.id, 12);
      await paperForms(poll.id, 12);
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
      let headers = await client.loginAs("kita.staff");
      const total = async (surveyId: string) =>
        (
          (await (await client.request("GET", `/api/staff/surveys/${surveyId}/results`, headers)).json()) as {
            segments: { responses: number }[];
          }
        ).segments[0]?.responses;
      expect(await total(sampled.id)).toBe(12);
      expect(await total(poll.id)).toBe(12);
      await paperForms(sampled.id, 10, 12);
      await paperForms(poll.id, 5, 12);
      expect(await total(sampled.id)).toBe(12);
      vi.setSystemTime(Date.now() + 60_000);
      for (const survey of [sampled, poll])
        expect((await client.request("POST", `/api/staff/surveys/${survey.id}/close`, headers)).status).toBe(200);
      // Housekeeping's timer publishes a closed survey even if no one reads it, but only with K new responses.
      expect(await publishDueResults(database, rules)).toBe(1);
      expect(await total(sampled.id)).toBe(22);
      // 5 late answers are fewer than K: they are never published on their own, however long one waits.
      vi.setSystemTime(Date.now() + 7 * dayMs);
      headers = await client.loginAs("kita.staff");
      expect(await publishDueResults(database, rules)).toBe(0);
      expect(await total(poll.id)).toBe(12);
    });

    it("makes one snapshot when 20 readers find it due at once", async () => {
      await paperForms(poll.id, 15);
      const readings = await Promise.all(
        Array.from({ length: 20 }, async () => (await client.request("GET", `/api/surveys/${poll.id}/results`)).json()),
      );
      const published = new Set(readings.map((r) => (r as { publishedAt: string }).publishedAt));
      expect(published.size).toBe(1);
      expect(readings.every((r) => (r as { segments: { responses: number }[] }).segments[0]?.responses === 15)).toBe(true);
      const snapshots = await database.db.selectFrom("resultSnapshots").selectAll().execute();
      expect(snapshots).toHaveLength(1);
      const unpublished = await database.db.selectFrom("responses").select("id").where("published", "=", 0).execute();
      expect(unpublished).toEqual([]);
    });

    it("takes in exactly the responses whose counts it copies, even those stored a moment before (counts still deferred)", async () => {
      await paperForms(poll.id, 10);
      await database.settleCounts();
      // Three more, stored: on SQLite their counts wait a moment to be written with others' (group-commit.ts).
      await paperForms(poll.id, 3, 10);
      const made = await database.write(publishResults, { surveyId: poll.id, minCell: 10, refreshHours: 0, now: new Date().toISOString() });
      expect(made).toBe(true);
      const snapshot = await database.db
        .selectFrom("resultSnapshots")
        .select("responses")
        .where("surveyId", "=", poll.id)
        .executeTakeFirstOrThrow();
      const published = await database.db
        .selectFrom("responses")
        .select("id")
        .where("surveyId", "=", poll.id)
        .where("published", "=", 1)
        .execute();
      // Free text shows for the published responses: each of them is in the published counts, and no other.
      expect(published).toHaveLength(13);
      expect(Number(snapshot.responses)).toBe(13);
    });
  });
});
