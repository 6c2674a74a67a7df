/**
 * Cross-tab disclosure control against a reader who tries every table: for surveys of up to 7
 * respondents and two single-choice questions, every way those respondents could have answered is
 * tried, and a hidden count that takes one value in every table matching what is published (the
 * one-way tables and the cross-tab) — but more than one when only the one-way tables are published —
 * would be given away. None is. This checks the linear-programming check (crosstab-disclosure.ts) by
 * another method: integers, enumerated.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disclosePair, type PairShown, tabulate } from "./crosstab-disclosure";
import { disclose } from "./disclosure";

const keys = ["x", "y", "z"];
const side = { keys, addsUp: true };
/** A respondent's category: a's key (3 = skipped) × 4 + b's key (3 = skipped). */
const categories = 16;

function grid(perCategory: readonly number[]): number[][] {
  const values = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  perCategory.forEach((count, category) => {
    if (count === 0) return;
    const [a, b] = [Math.floor(category / 4), category % 4];
    const rows = a === 3 ? [4] : [a, 3, 4];
    const columns = b === 3 ? [4] : [b, 3, 4];
    for (const r of rows) for (const c of columns) (values[r] as number[])[c] = ((values[r] as number[])[c] as number) + count;
  });
  return values;
}

/** Every way `n` respondents fall into the 16 categories. */
function* compositions(n: number, parts: number, prefix: number[] = []): Generator<number[]> {
  if (parts === 1) {
    yield [...prefix, n];
    return;
  }
  for (let k = 0; k <= n; k++) yield* compositions(n - k, parts - 1, [...prefix, k]);
}

/** The values each hidden cell takes over every table matching `shown`. */
function valuesOver(n: number, shown: PairShown): Map<string, Set<number>> {
  const seen = new Map<string, Set<number>>();
  for (const perCategory of compositions(n, categories)) {
    const candidate = grid(perCategory);
    if (!shown.every((row, r) => row.every((v, c) => v === null || (candidate[r] as number[])[c] === v))) continue;
    shown.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null) return;
        const key = `${r},${c}`;
        const set = seen.get(key) ?? new Set<number>();
        set.add((candidate[r] as number[])[c] as number);
        seen.set(key, set);
      });
    });
  }
  return seen;
}

const respondent = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }));

describe("disclosePair, against every table a reader could try", () => {
  it("gives away no hidden count that the one-way tables alone leave open", () => {
    fc.assert(
      fc.property(fc.array(respondent, { minLength: 3, maxLength: 7 }), fc.integer({ min: 2, max: 3 }), (people, minCell) => {
        const perCategory = new Array<number>(categories).fill(0);
        for (const [a, b] of people) perCategory[a * 4 + b] = (perCategory[a * 4 + b] as number) + 1;
        const counts = tabulate(side, side, {
          rowMasks: people.map(([a]) => (a === 3 ? 0 : 1 << a)),
          rowAnswered: people.map(([a]) => (a === 3 ? 0 : 1)),
          columnMasks: people.map(([, b]) => (b === 3 ? 0 : 1 << b)),
          columnAnswered: people.map(([, b]) => (b === 3 ? 0 : 1)),
        });
        expect(counts.values).toEqual(grid(perCategory));
        // The one-way tables as disclosure.ts publishes them.
        const line = (id: number) => {
          const cells = [0, 0, 0, 0];
          for (const p of people) {
            const k = p[id] as number;
            if (k === 3) continue;
            cells[k] = (cells[k] as number) + 1;
            cells[3] = (cells[3] as number) + 1;
          }
          return cells;
        };
        const question = (id: string, cells: number[]) => ({
          id,
          keys,
          alwaysAnswered: false,
          keysAddUp: true,
          cells: new Map([["all", cells]]),
        });
        const published = disclose(
          { segments: ["all"], responses: new Map([["all", people.length]]), questions: [question("a", line(0)), question("b", line(1))] },
          minCell,
        );
        const n = published.responses.get("all") ?? null;
        // A reader who does not know how many answered is not modelled here: n is shown whenever it is at least K.
        fc.pre(n !== null);
        const row = (id: string) => [...(published.questions.get(id)?.get("all") ?? []), n];
        const columns = row("b");
        const oneWay: PairShown = row("a").map((total, r) => (r === 4 ? columns : [null, null, null, null, total]));
        const shown = disclosePair(counts, oneWay, minCell);
        const withCrosstab = valuesOver(people.length, shown);
        const oneWayOnly = valuesOver(people.length, oneWay);
        for (const [cell, values] of withCrosstab) {
          const [r, c] = cell.split(",").map(Number) as [number, number];
          const truth = (counts.values[r] as number[])[c] as number;
          if (truth === 0 || (oneWayOnly.get(cell)?.size ?? 0) <= 1) continue;
          expect(values.size, `cell ${cell} (${truth}) is given away`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 40 },
    );
  }, 600_000);
});
