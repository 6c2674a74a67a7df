/**
 * Disclosure control of cross-tabs on random small surveys: whatever the respondents (either question
 * may be skipped or left blank as 無回答; each is a single or a multiple choice) and K, the cross-tab published beside the
 * one-way tables (published as disclosure.ts decides) shows nothing from 1 to K−1, shows only true
 * counts, leaves the one-way tables as they are, and — solving every published number of both as linear
 * equations — determines no hidden count that the one-way tables alone leave open, the one-way tables'
 * hidden counts included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { noAnswerKey } from "./aggregates";
import { determinedPairCells, disclosePair, knownFromOneWay, type PairShown, tabulate, transpose } from "./crosstab-disclosure";
import { disclose, type SurveyCounts } from "./disclosure";

/** A respondent's keys for each question (null: skipped). */
interface Respondent {
  a: number[] | null;
  b: number[] | null;
}

/** Three options, then 無回答 (a paper form's blank: that key alone). */
const keys = ["x", "y", "z", noAnswerKey];
const last = keys.length + 1;
const answer = (multiple: boolean) =>
  fc.option(
    fc.oneof(
      { arbitrary: fc.constant([3]).map((k) => [...k]), weight: 1 },
      {
        arbitrary: multiple
          ? fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 })
          : fc.integer({ min: 0, max: 2 }).map((k) => [k]),
        weight: 4,
      },
    ),
    { nil: null },
  );
/** Shapes (is a, is b a multiple choice), the respondents and K. */
const survey = fc
  .tuple(fc.boolean(), fc.boolean())
  .chain(([aMultiple, bMultiple]) =>
    fc.tuple(
      fc.constant({ aMultiple, bMultiple }),
      fc.array(fc.record({ a: answer(aMultiple), b: answer(bMultiple) }), { maxLength: 60 }),
      fc.integer({ min: 2, max: 10 }),
    ),
  );

/** The one-way running counts of one question, as disclosure.ts takes them (the whole survey, no breakdown). */
function oneWayCounts(people: Respondent[], shapes: { aMultiple: boolean; bMultiple: boolean }): SurveyCounts {
  const question = (id: "a" | "b", multiple: boolean) => {
    const cells = [0, 0, 0, 0, 0];
    for (const p of people) {
      const chosen = p[id];
      if (chosen === null) continue;
      for (const k of chosen) cells[k] = (cells[k] as number) + 1;
      cells[4] = (cells[4] as number) + 1;
    }
    return {
      id,
      keys,
      alwaysAnswered: !multiple && people.every((p) => p[id] !== null),
      keysAddUp: !multiple,
      cells: new Map([["all", cells]]),
    };
  };
  return {
    segments: ["all"],
    responses: new Map([["all", people.length]]),
    questions: [question("a", shapes.aMultiple), question("b", shapes.bMultiple)],
  };
}

const masks = (people: Respondent[], id: "a" | "b") => ({
  masks: people.map((p) => (p[id] ?? []).reduce((mask, k) => mask | (1 << k), 0)),
  answered: people.map((p) => (p[id] === null ? 0 : 1)),
});

/** The pair (a down, b across) and the one-way tables as published, as the grid's last row and column. */
function pairOf(people: Respondent[], shapes: { aMultiple: boolean; bMultiple: boolean }, minCell: number) {
  const [a, b] = [masks(people, "a"), masks(people, "b")];
  const counts = tabulate(
    { keys, addsUp: !shapes.aMultiple },
    { keys, addsUp: !shapes.bMultiple },
    { rowMasks: a.masks, rowAnswered: a.answered, columnMasks: b.masks, columnAnswered: b.answered },
  );
  const published = disclose(oneWayCounts(people, shapes), minCell);
  const n = published.responses.get("all") ?? null;
  const line = (id: string) => [...(published.questions.get(id)?.get("all") ?? new Array<null>(keys.length + 1).fill(null)), n];
  const columns = line("b");
  const oneWay: PairShown = line("a").map((total, r) => (r === last ? columns : [...new Array<null>(keys.length + 1).fill(null), total]));
  return { counts, oneWay };
}

describe("disclosePair", () => {
  it("leaves no hidden count determined by the cross-tab and the one-way tables together", () => {
    fc.assert(
      fc.property(survey, ([shapes, people, minCell]) => {
        const { counts, oneWay } = pairOf(people, shapes, minCell);
        const shown = disclosePair(counts, oneWay, minCell);
        // Nothing the one-way tables alone leave open is determined once the cross-tab is shown too.
        expect(determinedPairCells(counts, shown, knownFromOneWay(counts, oneWay))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 240_000);

  it("shows no count from 1 to K−1, only true counts, and the one-way tables unchanged", () => {
    fc.assert(
      fc.property(survey, ([shapes, people, minCell]) => {
        const { counts, oneWay } = pairOf(people, shapes, minCell);
        const shown = disclosePair(counts, oneWay, minCell);
        shown.forEach((row, r) => {
          row.forEach((v, c) => {
            if (r === last || c === last) expect(v).toBe((oneWay[r] as (number | null)[])[c]);
            else if (v !== null) {
              expect(v === 0 || v >= minCell).toBe(true);
              expect(v).toBe((counts.values[r] as number[])[c]);
            }
          });
        });
      }),
      { numRuns: 200 },
    );
  }, 240_000);

  it("is the same table read either way round", () => {
    fc.assert(
      fc.property(survey, ([shapes, people]) => {
        const { counts } = pairOf(people, shapes, 3);
        const [a, b] = [masks(people, "a"), masks(people, "b")];
        const turned = tabulate(
          { keys, addsUp: !shapes.bMultiple },
          { keys, addsUp: !shapes.aMultiple },
          { rowMasks: b.masks, rowAnswered: b.answered, columnMasks: a.masks, columnAnswered: a.answered },
        );
        expect(turned.values).toEqual(transpose(counts.values));
      }),
    );
  });
});
