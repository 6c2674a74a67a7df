/**
 * Disclosure control of the counts a weighted cross-tab uses (crosstab-layers.ts) on random small
 * surveys: whatever the respondents (each in one of two age bands or none; either question may be
 * skipped; the second a single or a multiple choice), the bands with a population and K, the layers show
 * nothing from 1 to K−1, only true counts, nothing of a band without a population, the published tables
 * unchanged — and, solving every published number (the cross-tab, the one-way tables, those by age band
 * and the layers' shown counts) as linear equations, determine no hidden count of the published tables
 * and no layer's count under K that those tables alone leave open.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tabulateLayers } from "./crosstab-counts";
import { disclosePair, type PairShown, tabulate } from "./crosstab-disclosure";
import { determinedLayerCells, discloseLayers, type LayerQuestion } from "./crosstab-layers";
import { disclose, type SurveyCounts } from "./disclosure";

interface Respondent {
  band: number;
  a: number[] | null;
  b: number[] | null;
}

const keys = ["x", "y", "z"];
const bands = ["age:30s", "age:60s"];
const single = fc.option(
  fc.integer({ min: 0, max: 2 }).map((k) => [k]),
  { nil: null },
);
const multiple = fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }), { nil: null });

const survey = fc.boolean().chain((bMultiple) =>
  fc.record({
    bMultiple: fc.constant(bMultiple),
    people: fc.array(fc.record({ band: fc.integer({ min: 0, max: 2 }), a: single, b: bMultiple ? multiple : single }), { maxLength: 50 }),
    minCell: fc.integer({ min: 2, max: 6 }),
    weighted: fc.constantFrom([true, true, false], [true, false, false], [false, true, false]),
  }),
);

/** The one-way counts of both questions, for everyone and each band, as disclosure.ts takes them. */
function oneWayCounts(people: Respondent[], bMultiple: boolean): SurveyCounts {
  const segments = ["all", ...bands];
  const inSegment = (p: Respondent, s: string) => s === "all" || bands.indexOf(s) === p.band;
  const question = (id: "a" | "b", multiple: boolean) => ({
    id,
    keys,
    alwaysAnswered: !multiple && people.every((p) => p[id] !== null),
    keysAddUp: !multiple,
    cells: new Map(
      segments.map((s) => {
        const cells = [0, 0, 0, 0];
        for (const p of people.filter((x) => inSegment(x, s))) {
          for (const k of p[id] ?? []) cells[k] = (cells[k] as number) + 1;
          if (p[id] !== null) cells[3] = (cells[3] as number) + 1;
        }
        return [s, cells];
      }),
    ),
  });
  return {
    segments,
    responses: new Map(segments.map((s) => [s, people.filter((p) => inSegment(p, s)).length])),
    questions: [question("a", false), question("b", bMultiple)],
  };
}

function layerQuestion(people: Respondent[], bMultiple: boolean, minCell: number, weighted: readonly boolean[]): LayerQuestion {
  const masks = (id: "a" | "b") => ({
    masks: people.map((p) => (p[id] ?? []).reduce((mask, k) => mask | (1 << k), 0)),
    answered: people.map((p) => (p[id] === null ? 0 : 1)),
  });
  const [a, b] = [masks("a"), masks("b")];
  const rows = { keys, addsUp: true };
  const columns = { keys, addsUp: !bMultiple };
  const answers = { rowMasks: a.masks, rowAnswered: a.answered, columnMasks: b.masks, columnAnswered: b.answered };
  const whole = tabulate(rows, columns, answers);
  const layers = tabulateLayers(
    rows,
    columns,
    answers,
    people.map((p) => p.band),
    3,
  );
  const published = disclose(oneWayCounts(people, bMultiple), minCell);
  const line = (id: string, segment: string) => [
    ...(published.questions.get(id)?.get(segment) ?? new Array<null>(keys.length + 1).fill(null)),
    published.responses.get(segment) ?? null,
  ];
  const grid = (segment: string): PairShown => {
    const columnsLine = line("b", segment);
    return line("a", segment).map((total, r) =>
      r === keys.length + 1 ? columnsLine : [...new Array<null>(keys.length + 1).fill(null), total],
    );
  };
  const oneWay = grid("all");
  return {
    counts: { whole, layers },
    wholeShown: disclosePair(whole, oneWay, minCell),
    margins: [grid(bands[0] as string), grid(bands[1] as string), grid("none").map((row) => row.map(() => null))],
    weighted,
    minCell,
  };
}

const inner = (r: number, c: number) => r <= keys.length && c <= keys.length;

describe("discloseLayers", () => {
  it("leaves no hidden count of the published tables, nor a layer's count under K, determined", () => {
    fc.assert(
      fc.property(survey, ({ bMultiple, people, minCell, weighted }) => {
        const question = layerQuestion(people, bMultiple, minCell, weighted);
        const shown = discloseLayers(question);
        const nothing = question.margins.map((grid) => grid.map((row) => [...row]));
        const known = new Set(determinedLayerCells(question, nothing).map(({ l, r, c }) => `${l},${r},${c}`));
        expect(determinedLayerCells(question, shown, known)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 240_000);

  it("shows only true counts, none from 1 to K−1, none of a band without a population, and the published tables as they are", () => {
    fc.assert(
      fc.property(survey, ({ bMultiple, people, minCell, weighted }) => {
        const question = layerQuestion(people, bMultiple, minCell, weighted);
        const shown = discloseLayers(question);
        shown.forEach((grid, l) => {
          grid.forEach((row, r) => {
            row.forEach((v, c) => {
              if (!inner(r, c)) expect(v).toBe((question.margins[l] as PairShown)[r]?.[c]);
              else if (v !== null) {
                expect(weighted[l]).toBe(true);
                expect(v === 0 || v >= minCell).toBe(true);
                expect(v).toBe(question.counts.layers[l]?.values[r]?.[c]);
              }
            });
          });
        });
      }),
      { numRuns: 150 },
    );
  }, 240_000);

  it("shows every count of a large survey whose every count is at least K", () => {
    // 12 respondents in each of the 9 answer pairs of each band: nothing to hide.
    const people: Respondent[] = [];
    for (let band = 0; band < 2; band++)
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) for (let i = 0; i < 12; i++) people.push({ band, a: [a], b: [b] });
    const question = layerQuestion(people, false, 10, [true, true, false]);
    const shown = discloseLayers(question);
    for (const l of [0, 1])
      for (let r = 0; r <= 3; r++) for (let c = 0; c <= 3; c++) expect(shown[l]?.[r]?.[c]).toBe(question.counts.layers[l]?.values[r]?.[c]);
  });
});
