/** Cross-tab counts and their disclosure control, on small hand-made tables a reader could subtract. */
import { describe, expect, it } from "vitest";
import { determinedPairCells, disclosePair, knownFromOneWay, type PairShown, tabulate } from "./crosstab-disclosure";

const side = { keys: ["yes", "no"], addsUp: true };
/** `[row key or null, column key or null]` per respondent: null for a question left unanswered. */
function pair(people: [number | null, number | null][]) {
  return tabulate(side, side, {
    rowMasks: people.map(([r]) => (r === null ? 0 : 1 << r)),
    rowAnswered: people.map(([r]) => (r === null ? 0 : 1)),
    columnMasks: people.map(([, c]) => (c === null ? 0 : 1 << c)),
    columnAnswered: people.map(([, c]) => (c === null ? 0 : 1)),
  });
}
const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
/** The one-way tables published whole (every count at least K here). */
const oneWayOf = (values: readonly (readonly number[])[]): PairShown =>
  values.map((row, r) => row.map((v, c) => (r === values.length - 1 || c === row.length - 1 ? v : null)));

describe("tabulate", () => {
  it("counts each respondent in their row and column, in each answered line and in everyone", () => {
    const counts = pair([
      [0, 0],
      [0, 1],
      [1, 1],
      [null, 0],
      [1, null],
    ]);
    expect(counts.values).toEqual([
      [1, 1, 2, 2], // yes: yes, no, answered, everyone
      [0, 1, 1, 2], // no
      [1, 2, 3, 4], // answered the first question
      [2, 2, 4, 5], // everyone
    ]);
  });
});

describe("disclosePair", () => {
  // 40 people: yes×yes 20, yes×no 3, no×yes 7, no×no 10. Every one-way count is at least K = 10.
  const people = [...repeat(20, [0, 0]), ...repeat(3, [0, 1]), ...repeat(7, [1, 0]), ...repeat(10, [1, 1])] as [number, number][];
  const counts = pair(people);
  const oneWay = oneWayOf(counts.values);

  it("a naive table that hides only the small counts gives them away by subtraction from the one-way totals", () => {
    const naive = counts.values.map((row, r) => row.map((v, c) => (r === 3 || c === 3 ? v : v > 0 && v < 10 ? null : v)));
    const found = determinedPairCells(counts, naive, knownFromOneWay(counts, oneWay));
    expect(found).toContainEqual({ r: 0, c: 1 });
    expect(found).toContainEqual({ r: 1, c: 0 });
  });

  it("hides the small counts and enough beside them that none can be worked out, leaving the one-way tables as published", () => {
    const shown = disclosePair(counts, oneWay, 10);
    expect(shown[0]?.[1]).toBeNull();
    expect(shown[1]?.[0]).toBeNull();
    expect(determinedPairCells(counts, shown, knownFromOneWay(counts, oneWay))).toEqual([]);
    expect(shown.map((row) => row[3])).toEqual(counts.values.map((row) => row[3]));
    expect(shown[3]).toEqual(counts.values[3]);
  });

  it("hides a whole row whose one-way count is hidden", () => {
    const hiddenNo = oneWay.map((row) => [...row]);
    (hiddenNo[1] as (number | null)[])[3] = null;
    const shown = disclosePair(counts, hiddenNo, 10);
    expect(shown[1]?.slice(0, 3)).toEqual([null, null, null]);
  });
});
