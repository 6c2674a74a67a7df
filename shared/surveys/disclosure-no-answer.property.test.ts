/**
 * Disclosure control with 無回答 (a paper form's blank item, counted under noAnswerKey) on random small
 * surveys: a question's 無回答 is one more key, in its base ("answered") and never an option. Whatever the
 * respondents (each answers, leaves it blank, or is not asked: 非該当), solving every published number of
 * every breakdown — with what a reader knows of 無回答: a single choice's keys add up to "answered", and
 * everyone else in a multiple choice's base chose at least one option — determines no hidden count, and
 * nothing from 1 to K−1 is shown.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { noAnswerKey } from "./aggregates";
import { disclose, type SurveyCounts } from "./disclosure";
import { determinedCells } from "./disclosure-check";

/** An answer: an option (or options), 無回答, or not asked (非該当). */
type Given<T> = T | "blank" | null;
interface Respondent {
  segments: string[];
  single: Given<number>;
  multiple: Given<number[]>;
}

const given = <T>(answer: fc.Arbitrary<T>) => fc.oneof(answer, fc.constant("blank" as const), fc.constant(null)) as fc.Arbitrary<Given<T>>;

const respondent = fc
  .record({
    mode: fc.constantFrom("online", "paper"),
    age: fc.option(fc.constantFrom("20s", "40s", "60s"), { nil: undefined }),
    area: fc.option(fc.constantFrom("01", "02", "03"), { nil: undefined }),
    single: given(fc.integer({ min: 0, max: 2 })),
    // A multiple choice answered has at least one option: an empty one is 無回答.
    multiple: given(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 })),
  })
  .map(
    ({ mode, age, area, single, multiple }): Respondent => ({
      segments: ["all", `mode:${mode}`, ...(age ? [`age:${age}`] : []), ...(area ? [`area:${area}`] : [])],
      single,
      multiple,
    }),
  );

/** The running counts, as the server keeps them: keys a, b, c and 無回答, then "answered" (answers and 無回答). */
function countsOf(people: Respondent[]): SurveyCounts {
  const segments = [...new Set(people.flatMap((p) => p.segments))].sort();
  if (!segments.includes("all")) segments.unshift("all");
  const responses = new Map<string, number>();
  const single = new Map<string, number[]>();
  const multiple = new Map<string, number[]>();
  const add = (cells: Map<string, number[]>, segment: string, keys: number[]) => {
    const row = cells.get(segment) ?? [0, 0, 0, 0, 0];
    for (const k of keys) row[k] = (row[k] as number) + 1;
    cells.set(segment, row);
  };
  for (const person of people) {
    for (const segment of person.segments) {
      responses.set(segment, (responses.get(segment) ?? 0) + 1);
      const s = person.single;
      add(single, segment, s === null ? [] : s === "blank" ? [3, 4] : [s, 4]);
      const m = person.multiple;
      add(multiple, segment, m === null ? [] : m === "blank" ? [3, 4] : [...m, 4]);
    }
  }
  const keys = ["a", "b", "c", noAnswerKey];
  return {
    segments,
    responses,
    questions: [
      { id: "single", keys, alwaysAnswered: people.every((p) => p.single !== null), keysAddUp: true, cells: single },
      { id: "multiple", keys, alwaysAnswered: false, keysAddUp: false, cells: multiple },
    ],
  };
}

describe("disclose, with 無回答", () => {
  it("leaves no hidden count determined by the published tables, 無回答 included, over every breakdown", () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 60 }), fc.integer({ min: 2, max: 10 }), (people, minCell) => {
        const counts = countsOf(people);
        const published = disclose(counts, minCell);
        for (const question of counts.questions) expect(determinedCells(counts, published, question.id, minCell)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("never shows a 無回答 from 1 to K−1, and every shown count is the true one", () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 60 }), fc.integer({ min: 2, max: 10 }), (people, minCell) => {
        const counts = countsOf(people);
        const published = disclose(counts, minCell);
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
  }, 60_000);
});
