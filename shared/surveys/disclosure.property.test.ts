/**
 * Disclosure control on random small surveys: whatever the respondents, their profiles (any field
 * may be skipped) and K, solving every published number of every breakdown as linear equations
 * determines no hidden count (shared/surveys/disclosure-check.ts), and nothing from 1 to K−1 is shown.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disclose, type SurveyCounts } from "./disclosure";
import { determinedCells } from "./disclosure-check";

interface Respondent {
  segments: string[];
  single: number | null;
  multiple: number[] | null;
}

const respondent = fc
  .record({
    mode: fc.constantFrom("online", "paper"),
    age: fc.option(fc.constantFrom("20s", "40s", "60s"), { nil: undefined }),
    area: fc.option(fc.constantFrom("01", "02", "03", "04"), { nil: undefined }),
    single: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    multiple: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), { nil: null }),
  })
  .map(
    ({ mode, age, area, single, multiple }): Respondent => ({
      segments: ["all", `mode:${mode}`, ...(age ? [`age:${age}`] : []), ...(area ? [`area:${area}`] : [])],
      single,
      multiple,
    }),
  );

/** The running counts of these respondents, as the server keeps them (shared/surveys/aggregates.ts). */
function countsOf(people: Respondent[]): SurveyCounts {
  const segments = [...new Set(people.flatMap((p) => p.segments))].sort();
  if (!segments.includes("all")) segments.unshift("all");
  const responses = new Map<string, number>();
  const single = new Map<string, number[]>();
  const multiple = new Map<string, number[]>();
  for (const person of people) {
    for (const segment of person.segments) {
      responses.set(segment, (responses.get(segment) ?? 0) + 1);
      const s = single.get(segment) ?? [0, 0, 0, 0];
      if (person.single !== null) {
        s[person.single] = (s[person.single] as number) + 1;
        s[3] = (s[3] as number) + 1;
      }
      single.set(segment, s);
      const m = multiple.get(segment) ?? [0, 0, 0, 0];
      if (person.multiple !== null) {
        for (const k of person.multiple) m[k] = (m[k] as number) + 1;
        m[3] = (m[3] as number) + 1;
      }
      multiple.set(segment, m);
    }
  }
  return {
    segments,
    responses,
    questions: [
      { id: "single", keys: ["a", "b", "c"], alwaysAnswered: people.every((p) => p.single !== null), keysAddUp: true, cells: single },
      { id: "multiple", keys: ["a", "b", "c"], alwaysAnswered: false, keysAddUp: false, cells: multiple },
    ],
  };
}

describe("disclose", () => {
  it("leaves no hidden count determined by the published tables, over every breakdown", () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 70 }), fc.integer({ min: 2, max: 10 }), (people, minCell) => {
        const counts = countsOf(people);
        const published = disclose(counts, minCell);
        for (const question of counts.questions) expect(determinedCells(counts, published, question.id, minCell)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("shows no count from 1 to K−1, and every shown count is the true one", () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 70 }), fc.integer({ min: 2, max: 10 }), (people, minCell) => {
        const counts = countsOf(people);
        const published = disclose(counts, minCell);
        for (const [segment, n] of published.responses) {
          if (n !== null) expect(n === 0 || n >= minCell).toBe(true);
          if (n !== null) expect(n).toBe(counts.responses.get(segment) ?? 0);
        }
        for (const question of counts.questions) {
          for (const [segment, cells] of published.questions.get(question.id) ?? []) {
            cells.forEach((v, c) => {
              if (v === null) return;
              expect(v === 0 || v >= minCell).toBe(true);
              expect(v).toBe(question.cells.get(segment)?.[c] ?? 0);
            });
          }
        }
      }),
    );
  });
});
