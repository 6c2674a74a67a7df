/**
 * Needs matching and yearly targets on each dialect: the need worked out from a survey's counts
 * (hidden cells kept hidden), the policies beside it, the themes that stand out, the exports, and
 * indicators with each year's value, margin and target, per ward and as the city's average.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { IndicatorList } from "../../shared/planning/indicators";
import { MatchingMatrix, type Policy, WardComparison } from "../../shared/planning/matching";
import { wilsonInterval } from "../../shared/stats/wilson";
import type { SurveyDefinition, Theme } from "../../shared/surveys/model";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { areaRow, insertWards, surveyRow as openSurvey } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const themed = (id: string, theme: Theme) => ({ id, label: ja(id), themes: [theme] });
/** A 区民意識調査 in small: whether residents know their 地活協, and the areas they want the ward to focus on. */
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: ["ageBand", "area"],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("地域活動協議会を知っていますか"),
      required: true,
      themes: ["community"],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
    {
      id: "focus",
      type: "multiple",
      text: ja("区に力を入れてほしい分野"),
      required: true,
      themes: [],
      min: 1,
      max: 3,
      options: [themed("kids", "childcare"), themed("health", "health"), themed("safety", "disaster"), themed("town", "urban")],
    },
  ],
};

const surveyRow = (wardCode: string, kind: "poll" | "sampled") => openSurvey(definition, { wardCode, kind });

