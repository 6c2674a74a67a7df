/**
 * Issue 13's attacks on published tables (findings 3 and 8), each performed as a reader would, on
 * each dialect: subtracting one breakdown from "all" (by=mode, by=area) as staff and as the public,
 * reading a number question's keys, weighting by a made-up population, and stuffing a poll with
 * fresh device ids from one address. Each finds nothing it should not.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { numberRanges } from "../../shared/surveys/ranges";
import { SurveyResults } from "../../shared/surveys/results";
import { StaffResults } from "../../shared/surveys/staff/results";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { areaRow, insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("区のアンケート"),
  description: ja("説明"),
  profile: ["ageBand", "area"],
  questions: [
    {
      id: "q",
      type: "single",
      text: ja("満足していますか"),
      required: true,
      themes: [],
      options: ["a", "b", "c"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
    { id: "years", type: "number", text: ja("住んでいる年数"), required: false, themes: [], min: 0, max: 100, integer: true },
  ],
};

type Person = { q: string; area: string; ageBand: "20s" | "30s" | "70s"; mode: "online" | "paper"; years?: number };

/** Demo-like answers: 40 online in 地域01 and 02, in their 20s and 70s, and four on paper from 地域03 in their 30s (finding 8's small paper counts). */
const demoLike: Person[] = [
  ...Array.from(
    { length: 40 },
    (_, i): Person => ({
      q: i % 2 === 0 ? "a" : "b",
      area: i < 20 ? "27127-01" : "27127-02",
      ageBand: i < 20 ? "20s" : "70s",
      mode: "online",
      years: 10 + (i % 5),
    }),
  ),
  { q: "a", area: "27127-03", ageBand: "30s", mode: "paper", years: 87 },
  { q: "a", area: "27127-03", ageBand: "30s", mode: "paper", years: 3 },
  { q: "a", area: "27127-03", ageBand: "30s", mode: "paper", years: 65 },
  { q: "b", area: "27127-03", ageBand: "30s", mode: "paper", years: 12 },
];

