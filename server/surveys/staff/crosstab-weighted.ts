/**
 * Weighted shares in a cross-tab (issue 16): each group's share of an option, weighted to the ward's
 * population by age band (shared/stats/weighting.ts), worked out only from each band's counts of the
 * pair that disclosure control lets be shown (shared/surveys/crosstab-layers.ts) beside the cross-tab
 * and the one-way tables by age band. The counts of the three-way table age band × group × option are
 * never sent; a group whose weighting would need a hidden one gets no weighted share.
 */
import { type WeightedShare, weightedFromShown } from "../../../shared/stats/weighting";
import { segmentFor } from "../../../shared/surveys/aggregates";
import { tabulateLayers } from "../../../shared/surveys/crosstab-counts";
import { type PairCounts, type PairShown, transpose } from "../../../shared/surveys/crosstab-disclosure";

import { ageBands } from "../../../shared/surveys/model";
import type { SurveyResults } from "../../../shared/surveys/results";
import type { Population } from "../../planning/staff/population";
import { type JointAnswers, masksFor, profileId } from "./joint";
import { discloseLayersOffThread } from "./layers-pool";

/** A segment of published results (the one-way tables by age band, or a profile field's breakdown). */
export type SurveySegment = SurveyResults["segments"][number];

/** Band `band`'s segment of the tables by age band (none: nobody gave that band). */
const bandSegment = (byAge: readonly SurveySegment[], band: number) =>
  byAge.find((s) => s.segment === segmentFor("ageBand", ageBands[band] as string));

/** One side of the pair, respondent by respondent, over the keys as published. */
export interface WeightSide {
  keys: readonly string[];
  masks: Uint32Array;
  answered: Uint8Array;
  addsUp: boolean;
  /** How the side is published by age band: a question's one-way table per band, or a profile field's table by band (null: hidden). */
  byBand: (band: number, key: number | "answered") => number | null;
}

/** Each respondent's layer: the age band's index, or ageBands.length for no band given. */
export function layersOf(joint: JointAnswers): Uint8Array {
  const { masks } = masksFor(
    joint,
    profileId("ageBand"),
    ageBands.map((band) => segmentFor("ageBand", band)),
  );
  const layers = new Uint8Array(joint.respondents);
  for (let i = 0; i < joint.respondents; i++) {
    const mask = masks[i] as number;
    layers[i] = mask === 0 ? ageBands.length : 31 - Math.clz32(mask & -mask);
  }
  return layers;
}

/** A question's line in each age band's one-way table, as published (for WeightSide.byBand). */
export function questionByBand(byAge: readonly SurveySegment[], questionId: string, keys: readonly string[]) {
  return (band: number, key: number | "answered"): number | null => {
    const segment = bandSegment(byAge, band);
    // A band without a segment had nobody in it: 0 is known, not hidden.
    if (!segment) return 0;
    const question = segment.questions.find((q) => q.id === questionId);
    if (!question) return null;
    return key === "answered" ? question.answered : (question.options.find((o) => o.key === keys[key])?.count ?? null);
  };
}

/** Each age band's responses as published (0 for a band nobody gave). */
export function bandResponses(byAge: readonly SurveySegment[], band: number): number | null {
  return bandSegment(byAge, band)?.responses ?? 0;
}

/**
 * The layers' counts that may be shown, rows (the groups) by columns (the question), as disclosed
 * for the pair over everyone as published (`whole`: counts and shown grid, rows and columns the same).
 */
export async function disclosedLayers(
  rows: WeightSide,
  columns: WeightSide,
  layerOf: Uint8Array,
  whole: { counts: PairCounts; shown: PairShown },
  byAge: readonly SurveySegment[],
  population: Population,
  minCell: number,
): Promise<PairShown[]> {
  const layers = tabulateLayers(
    { keys: rows.keys, addsUp: rows.addsUp },
    { keys: columns.keys, addsUp: columns.addsUp },
    { rowMasks: rows.masks, rowAnswered: rows.answered, columnMasks: columns.masks, columnAnswered: columns.answered },
    layerOf,
    ageBands.length + 1,
  );
  const m = rows.keys.length;
  const n = columns.keys.length;
  // Each band's published numbers: the two questions' one-way tables in the band, and its responses.
  const margins = layers.map((_, l): PairShown => {
    const grid: PairShown = Array.from({ length: m + 2 }, () => new Array<number | null>(n + 2).fill(null));
    if (l === ageBands.length) return grid;
    for (let r = 0; r <= m; r++) (grid[r] as (number | null)[])[n + 1] = rows.byBand(l, r === m ? "answered" : r);
    for (let c = 0; c <= n; c++) (grid[m + 1] as (number | null)[])[c] = columns.byBand(l, c === n ? "answered" : c);
    (grid[m + 1] as (number | null)[])[n + 1] = bandResponses(byAge, l);
    return grid;
  });
  // A published number that is not the true one (a snapshot made while this read): nothing is shown.
  const agrees = (shown: PairShown, truth: PairCounts) =>
    shown.every((row, r) => row.every((v, c) => v === null || v === (truth.values[r] as number[])[c]));
  const truthful = agrees(whole.shown, whole.counts) && layers.every((layer, l) => agrees(margins[l] as PairShown, layer));
  if (!truthful) return layers.map((layer) => layer.values.map((row) => row.map(() => null)));
  return discloseLayersOffThread({
    counts: { whole: whole.counts, layers },
    wholeShown: whole.shown,
    margins,
    weighted: layers.map((_, l) => l < ageBands.length && population[ageBands[l] as keyof Population] > 0),
    minCell,
  });
}

/**
 * Row r's weighted share of column c, from the layers as disclosed (rows the groups, columns the
 * question; `transposed`: the other way round), by weightedFromShown.
 */
export function weightedCell(
  shown: readonly PairShown[],
  transposed: boolean,
  r: number,
  c: number,
  population: Population,
  sampled: boolean,
): WeightedShare {
  const grids = transposed ? shown.map((g) => transpose(g)) : shown;
  const n = ((grids[0] as PairShown)[0]?.length ?? 2) - 2;
  const line = (l: number) => (grids[l] as PairShown)[r] as (number | null)[];
  return weightedFromShown(
    ageBands.map((band, l) => ({ population: population[band], answered: line(l)[n] ?? null, chose: line(l)[c] ?? null })),
    sampled,
  );
}
