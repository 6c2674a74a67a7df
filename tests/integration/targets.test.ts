/**
 * Honest targets on each dialect: a year taken from a self-selected poll is flagged, has no sampling
 * interval and stays out of the trend, the baseline and the city's average until staff confirm it
 * (stored and audited); only a poll's year can be confirmed; and another ward's staff cannot confirm
 * one, not with 20 attempts at once. The needs matrix reads the year and survey staff choose.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { uuidv7 } from "../../shared/ids";
import { IndicatorList, progressOf } from "../../shared/planning/indicators";
import { MatchingMatrix } from "../../shared/planning/matching";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("地活協アンケート"),
  description: ja("説明"),
  profile: [],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("地域活動協議会を知っていますか"),
      required: true,
      themes: ["community"],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
  ],
};

/** A survey with a priority question (options tagged with themes), for the needs matrix. */
const withPriority = (title: string): SurveyDefinition => ({
  ...definition,
  title: ja(title),
  questions: [
    {
      id: "focus",
      type: "multiple",
      text: ja("区に力を入れてほしい分野"),
      required: true,
      themes: [],
      min: 1,
      max: 3,
      options: [
        { id: "kids", label: ja("子育て"), themes: ["childcare"] },
        { id: "safety", label: ja("防災"), themes: ["disaster"] },
      ],
    },
  ],
});

const indicator = {
  name: "地活協を知っている住民の割合",
  ward: null,
  questionId: "knows",
  optionIds: ["yes"],
  baselineYear: 2022,
  targetYear: 2026,
  targetPoints: 10,
};

