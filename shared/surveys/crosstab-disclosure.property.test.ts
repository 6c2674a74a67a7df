/**
 * Disclosure control of cross-tabs on random small surveys: whatever the respondents (either question
 * may be skipped; one is a single choice, the other a multiple choice) and K, the cross-tab published
 * beside the one-way tables (published as disclosure.ts decides) shows nothing from 1 to K−1, shows
 * only true counts, leaves the one-way tables as they are, and — solving every published number of both
 * as linear equations — determines no hidden count that the one-way tables alone leave open, the
 * one-way tables' hidden counts included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { determinedPairCells, disclosePair, knownFromOneWay, type PairShown, tabulate, transpose } from "./crosstab-disclosure";
import { disclose, type SurveyCounts } from "./disclosure";

interface Respondent {
  single: number | null;
  multiple: number[] | null;
}

const respondent = fc.record({
  single: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  multiple: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }), { nil: null }),
});

const keys = ["a", "b", "c"];
const single = { keys, addsUp: true };
const multiple = { keys, addsUp: false };

/** The one-way running counts of these respondents, as disclosure.ts takes them (the whole survey, no breakdown). */
function oneWayCounts(people: Respondent[]): SurveyCounts {
  const s = [0, 0, 0, 0];
  const m = [0, 0, 0, 0];
  for (const p of people) {
    if (p.single !== null) {
      s[p.single] = (s[p.single] as number) + 1;
      s[3] = (s[3] as number) + 1;
    }
    if (p.multiple !== null) {
      for (const k of p.multiple) m[k] = (m[k] as number) + 1;
      m[3] = (m[3] as number) + 1;
    }
  }
  return {
    segments: ["all"],
    responses: new Map([["all", people.length]]),
    questions: [
      { id: "single", keys, alwaysAnswered: people.every((p) => p.single !== null), keysAddUp: true, cells: new Map([["all", s]]) },
      { id: "multiple", keys, alwaysAnswered: false, keysAddUp: false, cells: new Map([["all", m]]) },
    ],
  };
}

/** The pair (single down, multiple across) and the one-way tables as published, as the grid's last row and column. */
function pairOf(people: Respondent[], minCell: number) {
  const counts = tabulate(single, multiple, {
    rowMasks: people.map((p) => (p.single === null ? 0 : 1 << p.single)),
    rowAnswered: people.map((p) => (p.single === null ? 0 : 1)),
    columnMasks: people.map((p) => (p.multiple ?? []).reduce((mask, k) => mask | (1 << k), 0)),
    columnAnswered: people.map((p) => (p.multiple === null ? 0 : 1)),
  });
  const published = disclose(oneWayCounts(people), minCell);
  const n = published.responses.get("all") ?? null;
  const line = (id: string) => [...(published.questions.get(id)?.get("all") ?? [null, null, null, null]), n];
  const columns = line("multiple");
  const oneWay: PairShown = line("single").map((total, r) => (r === 4 ? columns : [null, null, null, null, total]));
  return { counts, oneWay };
}

describe("disclosePair", () => {
  it("leaves no hidden count determined by the cross-tab and the one-way tables together", () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 60 }), fc.integer({ min: 2, max: 10 }), (people, minCell) => {
        const { counts, oneWay } = pairOf(people, minCell);
        const shown = disclosePair(counts, oneWay, minCell);
        // Nothing the one-way tables alone leave open is determined once the cross-tab is shown too.
        expect(determinedPairCells(counts, shown, knownFromOneWay(counts, oneWay))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("shows no count from 1 to K−1, only true counts, and the one-way tables unchanged", () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 60 }), fc.integer({ min: 2, max: 10 }), (people, minCell) => {
        const { counts, oneWay } = pairOf(people, minCell);
        const shown = disclosePair(counts, oneWay, minCell);
        shown.forEach((row, r) => {
          row.forEach((v, c) => {
            if (r === 4 || c === 4) expect(v).toBe((oneWay[r] as (number | null)[])[c]);
            else if (v !== null) {
              expect(v === 0 || v >= minCell).toBe(true);
              expect(v).toBe((counts.values[r] as number[])[c]);
            }
          });
        });
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("is the same table read either way round", () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 60 }), (people) => {
        const { counts } = pairOf(people, 3);
        const turned = tabulate(multiple, single, {
          rowMasks: people.map((p) => (p.multiple ?? []).reduce((mask, k) => mask | (1 << k), 0)),
          rowAnswered: people.map((p) => (p.multiple === null ? 0 : 1)),
          columnMasks: people.map((p) => (p.single === null ? 0 : 1 << p.single)),
          columnAnswered: people.map((p) => (p.single === null ? 0 : 1)),
        });
        expect(turned.values).toEqual(transpose(counts.values));
      }),
    );
  });
});
