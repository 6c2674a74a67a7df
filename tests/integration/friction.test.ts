/**
 * Everyday friction in the console, on each dialect: the count of new 町会 join requests (the ward's,
 * or every ward's for an administrator), free-text keywords without stop words (built in and the
 * ward's own, stored and audited), and tagging many free-text answers at once. Each ward-scoped
 * route is tried by another ward's staff, 20 at once.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { builtInStopWords, maxStopWordsPerWard, StopWordList } from "../../shared/surveys/staff/stop-words";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("区政アンケート"),
  description: ja("説明"),
  profile: [],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("地域活動協議会を知っていますか"),
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
    { id: "comment", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
  ],
};

type Comments = {
  comments: { responseId: string; questionId: string; text: string; themes: string[] }[];
  keywords: { word: string; count: number }[];
};

describe.each(dialects)("everyday friction", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database);
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    const request = (...args: Parameters<ReturnType<typeof jsonClient>["request"]>) => jsonClient(app).request(...args);
    const loginAs = (login: string) => jsonClient(app).loginAs(login);
    const auditActions = async (action: string) =>
      (await database.db.selectFrom("auditLog").select(["details", "wardCode"]).where("action", "=", action).orderBy("at").execute()).map(
        (row) => ({ ward: row.wardCode, ...(JSON.parse(row.details as string) as object) }),
      );

    describe("new join requests", () => {
      async function joinRequests(ward: string, statuses: ("new" | "contacted" | "done")[]) {
        const associationId = uuidv7();
        const now = new Date().toISOString();
        await insertInto(database, "associations", [
          { id: associationId, wardCode: ward, data: JSON.stringify({ name: `${ward}の町会` }), updatedAt: now, deletedAt: null },
        ]);
        await insertInto(
          database,
          "joinRequests",
          statuses.map((status) => ({
            id: uuidv7(),
            associationId,
            wardCode: ward,
            name: "大阪 花子",
            contact: "090-1111-2222",
            address: "1-2-3",
            message: "",
            status,
            receivedAt: now,
            statusChangedAt: now,
            purgedAt: null,
          })),
        );
      }

      it("counts the requests still new: the ward's for its staff, any ward's or all for an administrator", async () => {
        await joinRequests("27127", ["new", "new", "contacted", "done", "new"]);
        await joinRequests("27128", ["new", "done"]);
        const kita = await loginAs("kita.staff");
        const count = async (headers: Record<string, string>, query = "") =>
          (await (await request("GET", `/api/staff/local/join-requests/count${query}`, headers)).json()) as { new: number };
        expect(await count(kita)).toEqual({ new: 3 });
        const admin = await loginAs("city.admin");
        expect(await count(admin)).toEqual({ new: 4 });
        expect(await count(admin, "?ward=27128")).toEqual({ new: 1 });

        // Marking one contacted takes it off the count.
        const inbox = (await (await request("GET", "/api/staff/local/join-requests", kita)).json()) as {
          requests: { id: string; status: string }[];
        };
        const first = inbox.requests.find((r) => r.status === "new") as { id: string };
        expect((await request("PUT", `/api/staff/local/join-requests/${first.id}`, kita, { status: "contacted" })).status).toBe(204);
        expect(await count(kita)).toEqual({ new: 2 });
      });

      it("never tells one ward's staff another's count, not with 20 attempts at once", async () => {
        await joinRequests("27128", ["new", "new"]);
        const kita = await loginAs("kita.staff");
        const attempts = await Promise.all(
          Array.from({ length: 20 }, () => request("GET", "/api/staff/local/join-requests/count?ward=27128", kita)),
        );
        for (const response of attempts) await expectErrorResponse(response, "staff.forbidden");
        expect((await request("GET", "/api/staff/local/join-requests/count")).status).toBe(401);
      });
    });

    describe("free text", () => {
      const survey = surveyRow(definition, { wardCode: "27127", kind: "poll" });
      const texts = ["保育所の空きが少ない", "空き家が増えて心配", "夜の道が暗い", "防災訓練の案内を早めに", "保育所を増やして"];

      beforeEach(async () => {
        await insertInto(database, "surveys", [survey]);
        for (let i = 0; i < 12; i++) {
          await submitResponse(
            database,
            { ...testSurveyRules, pollOnePerDevice: false },
            {
              surveyId: survey.id,
              response: {
                id: uuidv7(),
                answers: { knows: { option: "yes" }, ...(i < texts.length ? { comment: { text: texts[i] as string } } : {}) },
                profile: {},
              },
              clientAddress: "t",
            },
          );
        }
      });

      const comments = async (headers: Record<string, string>, query = "") =>
        (await (await request("GET", `/api/staff/surveys/${survey.id}/comments${query}`, headers)).json()) as Comments;

      it("leaves the built-in stop words out of the keywords, and the words the ward adds, but never a longer word holding one", async () => {
        const kita = await loginAs("kita.staff");
        let words = (await comments(kita)).keywords.map((k) => k.word);
        for (const stop of ["空き", "夜", "早め"]) {
          expect(builtInStopWords).toContain(stop);
          expect(words).not.toContain(stop);
        }
        expect(words).toContain("空き家");
        expect(words).toContain("道");

        // The ward adds 道 (in full-width spaces, normalised), once however often it is sent.
        for (const word of ["\u3000道\u3000", "道"])
          expect((await request("POST", "/api/staff/keywords/stop-words", kita, { word })).status).toBe(204);
        const list = StopWordList.parse(await (await request("GET", "/api/staff/keywords/stop-words", kita)).json());
        expect(list).toMatchObject({ ward: "27127", words: ["道"], max: maxStopWordsPerWard });
        expect(list.builtIn).toEqual([...builtInStopWords]);
        words = (await comments(kita)).keywords.map((k) => k.word);
        expect(words).not.toContain("道");
        expect(words).toContain("保育所");

        // Another ward's keywords keep 道; removing it brings it back here.
        expect((await request("DELETE", "/api/staff/keywords/stop-words", kita, { word: "道" })).status).toBe(204);
        expect((await comments(kita)).keywords.map((k) => k.word)).toContain("道");
        expect(await auditActions("keywords.stop_word_add")).toEqual([{ ward: "27127", word: "道" }]);
        expect(await auditActions("keywords.stop_word_remove")).toEqual([{ ward: "27127", word: "道" }]);
      });

      it("refuses an empty word or one with spaces, and a ward's list past its limit, also when added all at once", async () => {
        const kita = await loginAs("kita.staff");
        for (const word of ["", "   ", "空き 家", "あ".repeat(41)])
          await expectErrorResponse(await request("POST", "/api/staff/keywords/stop-words", kita, { word }), "request.invalid");
        await insertInto(
          database,
          "keywordStopWords",
          Array.from({ length: maxStopWordsPerWard - 5 }, (_, i) => ({
            wardCode: "27127",
            word: `語${i}`,
            createdAt: new Date().toISOString(),
          })),
        );
        const attempts = await Promise.all(
          Array.from({ length: 20 }, (_, i) => request("POST", "/api/staff/keywords/stop-words", kita, { word: `新語${i}` })),
        );
        expect(attempts.filter((r) => r.status === 204)).toHaveLength(5);
        for (const response of attempts.filter((r) => r.status !== 204))
          await expectErrorResponse(response, "keywords.too_many_stop_words");
        const stored = await database.db.selectFrom("keywordStopWords").select("word").where("wardCode", "=", "27127").execute();
        expect(stored).toHaveLength(maxStopWordsPerWard);
      });

      it("keeps a ward's stop words to its staff, not with 20 attempts at once", async () => {
        const chuo = await loginAs("chuo.staff");
        const attempts = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            i % 2 === 0
              ? request("POST", "/api/staff/keywords/stop-words", chuo, { ward: "27127", word: "保育所" })
              : request("GET", "/api/staff/keywords/stop-words?ward=27127", chuo),
          ),
        );
        for (const response of attempts) await expectErrorResponse(response, "staff.forbidden");
        expect(await database.db.selectFrom("keywordStopWords").selectAll().execute()).toEqual([]);
      });

      it("tags many answers at once with a theme, keeping their other themes, and takes it off again", async () => {
        const kita = await loginAs("kita.staff");
        const all = (await comments(kita)).comments;
        const nursery = all.filter((c) => c.text.includes("保育所"));
        const first = nursery[0] as (typeof nursery)[number];
        await request("PUT", `/api/staff/surveys/${survey.id}/comments/${first.responseId}/${first.questionId}/themes`, kita, {
          themes: ["welfare"],
        });
        const refs = nursery.map(({ responseId, questionId }) => ({ responseId, questionId }));
        const tagged = await request("POST", `/api/staff/surveys/${survey.id}/comments/themes`, kita, {
          comments: refs,
          theme: "childcare",
          add: true,
        });
        expect(tagged.status).toBe(200);
        expect(await tagged.json()).toEqual({ changed: 2 });
        let childcare = (await comments(kita, "?theme=childcare")).comments;
        expect(childcare.map((c) => c.text).sort()).toEqual(["保育所の空きが少ない", "保育所を増やして"]);
        expect(childcare.find((c) => c.responseId === first.responseId)?.themes.sort()).toEqual(["childcare", "welfare"]);
        // Again: nothing changes.
        const again = await request("POST", `/api/staff/surveys/${survey.id}/comments/themes`, kita, {
          comments: refs,
          theme: "childcare",
          add: true,
        });
        expect(await again.json()).toEqual({ changed: 0 });

        const untag = await request("POST", `/api/staff/surveys/${survey.id}/comments/themes`, kita, {
          comments: refs,
          theme: "childcare",
          add: false,
        });
        expect(await untag.json()).toEqual({ changed: 2 });
        childcare = (await comments(kita, "?theme=childcare")).comments;
        expect(childcare).toEqual([]);
        expect((await comments(kita, "?theme=welfare")).comments.map((c) => c.responseId)).toEqual([first.responseId]);
        const entries = (await auditActions("comment.tag")).filter((e) => "count" in e);
        expect(entries).toEqual([
          { ward: "27127", theme: "childcare", add: true, count: 2 },
          { ward: "27127", theme: "childcare", add: true, count: 2 },
          { ward: "27127", theme: "childcare", add: false, count: 2 },
        ]);
      });

      it("writes nothing when one answer is not this survey's, and lets no other ward tag, not with 20 attempts at once", async () => {
        const kita = await loginAs("kita.staff");
        const [one] = (await comments(kita)).comments;
        const ref = { responseId: (one as { responseId: string }).responseId, questionId: "comment" };
        const stranger = { responseId: uuidv7(), questionId: "comment" };
        await expectErrorResponse(
          await request("POST", `/api/staff/surveys/${survey.id}/comments/themes`, kita, {
            comments: [ref, stranger],
            theme: "health",
            add: true,
          }),
          "route.not_found",
        );
        await expectErrorResponse(
          await request("POST", `/api/staff/surveys/${survey.id}/comments/themes`, kita, { comments: [], theme: "health", add: true }),
          "request.invalid",
        );
        const chuo = await loginAs("chuo.staff");
        const attempts = await Promise.all(
          Array.from({ length: 20 }, () =>
            request("POST", `/api/staff/surveys/${survey.id}/comments/themes`, chuo, { comments: [ref], theme: "health", add: true }),
          ),
        );
        for (const response of attempts) await expectErrorResponse(response, "surveys.not_found");
        expect(await database.db.selectFrom("commentThemes").selectAll().execute()).toEqual([]);
      });
    });
  });
});