describe.each(dialects)("honest targets", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    // A poll in 北区 that 20 of 30 respondents answered "yes": 66.7 %, above any target here.
    const poll = surveyRow(definition, { wardCode: "27127", kind: "poll" });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database);
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [poll]);
      for (let i = 0; i < 30; i++) {
        await submitResponse(database, testSurveyRules, {
          surveyId: poll.id,
          response: { id: uuidv7(), answers: { knows: { option: i < 20 ? "yes" : "no" } }, profile: {} },
          clientAddress: "test",
          mode: "paper",
        });
      }
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    const request = (...args: Parameters<ReturnType<typeof jsonClient>["request"]>) => jsonClient(app).request(...args);
    const loginAs = (login: string) => jsonClient(app).loginAs(login);
    const list = async (headers: Record<string, string>) =>
      IndicatorList.parse(await (await request("GET", "/api/staff/indicators", headers)).json()).indicators;

    /** A city-wide indicator with 北区's and 中央区's recorded 2022 and 2025, and 北区's 2026 from the poll. */
    async function indicatorWithPollYear(): Promise<string> {
      const admin = await loginAs("city.admin");
      const id = ((await (await request("POST", "/api/staff/indicators", admin, indicator)).json()) as { id: string }).id;
      const put = (ward: string, year: number, source: object) =>
        request("PUT", `/api/staff/indicators/${id}/years`, admin, { ward, year, source });
      for (const ward of ["27127", "27128"]) {
        expect((await put(ward, 2022, { share: 0.45, n: 400 })).status).toBe(204);
        expect((await put(ward, 2025, { share: 0.52, n: 400 })).status).toBe(204);
      }
      expect((await put("27127", 2026, { surveyId: poll.id })).status).toBe(204);
      return id;
    }

    it("flags a poll's year, gives it no interval and keeps it out of the trend and the city's average until confirmed", async () => {
      const id = await indicatorWithPollYear();
      const kita = await loginAs("kita.staff");
      let [series] = (await list(kita))[0]?.series ?? [];
      const pollPoint = series?.points.find((p) => p.year === 2026);
      expect(pollPoint?.share).toBeCloseTo(2 / 3, 10);
      expect(pollPoint).toMatchObject({ n: 30, interval: null, source: "survey", selfSelected: true, inTrend: false });
      expect(series?.points.filter((p) => p.year !== 2026).every((p) => !p.selfSelected && p.inTrend)).toBe(true);
      // The latest value in the trend is 2025's 52 %: its interval (47.1–56.9 %) holds the 55 % target.
      let progress = progressOf(series as NonNullable<typeof series>);
      expect(progress.latest?.year).toBe(2025);
      expect(progress.status).toBe("near");

      // The city's 2026 point has no wards in it while the poll is out.
      const admin = await loginAs("city.admin");
      let city = (await list(admin))[0]?.series[0];
      expect(city?.ward).toBeNull();
      expect(city?.points.map((p) => p.year)).toEqual([2022, 2025]);

      // 北区's staff confirm the poll into the trend: it is stored, audited and counted.
      const confirmed = await request("PUT", `/api/staff/indicators/${id}/years/27127/2026/trend`, kita, { inTrend: true });
      expect(confirmed.status).toBe(204);
      [series] = (await list(kita))[0]?.series ?? [];
      expect(series?.points.find((p) => p.year === 2026)).toMatchObject({ selfSelected: true, inTrend: true });
      progress = progressOf(series as NonNullable<typeof series>);
      expect(progress.latest?.year).toBe(2026);
      expect(progress.status).toBe("reached");
      city = (await list(admin))[0]?.series[0];
      expect(city?.points.find((p) => p.year === 2026)).toMatchObject({ n: 30, wards: 1 });
      const stored = await database.db
        .selectFrom("indicatorYears")
        .select("pollConfirmedAt")
        .where("indicatorId", "=", id)
        .where("year", "=", 2026)
        .executeTakeFirstOrThrow();
      expect(stored.pollConfirmedAt).not.toBeNull();

      // And back out; setting the year's source again drops a confirmation made for the old one.
      expect((await request("PUT", `/api/staff/indicators/${id}/years/27127/2026/trend`, kita, { inTrend: false })).status).toBe(204);
      expect((await list(kita))[0]?.series[0]?.points.find((p) => p.year === 2026)?.inTrend).toBe(false);
      await request("PUT", `/api/staff/indicators/${id}/years/27127/2026/trend`, kita, { inTrend: true });
      await request("PUT", `/api/staff/indicators/${id}/years`, kita, { ward: "27127", year: 2026, source: { surveyId: poll.id } });
      expect((await list(kita))[0]?.series[0]?.points.find((p) => p.year === 2026)?.inTrend).toBe(false);

      const entries = await database.db
        .selectFrom("auditLog")
        .select(["action", "details", "wardCode"])
        .where("action", "=", "indicator.poll_confirm")
        .orderBy("at")
        .execute();
      expect(entries.map((e) => [e.wardCode, JSON.parse(e.details as string)])).toEqual([
        ["27127", { year: 2026, inTrend: true }],
        ["27127", { year: 2026, inTrend: false }],
        ["27127", { year: 2026, inTrend: true }],
      ]);
    });

    it("keeps a poll that is the baseline year out of the baseline until confirmed", async () => {
      const admin = await loginAs("city.admin");
      const id = ((await (await request("POST", "/api/staff/indicators", admin, indicator)).json()) as { id: string }).id;
      await request("PUT", `/api/staff/indicators/${id}/years`, admin, { ward: "27127", year: 2022, source: { surveyId: poll.id } });
      let kita = (await list(admin))[0]?.series.find((s) => s.ward === "27127");
      expect(kita).toMatchObject({ baseline: null, target: null });
      await request("PUT", `/api/staff/indicators/${id}/years/27127/2022/trend`, admin, { inTrend: true });
      kita = (await list(admin))[0]?.series.find((s) => s.ward === "27127");
      expect(kita?.baseline).toBeCloseTo(2 / 3, 10);
      expect(kita?.target).toBeCloseTo(2 / 3 + 0.1, 10);
    });

    it("confirms only a poll's year, and only a year that exists", async () => {
      const id = await indicatorWithPollYear();
      const kita = await loginAs("kita.staff");
      await expectErrorResponse(
        await request("PUT", `/api/staff/indicators/${id}/years/27127/2025/trend`, kita, { inTrend: true }),
        "indicators.not_a_poll",
      );
      await expectErrorResponse(
        await request("PUT", `/api/staff/indicators/${id}/years/27127/2019/trend`, kita, { inTrend: true }),
        "indicators.year_not_found",
      );
      await expectErrorResponse(
        await request("PUT", `/api/staff/indicators/${id}/years/27127/2026/trend`, kita, { inTrend: "yes" }),
        "request.invalid",
      );
    });

    it("lets no other ward's staff confirm a poll, not with 20 attempts at once", async () => {
      const id = await indicatorWithPollYear();
      const chuo = await loginAs("chuo.staff");
      const attempts = await Promise.all(
        Array.from({ length: 20 }, () => request("PUT", `/api/staff/indicators/${id}/years/27127/2026/trend`, chuo, { inTrend: true })),
      );
      expect(attempts.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 403));
      // A ward's own indicator is not even visible to another ward.
      const kitaHeaders = await loginAs("kita.staff");
      const own = await request("POST", "/api/staff/indicators", kitaHeaders, { ...indicator, ward: "27127", name: "北区の指標" });
      const ownId = ((await own.json()) as { id: string }).id;
      await request("PUT", `/api/staff/indicators/${ownId}/years`, kitaHeaders, {
        ward: "27127",
        year: 2026,
        source: { surveyId: poll.id },
      });
      const hidden = await Promise.all(
        Array.from({ length: 20 }, () => request("PUT", `/api/staff/indicators/${ownId}/years/27127/2026/trend`, chuo, { inTrend: true })),
      );
      for (const response of hidden) await expectErrorResponse(response, "indicators.not_found");
      const confirmed = await database.db.selectFrom("indicatorYears").select("pollConfirmedAt").where("year", "=", 2026).execute();
      expect(confirmed).toEqual([{ pollConfirmedAt: null }, { pollConfirmedAt: null }]);
      const audited = await database.db.selectFrom("auditLog").select("action").where("action", "=", "indicator.poll_confirm").execute();
      expect(audited).toEqual([]);
    });

    describe("the needs matrix's source", () => {
      // 北区: a sampled survey opened in 2024年度 (May 2024), a poll and a sampled survey in 2025年度
      // (the sampled one opened 31 March 2026 in Japan time, still 2025年度); 中央区: its own.
      const at = (iso: string) => ({ opensAt: iso, status: "closed" as const });
      const sampled2024 = surveyRow(withPriority("2024年度 区民意識調査"), { kind: "sampled", ...at("2024-05-01T00:00:00.000Z") });
      const poll2025 = surveyRow(withPriority("2025年度 投票"), { kind: "poll", ...at("2025-06-01T00:00:00.000Z") });
      const sampled2025 = surveyRow(withPriority("2025年度 区民意識調査"), { kind: "sampled", ...at("2026-03-31T14:00:00.000Z") });
      const chuo = surveyRow(withPriority("中央区"), { wardCode: "27128", kind: "sampled", ...at("2025-06-01T00:00:00.000Z") });

      beforeEach(async () => {
        await insertInto(database, "surveys", [sampled2024, poll2025, sampled2025, chuo]);
      });

      const matrix = async (headers: Record<string, string>, query: string) => {
        const response = await request("GET", `/api/staff/matching?${query}`, headers);
        expect(response.status).toBe(200);
        return MatchingMatrix.parse(await response.json());
      };

      it("lists the ward's surveys with their fiscal year and kind, and takes the newest sampled one by default", async () => {
        const kita = await loginAs("kita.staff");
        const shown = await matrix(kita, "");
        expect(shown.survey?.id).toBe(sampled2025.id);
        expect(shown.candidates.map((c) => [c.id, c.year, c.kind])).toEqual([
          [sampled2025.id, 2025, "sampled"],
          [poll2025.id, 2025, "poll"],
          [sampled2024.id, 2024, "sampled"],
        ]);
      });

      it("reads the year or the survey staff choose, and says so when a year has none", async () => {
        const kita = await loginAs("kita.staff");
        expect((await matrix(kita, "year=2024")).survey?.id).toBe(sampled2024.id);
        expect((await matrix(kita, `survey=${poll2025.id}`)).survey).toMatchObject({ id: poll2025.id, kind: "poll" });
        const none = await matrix(kita, "year=2019");
        expect(none.survey).toBeNull();
        expect(none.candidates).toHaveLength(3);
        await expectErrorResponse(await request("GET", "/api/staff/matching?year=19", kita), "request.invalid");
      });

      it("never reads another ward's survey, not with 20 attempts at once", async () => {
        const kita = await loginAs("kita.staff");
        const attempts = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            request("GET", i % 2 === 0 ? `/api/staff/matching?survey=${chuo.id}` : `/api/staff/matching?ward=27128&year=2025`, kita),
          ),
        );
        for (const [i, response] of attempts.entries())
          await expectErrorResponse(response, i % 2 === 0 ? "surveys.not_found" : "staff.forbidden");
      });
    });
  });
});
