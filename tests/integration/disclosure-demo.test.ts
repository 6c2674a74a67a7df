/**
 * The demo surveys' published tables, solved as a reader would (issue 13, finding 8): every number
 * the API publishes for a question — as staff, by every breakdown, and as the public for public
 * polls — is a linear equation in the true counts; linear programming finds no hidden count that
 * those equations determine (shared/surveys/disclosure-check.ts), and every shown count is true. A
 * number question's small ranges are published merged: the equations are in the merged counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { seedDemoData } from "../../server/seed/seed";
import { definitionOf } from "../../server/surveys/read";
import { countsOf } from "../../server/surveys/results";
import { breakdowns } from "../../shared/surveys/aggregates";
import type { Disclosed } from "../../shared/surveys/disclosure";
import { determinedCells } from "../../shared/surveys/disclosure-check";
import { mergeSmallRanges } from "../../shared/surveys/disclosure-ranges";
import { SurveyResults } from "../../shared/surveys/results";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { insertStaff, jsonClient } from "../helpers/staff";

/** What a reader holds after reading every breakdown: each segment's n, and each question's counts with "answered" last. */
function collect(tables: SurveyResults[], keysOf: Map<string, readonly string[]>): Disclosed {
  const published: Disclosed = { responses: new Map(), questions: new Map() };
  for (const table of tables) {
    for (const segment of table.segments) {
      published.responses.set(segment.segment, segment.responses);
      for (const question of segment.questions) {
        const keys = keysOf.get(question.id) ?? [];
        // A range not listed is a hidden count.
        const counts = keys.map((key) => question.options.find((o) => o.key === key)?.count ?? null);
        const byQuestion = published.questions.get(question.id) ?? new Map();
        byQuestion.set(segment.segment, [...counts, question.answered]);
        published.questions.set(question.id, byQuestion);
      }
    }
  }
  return published;
}

describe.each(dialects)("the demo surveys' published tables", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;

    beforeAll(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      await seedDemoData(database, { reset: false });
      await insertStaff(database, ["city.admin"]);
    }, 120_000);
    afterAll(async () => testDb.cleanup());

    it("determine no hidden count of any question, for staff and for the public", async () => {
      const app = testApp(database);
      const client = jsonClient(app);
      const { headers } = await client.login("city.admin");
      const surveys = await database.db.selectFrom("surveys").selectAll().execute();
      expect(surveys.length).toBeGreaterThanOrEqual(48);
      let hiddenCounts = 0;
      let mergedRanges = 0;
      for (const survey of surveys) {
        const definition = definitionOf(survey);
        // The true counts as disclosure control takes them: a number's small ranges merged (disclosure-ranges.ts).
        const unmerged = (await countsOf(database, survey.id, definition)).counts;
        const counts = mergeSmallRanges(unmerged, 10);
        mergedRanges += counts.questions.filter((q, i) => q.keys.length < (unmerged.questions[i]?.keys.length ?? 0)).length;
        const keysOf = new Map(counts.questions.map((q) => [q.id, q.keys]));
        const read = async (path: string, asStaff: boolean) => {
          const response = await app.request(path, { headers: asStaff ? headers : {} });
          expect(response.status, path).toBe(200);
          return SurveyResults.parse(await response.json());
        };
        const readers: [string, boolean][] = [[`/api/staff/surveys/${survey.id}/results`, true]];
        if (survey.kind === "poll" && survey.resultsPublic === 1) readers.push([`/api/surveys/${survey.id}/results`, false]);
        for (const [base, asStaff] of readers) {
          const tables = [await read(base, asStaff), ...(await Promise.all(breakdowns.map((by) => read(`${base}?by=${by}`, asStaff))))];
          const published = collect(tables, keysOf);
          for (const question of counts.questions) {
            expect(determinedCells(counts, published, question.id, 10), `${survey.id} ${question.id}`).toEqual([]);
            for (const [segment, cells] of published.questions.get(question.id) ?? []) {
              cells.forEach((shown, c) => {
                if (shown === null) hiddenCounts++;
                else expect(shown).toBe(question.cells.get(segment)?.[c] ?? 0);
              });
            }
          }
        }
      }
      // The demo's small 地域 and age groups do hide counts: the check above had something to solve.
      expect(hiddenCounts).toBeGreaterThan(1000);
      // And some number question's small ranges were merged, and solved as merged.
      expect(mergedRanges).toBeGreaterThan(0);
    }, 600_000);
  });
});
