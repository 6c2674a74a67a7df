/**
 * 区の対応 (what came of a survey) and public results of a sampled survey, through the HTTP API on every
 * database: staff of the survey's ward save and publish the text in six languages, residents see it only
 * once published, another ward's staff cannot touch it, every change is audited, and however many
 * publish at once, the first publication (when the ward's subscribers should hear of it) is claimed once.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod/mini";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { Survey, type SurveyDefinition, SurveySummary } from "../../shared/surveys/model";
import { FollowUpSaved } from "../../shared/surveys/staff/follow-up";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("公園についてのアンケート"),
  description: ja("説明"),
  profile: [],
  questions: [
    {
      id: "q1",
      type: "single",
      text: ja("公園をよく使いますか"),
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
  ],
};
const followUp = {
  ja: "ご意見を受けて、扇町公園にベンチを10基増やしました。\n<b>来年度</b>も続けます。",
  "ja-easy": "{公園|こうえん}にベンチを{増|ふ}やしました。",
  en: "We added ten benches to Ogimachi Park.",
  "zh-Hans": "我们在扇町公园增加了10张长椅。",
  ko: "오기마치 공원에 벤치 10개를 늘렸습니다.",
  vi: "Chúng tôi đã thêm 10 ghế dài ở công viên Ogimachi.",
};

describe.each(dialects)("区の対応 and public results", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let client: ReturnType<typeof jsonClient>;
    const closed = surveyRow(definition, { kind: "sampled", status: "closed", closesAt: new Date(Date.now() - 1000).toISOString() });
    const draft = surveyRow(definition, { status: "draft" });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      // The deployment's default body limit (100 kB): six languages of 区の対応 fit in it.
      client = jsonClient(testApp(database, { bodyLimitBytes: 100 * 1024 }));
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [closed, draft]);
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    const residentSurvey = async (id: string) => Survey.parse(await (await client.request("GET", `/api/surveys/${id}`)).json());
    const followUpsFor = async (ward: string) =>
      z
        .object({ surveys: z.array(SurveySummary) })
        .parse(await (await client.request("GET", `/api/surveys/follow-ups?ward=${ward}`)).json()).surveys;
    const auditOf = (action: string) =>
      database.db.selectFrom("auditLog").select(["login", "target", "details"]).where("action", "=", action).orderBy("at").execute();

    it("shows residents 区の対応 only once published, in every language, as the text staff wrote", async () => {
      const headers = await client.loginAs("kita.staff");
      const saved = await client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, headers, { text: followUp, publish: false });
      expect(saved.status).toBe(200);
      expect(FollowUpSaved.parse(await saved.json())).toEqual({ publishedAt: null, firstPublication: false });
      expect((await residentSurvey(closed.id)).followUp).toBeNull();
      expect(await followUpsFor("27127")).toEqual([]);
      const staffView = (await (await client.request("GET", `/api/staff/surveys/${closed.id}`, headers)).json()) as {
        followUpDraft: unknown;
      };
      expect(staffView.followUpDraft).toEqual({ text: followUp, publishedAt: null });

      const published = FollowUpSaved.parse(
        await (await client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, headers, { text: followUp, publish: true })).json(),
      );
      expect(published.firstPublication).toBe(true);
      expect(published.publishedAt).not.toBeNull();
      const seen = await residentSurvey(closed.id);
      expect(seen.followUp).toEqual({ text: followUp, publishedAt: published.publishedAt });
      // The closed survey is listed for 北区's residents, not for 中央区's.
      expect((await followUpsFor("27127")).map((s) => [s.id, s.followUp?.text.ja])).toEqual([[closed.id, followUp.ja]]);
      expect(await followUpsFor("27128")).toEqual([]);

      // Withdrawn, then published again: shown again, but it is not the first publication.
      await client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, headers, { text: followUp, publish: false });
      expect((await residentSurvey(closed.id)).followUp).toBeNull();
      const again = FollowUpSaved.parse(
        await (await client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, headers, { text: followUp, publish: true })).json(),
      );
      expect(again.firstPublication).toBe(false);

      const entries = await auditOf("survey.follow_up");
      expect(entries.map((e) => [e.login, e.target, JSON.parse(e.details).published])).toEqual([
        ["kita.staff", closed.id, false],
        ["kita.staff", closed.id, true],
        ["kita.staff", closed.id, false],
        ["kita.staff", closed.id, true],
      ]);
      expect(JSON.parse(entries[0]?.details ?? "{}").languages).toEqual(["ja", "ja-easy", "en", "zh-Hans", "ko", "vi"]);
    });

    it("refuses another ward's staff, a draft survey and text without Japanese or too long", async () => {
      const chuo = await client.loginAs("chuo.staff");
      await expectErrorResponse(
        await client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, chuo, { text: followUp, publish: true }),
        "surveys.not_found",
      );
      await expectErrorResponse(
        await client.request("PUT", `/api/staff/surveys/${closed.id}/results-public`, chuo, { public: true }),
        "surveys.not_found",
      );
      const kita = await client.loginAs("kita.staff");
      await expectErrorResponse(
        await client.request("PUT", `/api/staff/surveys/${draft.id}/follow-up`, kita, { text: followUp, publish: true }),
        "surveys.not_open",
      );
      const { ja: _ja, ...withoutJapanese } = followUp;
      await expectErrorResponse(
        await client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, kita, { text: withoutJapanese, publish: true }),
        "request.invalid",
      );
      await expectErrorResponse(
        await client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, kita, { text: { ja: "あ".repeat(2001) }, publish: true }),
        "request.invalid",
      );
      expect((await residentSurvey(closed.id)).followUp).toBeNull();
      expect(await auditOf("survey.follow_up")).toEqual([]);
    });

    it("claims the first publication once when 20 staff publish at the same moment, and tells the ward once", async () => {
      const headers = await client.loginAs("kita.staff");
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, headers, { text: followUp, publish: true }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const saved = await Promise.all(answers.map(async (a) => FollowUpSaved.parse(await a.json())));
      expect(saved.filter((s) => s.firstPublication)).toHaveLength(1);
      expect(await auditOf("survey.follow_up")).toHaveLength(20);
      // The survey's ward hears of it once: one "ward news" notice, opening its results.
      const notices = await database.db
        .selectFrom("notices")
        .select(["key", "segment", "content"])
        .where("key", "like", "follow-up:%")
        .execute();
      expect(notices).toHaveLength(1);
      expect(notices[0]?.key).toBe(`follow-up:${closed.id}`);
      expect(JSON.parse(notices[0]?.segment ?? "{}")).toMatchObject({ topic: "news" });
      expect(JSON.parse(notices[0]?.content ?? "{}")).toMatchObject({ path: `/surveys/${closed.id}/results` });
    });

    it("keeps a sampled survey's results private until staff publish them, audited, and private again when withdrawn", async () => {
      await expectErrorResponse(await client.request("GET", `/api/surveys/${closed.id}/results`), "results.not_public");
      const headers = await client.loginAs("kita.staff");
      const made = await client.request("PUT", `/api/staff/surveys/${closed.id}/results-public`, headers, { public: true });
      expect(await made.json()).toEqual({ resultsPublic: true });
      const results = await client.request("GET", `/api/surveys/${closed.id}/results`);
      expect(results.status).toBe(200);
      expect((await residentSurvey(closed.id)).resultsPublic).toBe(true);
      await client.request("PUT", `/api/staff/surveys/${closed.id}/results-public`, headers, { public: false });
      await expectErrorResponse(await client.request("GET", `/api/surveys/${closed.id}/results`), "results.not_public");
      expect((await auditOf("survey.results_public")).map((e) => JSON.parse(e.details))).toEqual([
        { published: true },
        { published: false },
      ]);
    });

    it("starts a copy of the survey without its 区の対応", async () => {
      const headers = await client.loginAs("kita.staff");
      await client.request("PUT", `/api/staff/surveys/${closed.id}/follow-up`, headers, { text: followUp, publish: true });
      const { id } = (await (await client.request("POST", `/api/staff/surveys/${closed.id}/duplicate`, headers)).json()) as { id: string };
      const copy = (await (await client.request("GET", `/api/staff/surveys/${id}`, headers)).json()) as {
        followUpDraft: unknown;
        followUp: unknown;
      };
      expect(copy.followUpDraft).toBeNull();
      expect(copy.followUp).toBeNull();
    });
  });
});