describe.each(dialects)("needs matching and yearly targets", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    const kita = surveyRow("27127", "sampled");
    const chuo = surveyRow("27128", "poll");

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database);
      await insertWards(database, "27127", "27128");
      await insertInto(
        database,
        "areas",
        ["01", "02"].map((n, i) => areaRow(`27127-${n}`, { name: `地域${n}`, nameEn: `Area ${n}`, sortOrder: i + 1 })),
      );
      await insertStaff(database);
      await insertInto(database, "surveys", [kita, chuo]);
      // 30 answers in Kita, all from 地域01: twenty in their 30s chose "kids" (eighteen also "health");
      // ten in their 70s chose "safety" (4) or "town" (6). Fifteen know their 地活協.
      for (let i = 0; i < 30; i++) {
        const focus = i < 20 ? ["kids", ...(i < 18 ? ["health"] : [])] : [i < 24 ? "safety" : "town"];
        await submitResponse(database, testSurveyRules, {
          surveyId: kita.id,
          response: {
            id: uuidv7(),
            answers: { knows: { option: i % 2 === 0 ? "yes" : "no" }, focus: { options: focus } },
            profile: { ageBand: i < 20 ? "30s" : "70s", area: "27127-01" },
          },
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

    async function addPolicy(headers: Record<string, string>, title: string, themes: Theme[], ward?: string) {
      const response = await request("POST", "/api/staff/policies", headers, { title, chapter: "3(1)", themes, ...(ward ? { ward } : {}) });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    }

    describe("needs matching", () => {
      it("shows each theme's need beside the ward's policies, hides small cells, and marks high need with few policies", async () => {
        const headers = await loginAs("kita.staff");
        await addPolicy(headers, "通いの場の拡大", ["health"]);
        await addPolicy(headers, "スマホ教室", ["welfare", "education"]);
        await addPolicy(headers, "個別避難計画", ["disaster"]);

        const response = await request("GET", "/api/staff/matching?by=ageBand", headers);
        expect(response.status).toBe(200);
        const matrix = MatchingMatrix.parse(await response.json());
        expect(matrix.survey).toMatchObject({ id: kita.id, questionId: "focus" });
        expect(matrix.segments).toEqual(["10s", "20s", "30s", "40s", "50s", "60s", "70s", "80plus"]);
        const row = (theme: Theme) => matrix.rows.find((r) => r.theme === theme);

        // 20 of 30 chose kids, 18 of 30 health; safety (4) and town (6) are under 10 and hidden.
        expect(row("childcare")?.need).toEqual({ share: 20 / 30, interval: wilsonInterval(20, 30) });
        expect(row("health")?.need.share).toBeCloseTo(18 / 30, 10);
        expect(row("disaster")?.need).toEqual({ share: null, interval: null });
        expect(row("urban")?.need.share).toBeNull();
        // A theme the question does not offer has no need to show.
        expect(row("community")?.need.share).toBeNull();
        // By age: the 30s chose kids 20 of 20 and health 18 of 20; the 70s' small counts stay hidden.
        const at = (theme: Theme, band: string) => row(theme)?.bySegment[matrix.segments.indexOf(band)]?.share;
        expect(at("childcare", "30s")).toBe(1);
        expect(at("health", "30s")).toBeCloseTo(0.9, 10);
        expect(at("disaster", "70s")).toBeNull();
        expect(at("urban", "70s")).toBeNull();
        expect(at("childcare", "20s")).toBeNull();
        // Childcare: need above the average of shown themes (0.633) and no policy, fewer than the average (4/8): it stands out.
        expect(row("childcare")?.policies).toEqual([]);
        expect(row("childcare")?.standsOut).toBe(true);
        expect(row("health")?.policies.map((p) => p.title)).toEqual(["通いの場の拡大"]);
        expect(row("health")?.standsOut).toBe(false);
        expect(matrix.rows.filter((r) => r.standsOut).map((r) => r.theme)).toEqual(["childcare"]);

        const byArea = MatchingMatrix.parse(await (await request("GET", "/api/staff/matching", headers)).json());
        expect(byArea.by).toBe("area");
        expect(byArea.segments).toEqual(["27127-01", "27127-02"]);
        expect(byArea.rows.find((r) => r.theme === "childcare")?.bySegment.map((c) => c.share)).toEqual([20 / 30, null]);
      });

      it("exports the matrix as CSV for Excel, hidden cells as under-10, and logs the export", async () => {
        const headers = await loginAs("kita.staff");
        await addPolicy(headers, '=HYPERLINK("http://evil.example")', ["health"]);
        const response = await request("GET", "/api/staff/matching.csv?by=ageBand", headers);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toContain("text/csv");
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
        expect(rows[0]?.slice(0, 6)).toEqual(["テーマ", "ニーズ(%)", "95%下限(%)", "95%上限(%)", "10代(%)", "20代(%)"]);
        const childcare = rows.find((r) => r[0] === "子育て支援");
        expect(childcare?.[1]).toBe("66.7");
        expect(childcare?.at(-1)).toBe("○");
        expect(rows.find((r) => r[0] === "地域防災")?.[1]).toBe("10未満");
        const health = rows.find((r) => r[0] === "健康寿命");
        expect(health?.at(-2)).toBe('\'=HYPERLINK("http://evil.example")');
        const logged = await database.db
          .selectFrom("auditLog")
          .select(["action", "wardCode"])
          .where("action", "=", "matching.export")
          .execute();
        expect(logged).toEqual([{ action: "matching.export", wardCode: "27127" }]);
      });

      it("edits and deletes a policy, answering the deleted one so it can be put back, all logged", async () => {
        const headers = await loginAs("kita.staff");
        const id = await addPolicy(headers, "地活協の情報発信", ["community"]);
        expect(
          (
            await request("PUT", `/api/staff/policies/${id}`, headers, {
              title: "地活協の広報",
              chapter: "1(1)",
              themes: ["community", "service_dx"],
            })
          ).status,
        ).toBe(204);
        const deleted = await request("DELETE", `/api/staff/policies/${id}`, headers);
        expect(deleted.status).toBe(200);
        const { policy } = (await deleted.json()) as { policy: Policy };
        expect(policy).toMatchObject({ id, ward: "27127", title: "地活協の広報", chapter: "1(1)", themes: ["community", "service_dx"] });
        const list = (await (await request("GET", "/api/staff/policies", headers)).json()) as { policies: Policy[] };
        expect(list.policies).toEqual([]);
        const actions = await database.db.selectFrom("auditLog").select("action").where("target", "=", id).orderBy("at").execute();
        expect(actions.map((a) => a.action)).toEqual(["policy.create", "policy.edit", "policy.delete"]);
      });

      it("refuses a policy without a theme, and keeps what was stored", async () => {
        const headers = await loginAs("kita.staff");
        await addPolicy(headers, "防災訓練", ["disaster"]);
        await expectErrorResponse(
          await request("POST", "/api/staff/policies", headers, { title: "空の施策", chapter: "", themes: [] }),
          "request.invalid",
        );
        const list = (await (await request("GET", "/api/staff/policies", headers)).json()) as { policies: Policy[] };
        expect(list.policies.map((p) => p.title)).toEqual(["防災訓練"]);
      });

      it("keeps policies and the matrix within the ward", async () => {
        const chuoHeaders = await loginAs("chuo.staff");
        const chuoPolicy = await addPolicy(chuoHeaders, "中央区の施策", ["urban"]);
        const headers = await loginAs("kita.staff");
        await expectErrorResponse(await request("GET", "/api/staff/policies?ward=27128", headers), "staff.forbidden");
        await expectErrorResponse(
          await request("POST", "/api/staff/policies", headers, { title: "x", chapter: "", themes: ["urban"], ward: "27128" }),
          "staff.forbidden",
        );
        await expectErrorResponse(
          await request("PUT", `/api/staff/policies/${chuoPolicy}`, headers, { title: "x", chapter: "", themes: ["urban"] }),
          "policies.not_found",
        );
        await expectErrorResponse(await request("DELETE", `/api/staff/policies/${chuoPolicy}`, headers), "policies.not_found");
        await expectErrorResponse(await request("GET", "/api/staff/matching?ward=27128", headers), "staff.forbidden");
        await expectErrorResponse(await request("GET", "/api/staff/matching.csv?ward=27128", headers), "staff.forbidden");
        await expectErrorResponse(await request("GET", `/api/staff/matching?survey=${chuo.id}`, headers), "surveys.not_found");
        await expectErrorResponse(await request("GET", "/api/staff/matching/wards", headers), "staff.forbidden");
        await expectErrorResponse(await request("GET", "/api/staff/matching/wards.csv", headers), "staff.forbidden");
        const stored = await database.db.selectFrom("policies").select("title").where("id", "=", chuoPolicy).executeTakeFirstOrThrow();
        expect(stored.title).toBe("中央区の施策");
      });

      it("compares every ward for a city administrator", async () => {
        await addPolicy(await loginAs("chuo.staff"), "中央区の施策", ["urban"]);
        const headers = await loginAs("city.admin");
        const comparison = WardComparison.parse(await (await request("GET", "/api/staff/matching/wards", headers)).json());
        expect(comparison.wards.map((w) => w.ward)).toEqual(["27127", "27128"]);
        const kitaRow = comparison.wards[0];
        expect(kitaRow?.surveyId).toBe(kita.id);
        expect(kitaRow?.cells.find((c) => c.theme === "childcare")?.need.share).toBeCloseTo(20 / 30, 10);
        // Chuo's poll has no answers: nothing to show, but its policy is counted.
        const chuoRow = comparison.wards[1];
        expect(chuoRow?.cells.find((c) => c.theme === "urban")).toMatchObject({ need: { share: null }, policies: 1 });
        const csv = await request("GET", "/api/staff/matching/wards.csv", headers);
        const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
        expect(rows[0]?.[0]).toBe("区");
        expect(rows.map((r) => r[0])).toEqual(["区", "北区", "中央区"]);
      });
    });

    describe("yearly targets", () => {
      const indicator = {
        name: "地活協を知っている住民の割合",
        ward: null,
        questionId: "knows",
        optionIds: ["yes"],
        baselineYear: 2022,
        targetYear: 2026,
        targetPoints: 10,
      };

      async function createCityIndicator() {
        const response = await request("POST", "/api/staff/indicators", await loginAs("city.admin"), indicator);
        expect(response.status).toBe(201);
        return ((await response.json()) as { id: string }).id;
      }

      it("gives each year's value with its margin against the target: recorded years and a survey in the app", async () => {
        const id = await createCityIndicator();
        const headers = await loginAs("kita.staff");
        const put = (body: unknown) => request("PUT", `/api/staff/indicators/${id}/years`, headers, body);
        expect((await put({ ward: "27127", year: 2022, source: { share: 0.45, n: 400 } })).status).toBe(204);
        expect((await put({ ward: "27127", year: 2026, source: { surveyId: kita.id } })).status).toBe(204);

        const list = IndicatorList.parse(await (await request("GET", "/api/staff/indicators", headers)).json());
        // Its wording comes from the survey it reads.
        expect(list.indicators[0]?.wording).toEqual({ question: { ja: "地域活動協議会を知っていますか" }, options: [{ ja: "yes" }] });
        const [kitaSeries, ...others] = list.indicators[0]?.series ?? [];
        expect(others).toEqual([]);
        expect(kitaSeries?.ward).toBe("27127");
        expect(kitaSeries?.baseline).toBe(0.45);
        expect(kitaSeries?.target).toBeCloseTo(0.55, 10);
        expect(kitaSeries?.points).toEqual([
          {
            year: 2022,
            share: 0.45,
            n: 400,
            interval: wilsonInterval(180, 400),
            source: "recorded",
            surveyId: null,
            selfSelected: false,
            inTrend: true,
          },
          // 15 of 30 know it: the survey's counts, with the sampled survey's Wilson interval.
          {
            year: 2026,
            share: 0.5,
            n: 30,
            interval: wilsonInterval(15, 30),
            source: "survey",
            surveyId: kita.id,
            selfSelected: false,
            inTrend: true,
          },
        ]);
      });

      it("averages the wards for the city (全区平均) with the margin of independent samples, for administrators", async () => {
        const id = await createCityIndicator();
        const admin = await loginAs("city.admin");
        const put = (body: unknown) => request("PUT", `/api/staff/indicators/${id}/years`, admin, body);
        await put({ ward: "27127", year: 2022, source: { share: 0.45, n: 400 } });
        await put({ ward: "27128", year: 2022, source: { share: 0.55, n: 400 } });
        // Chuo's poll has no answers yet: its 2026 value is hidden and left out of the average.
        await put({ ward: "27128", year: 2026, source: { surveyId: chuo.id } });
        await put({ ward: "27127", year: 2026, source: { surveyId: kita.id } });

        const list = IndicatorList.parse(await (await request("GET", "/api/staff/indicators", admin)).json());
        const series = list.indicators[0]?.series ?? [];
        expect(series.map((s) => s.ward)).toEqual([null, "27127", "27128"]);
        const city = series[0];
        // Hand-computed: mean 0.5; variance (0.2475/400 × 2) / 4 = 0.000309375; 1.96 × sd = 0.034474.
        expect(city?.baseline).toBeCloseTo(0.5, 10);
        expect(city?.target).toBeCloseTo(0.6, 10);
        expect(city?.points[0]).toMatchObject({ year: 2022, n: 800, source: "average", wards: 2 });
        expect(city?.points[0]?.interval?.[0]).toBeCloseTo(0.5 - 0.034474, 4);
        expect(city?.points[0]?.interval?.[1]).toBeCloseTo(0.5 + 0.034474, 4);
        expect(city?.points[1]).toMatchObject({ year: 2026, share: 0.5, wards: 1 });
        expect(series[2]?.points[1]).toMatchObject({ year: 2026, share: null, source: "survey" });
      });

      it("refuses a survey without the indicator's question or options, and keeps the stored value", async () => {
        const id = await createCityIndicator();
        const headers = await loginAs("kita.staff");
        await request("PUT", `/api/staff/indicators/${id}/years`, headers, { ward: "27127", year: 2026, source: { share: 0.4, n: 300 } });
        const other = {
          ...surveyRow("27127", "poll"),
          definition: JSON.stringify({ ...definition, questions: [definition.questions[1]] }),
        };
        await insertInto(database, "surveys", [other]);
        await expectErrorResponse(
          await request("PUT", `/api/staff/indicators/${id}/years`, headers, { ward: "27127", year: 2026, source: { surveyId: other.id } }),
          "indicators.question_missing",
        );
        await expectErrorResponse(
          await request("PUT", `/api/staff/indicators/${id}/years`, headers, { ward: "27127", year: 2026, source: { share: 1.5, n: 300 } }),
          "request.invalid",
        );
        const list = IndicatorList.parse(await (await request("GET", "/api/staff/indicators", headers)).json());
        expect(list.indicators[0]?.series[0]?.points).toMatchObject([{ year: 2026, share: 0.4, n: 300 }]);
      });

      it("keeps indicators within the ward: another ward's is invisible, its values unreachable, city-wide ones for administrators", async () => {
        const cityId = await createCityIndicator();
        const chuoHeaders = await loginAs("chuo.staff");
        const created = await request("POST", "/api/staff/indicators", chuoHeaders, { ...indicator, ward: "27128", name: "中央区の指標" });
        expect(created.status).toBe(201);
        const chuoId = ((await created.json()) as { id: string }).id;
        await request("PUT", `/api/staff/indicators/${cityId}/years`, chuoHeaders, {
          ward: "27128",
          year: 2022,
          source: { share: 0.6, n: 300 },
        });

        const headers = await loginAs("kita.staff");
        const list = IndicatorList.parse(await (await request("GET", "/api/staff/indicators", headers)).json());
        expect(list.indicators.map((i) => i.id)).toEqual([cityId]);
        // Kita sees its own (empty) series of the city-wide indicator, never Chuo's values.
        expect(list.indicators[0]?.series).toEqual([{ ward: "27127", baseline: null, target: null, points: [] }]);
        await expectErrorResponse(await request("POST", "/api/staff/indicators", headers, indicator), "staff.forbidden");
        await expectErrorResponse(
          await request("POST", "/api/staff/indicators", headers, { ...indicator, ward: "27128" }),
          "staff.forbidden",
        );
        await expectErrorResponse(
          await request("PUT", `/api/staff/indicators/${chuoId}`, headers, { ...indicator, ward: "27128" }),
          "indicators.not_found",
        );
        await expectErrorResponse(await request("DELETE", `/api/staff/indicators/${chuoId}`, headers), "indicators.not_found");
        await expectErrorResponse(await request("DELETE", `/api/staff/indicators/${cityId}`, headers), "staff.forbidden");
        await expectErrorResponse(
          await request("PUT", `/api/staff/indicators/${cityId}/years`, headers, {
            ward: "27128",
            year: 2023,
            source: { share: 0.1, n: 300 },
          }),
          "staff.forbidden",
        );
        await expectErrorResponse(await request("DELETE", `/api/staff/indicators/${cityId}/years/27128/2022`, headers), "staff.forbidden");
        await expectErrorResponse(
          await request("PUT", `/api/staff/indicators/${cityId}/years`, headers, {
            ward: "27127",
            year: 2026,
            source: { surveyId: chuo.id },
          }),
          "surveys.not_found",
        );
        const chuoYears = await database.db
          .selectFrom("indicatorYears")
          .select(["year", "recordedShare"])
          .where("wardCode", "=", "27128")
          .execute();
        expect(chuoYears).toEqual([{ year: 2022, recordedShare: 0.6 }]);
      });

      it("changes and deletes an indicator with its yearly values, all logged", async () => {
        const id = await createCityIndicator();
        const admin = await loginAs("city.admin");
        await request("PUT", `/api/staff/indicators/${id}/years`, admin, { ward: "27127", year: 2022, source: { share: 0.45, n: 400 } });
        expect((await request("PUT", `/api/staff/indicators/${id}`, admin, { ...indicator, targetPoints: 12 })).status).toBe(204);
        let list = IndicatorList.parse(await (await request("GET", "/api/staff/indicators", admin)).json());
        expect(list.indicators[0]?.targetPoints).toBe(12);
        expect(list.indicators[0]?.series[1]?.target).toBeCloseTo(0.57, 10);
        expect((await request("DELETE", `/api/staff/indicators/${id}/years/27127/2022`, admin)).status).toBe(204);
        expect((await request("DELETE", `/api/staff/indicators/${id}`, admin)).status).toBe(204);
        list = IndicatorList.parse(await (await request("GET", "/api/staff/indicators", admin)).json());
        expect(list.indicators).toEqual([]);
        expect(await database.db.selectFrom("indicatorYears").selectAll().execute()).toEqual([]);
        const actions = await database.db.selectFrom("auditLog").select("action").where("target", "=", id).orderBy("at").execute();
        expect(actions.map((a) => a.action)).toEqual([
          "indicator.create",
          "indicator.year",
          "indicator.edit",
          "indicator.year_remove",
          "indicator.delete",
        ]);
      });
    });
  });
});