describe.each(dialects)("disclosure control against the published tables", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    const survey = surveyRow(definition, { resultsPublic: 1 });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database);
      await insertWards(database, "27127", "27128");
      await insertInto(
        database,
        "areas",
        ["01", "02", "03"].map((n, i) => areaRow(`27127-${n}`, { sortOrder: i + 1 })),
      );
      await insertStaff(database);
      await insertInto(database, "surveys", [survey]);
    });
    afterEach(async () => testDb.cleanup());

    const send = async (people: Person[]) => {
      for (const p of people)
        await submitResponse(database, testSurveyRules, {
          surveyId: survey.id,
          response: {
            id: uuidv7(),
            answers: { q: { option: p.q }, ...(p.years === undefined ? {} : { years: { value: p.years } }) },
            profile: { area: p.area, ageBand: p.ageBand },
            deviceId: randomUUID(),
          },
          clientAddress: "test",
          mode: p.mode,
        });
    };
    const staffRead = async (query = "") => {
      const headers = await jsonClient(app).loginAs("kita.staff");
      const response = await app.request(`/api/staff/surveys/${survey.id}/results${query}`, { headers });
      expect(response.status).toBe(200);
      return StaffResults.parse(await response.json());
    };
    const publicRead = async (query = "") => {
      const response = await app.request(`/api/surveys/${survey.id}/results${query}`);
      expect(response.status).toBe(200);
      return SurveyResults.parse(await response.json());
    };

    /** "All" minus every shown segment of a breakdown: what it gives for each cell left hidden alone (nothing when none is). */
    function subtract(all: SurveyResults, by: SurveyResults): string[] {
      const recovered: string[] = [];
      const total = all.segments[0];
      const lone = (values: (number | null)[], whole: number | null | undefined, what: string) => {
        const hidden = values.filter((v) => v === null).length;
        // A total of 0 says every part is 0: nobody, nothing to protect.
        if (hidden === 1 && whole !== null && whole !== undefined && whole > 0)
          recovered.push(`${what} = ${whole - values.reduce<number>((sum, v) => sum + (v ?? 0), 0)}`);
      };
      lone(
        by.segments.map((s) => s.responses),
        total?.responses,
        "n",
      );
      for (const question of total?.questions ?? []) {
        for (const option of question.options) {
          const values = by.segments.map(
            (s) => s.questions.find((q) => q.id === question.id)?.options.find((o) => o.key === option.key)?.count ?? null,
          );
          lone(values, option.count, `${question.id}:${option.key}`);
        }
      }
      return recovered;
    }

    it("leaves nothing to subtract: all minus online gives no paper count, all minus the shown 地域 no hidden one (staff)", async () => {
      await send(demoLike);
      const all = await staffRead();
      // The whole survey's counts are published: the attack has its "all".
      expect(all.segments[0]?.responses).toBe(44);

      expect(subtract(all, await staffRead("?by=mode"))).toEqual([]);
      expect(subtract(all, await staffRead("?by=area"))).toEqual([]);
      expect(subtract(all, await staffRead("?by=ageBand"))).toEqual([]);
    });

    it("leaves nothing to subtract in a public poll's results either", async () => {
      await send(demoLike);
      const all = await publicRead();

      expect(subtract(all, await publicRead("?by=mode"))).toEqual([]);
      expect(subtract(all, await publicRead("?by=area"))).toEqual([]);
    });

    it("publishes a number question as its fixed ranges, listing only shown ones, never the values given (finding 3)", async () => {
      await send(demoLike);
      const ranges = numberRanges({ min: 0, max: 100 }).map((r) => r.key);
      for (const read of [await staffRead(), await staffRead("?by=area"), await publicRead("?by=ageBand")]) {
        for (const segment of read.segments) {
          const years = segment.questions.find((q) => q.id === "years");
          for (const option of years?.options ?? []) {
            expect(ranges).toContain(option.key);
            expect(option.count).not.toBeNull();
          }
          // 87, 3 and 65 were each given by one person: no key says so.
          expect(years?.options.map((o) => o.key)).not.toEqual(expect.arrayContaining(["87"]));
          expect(years?.options.map((o) => o.key).filter((k) => ["3", "65", "87", "12"].includes(k))).toEqual([]);
        }
      }
      // The 40 online answers (10–14 years) and two on paper (3 and 12) are in one range, shown.
      expect((await staffRead()).segments[0]?.questions.find((q) => q.id === "years")?.options).toContainEqual({
        key: "0–19",
        count: 42,
        share: expect.any(Number),
        interval: null,
      });
    });

    it("refuses a made-up population and gives no weighted share from a band with hidden counts (finding 8)", async () => {
      await send(demoLike);
      const headers = await jsonClient(app).loginAs("kita.staff");
      const put = (bands: Record<string, number>) =>
        app.request("/api/staff/population", {
          method: "PUT",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({
            ward: "27127",
            bands: { "10s": 0, "20s": 0, "30s": 0, "40s": 0, "50s": 0, "60s": 0, "70s": 0, "80plus": 0, ...bands },
          }),
        });
      // The attack's table: 10,000,000 in one band, 1 in another (北区 has 130,303 people).
      await expectErrorResponse(await put({ "10s": 10_000_000, "20s": 1 }), "population.out_of_range");
      await expectErrorResponse(await put({ "20s": 1, "70s": 1 }), "population.out_of_range");

      // A believable table whose 30s band (地域03's four on paper) has its counts hidden: no weighted share at all.
      expect((await put({ "20s": 60_000, "30s": 20_000, "70s": 40_000 })).status).toBe(204);
      const audit = await database.db
        .selectFrom("auditLog")
        .select(["action", "details"])
        .where("action", "=", "population.edit")
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.details ?? "{}")).toMatchObject({ "20s": 60_000, "30s": 20_000, "70s": 40_000 });
      const thirties = (await staffRead("?by=ageBand")).segments.find((s) => s.segment === "age:30s");
      expect(thirties?.responses).toBeNull();
      const weightedQ = async () => (await staffRead("?weight=age")).segments[0]?.questions.find((q) => q.id === "q")?.options ?? [];
      for (const option of await weightedQ()) {
        expect(option.weighted).toBeNull();
        expect(option.weightedUnavailable).toBe("hidden_cells");
      }

      // Leaving the 30s out does not help: "all" minus 20s minus 70s would give the 30s, so one of those
      // bands hides counts too, and the weighting still refuses.
      expect((await put({ "20s": 60_000, "70s": 40_000 })).status).toBe(204);
      const byAge = await staffRead("?by=ageBand");
      const hides = (band: string) =>
        byAge.segments
          .find((s) => s.segment === band)
          ?.questions.find((q) => q.id === "q")
          ?.options.some((o) => o.count === null && o.key !== "c");
      expect(hides("age:20s") || hides("age:70s")).toBe(true);
      for (const option of await weightedQ()) if (option.key !== "c") expect(option.weightedUnavailable).toBe("hidden_cells");
    });

    it("takes at most 3 answers a day to a poll from one address, whatever device ids it sends (finding 8)", async () => {
      const capped = testApp(database, { trustProxy: 1, surveys: { ...testSurveyRules, pollAnswersPerAddress: 3 } });
      const answer = (address: string, id = uuidv7()) =>
        Promise.resolve(
          capped.request(`/api/surveys/${survey.id}/responses`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": address },
            body: JSON.stringify({ id, answers: { q: { option: "c" } }, profile: {}, deviceId: randomUUID() }),
          }),
        );
      // 25 fresh device ids from one client, 20 at a time and then 5.
      const first = await Promise.all(Array.from({ length: 20 }, () => answer("198.51.100.9")));
      const rest = await Promise.all(Array.from({ length: 5 }, () => answer("198.51.100.9")));
      const statuses = [...first, ...rest].map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(22);
      await expectErrorResponse(await answer("198.51.100.9"), "surveys.poll_address_limit");
      // Another household is not held back.
      expect((await answer("203.0.113.20")).status).toBe(201);
      const stored = await database.db.selectFrom("responses").select("id").where("surveyId", "=", survey.id).execute();
      expect(stored).toHaveLength(4);
    });

    it("shows staff that a poll is unverified: the results carry the poll's kind", async () => {
      expect((await staffRead()).kind).toBe("poll");
    });
  });
});
