/**
 * Weighting a cross-tab by age band (issue 16), for the two kinds of "by": another question (the pair
 * in survey order, disclosed once, read either way round) or a profile field (its published breakdown;
 * the table profile field × age band is disclosed as a pair beside it first, and its shown counts are
 * what the layers are checked against). The layers as disclosed are kept per survey for its latest
 * snapshot, K and which bands have a population; a new snapshot drops them.
 */
import type { WeightedShare } from "../../../shared/stats/weighting";
import { type Breakdown, segmentFor } from "../../../shared/surveys/aggregates";
import { disclosePair, type PairCounts, type PairShown, tabulate } from "../../../shared/surveys/crosstab-disclosure";
import { ageBands } from "../../../shared/surveys/model";
import type { Population } from "../../planning/staff/population";
import {
  bandResponses,
  disclosedLayers,
  layersOf,
  questionByBand,
  type SurveySegment,
  type WeightSide,
  weightedCell,
} from "./crosstab-weighted";
import { type JointAnswers, masksFor, profileId } from "./joint";

export interface Weighting {
  joint: JointAnswers;
  /** The one-way tables by age band, as published. */
  byAge: readonly SurveySegment[];
  /** A profile field's segments as published (by a profile field only). */
  segments?: readonly SurveySegment[];
  population: Population;
  minCell: number;
  sampled: boolean;
}

/** By the snapshot's answers: each pair's layers as disclosed, or the work under way (one, however many ask). */
const cache = new WeakMap<JointAnswers, Map<string, Promise<PairShown[]>>>();

function cached(joint: JointAnswers, key: string, make: () => Promise<PairShown[]>): Promise<PairShown[]> {
  const entries = cache.get(joint) ?? new Map<string, Promise<PairShown[]>>();
  cache.set(joint, entries);
  let layers = entries.get(key);
  if (!layers) {
    const made = make();
    layers = made;
    entries.set(key, made);
    // A failure is not kept: the next reading tries again.
    made.catch(() => {
      if (entries.get(key) === made) entries.delete(key);
    });
  }
  return layers;
}

/** The sum of counts, each published; else null. */
const sum = (values: readonly (number | null)[]) =>
  values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0);

const bandsKey = (population: Population) => ageBands.map((band) => (population[band] > 0 ? 1 : 0)).join("");

/** A question's side of the pair, with its keys as published. */
export function questionSide(
  w: Weighting,
  id: string,
  keys: readonly string[],
  addsUp: boolean,
  keyOf?: (value: number) => number,
): WeightSide {
  return { keys, addsUp, ...masksFor(w.joint, id, keys, keyOf), byBand: questionByBand(w.byAge, id, keys) };
}

/**
 * The weighted share of each cell of the pair `first` × `second` (survey order) as disclosed (`pair`),
 * read with `byFirst` the groups when true.
 */
export async function pairWeighting(
  w: Weighting,
  first: WeightSide & { id: string },
  second: WeightSide & { id: string },
  pair: { counts: PairCounts; shown: PairShown },
  byFirst: boolean,
): Promise<(group: number, key: number) => WeightedShare> {
  const layers = await cached(w.joint, `q:${first.id}:${second.id}:${w.minCell}:${bandsKey(w.population)}`, () =>
    disclosedLayers(first, second, layersOf(w.joint), pair, w.byAge, w.population, w.minCell),
  );
  return (group, key) => weightedCell(layers, !byFirst, group, key, w.population, w.sampled);
}

/**
 * The weighted share of each cell of a question by a profile field, its groups the published segments
 * (`groups`, as in the breakdown; −1 for everyone) and `wholeShown` the breakdown as published in the pair's grid.
 */
export async function profileWeighting(
  w: Weighting,
  by: Breakdown,
  groups: readonly string[],
  question: WeightSide & { id: string },
  wholeShown: (counts: PairCounts) => PairShown,
): Promise<(group: number, key: number) => WeightedShare> {
  // Every segment met, the listed ones first: a respondent of a segment not listed still counts in "answered".
  const met = [...(w.joint.questions.get(profileId(by))?.bits.keys() ?? [])].filter((s) => !groups.includes(s));
  const keys = [...groups, ...met];
  const layers = await cached(w.joint, `p:${by}:${question.id}:${keys.join(",")}:${w.minCell}:${bandsKey(w.population)}`, () => {
    const side = { keys, addsUp: true, ...masksFor(w.joint, profileId(by), keys) };
    const counts = tabulate(
      { keys, addsUp: true },
      { keys: question.keys, addsUp: question.addsUp },
      {
        rowMasks: side.masks,
        rowAnswered: side.answered,
        columnMasks: question.masks,
        columnAnswered: question.answered,
      },
    );
    const byBand = ageByProfile(w, side, keys);
    return disclosedLayers(
      { ...side, byBand },
      question,
      layersOf(w.joint),
      { counts, shown: wholeShown(counts) },
      w.byAge,
      w.population,
      w.minCell,
    );
  });
  // Group −1: everyone, the grid's last row, weighted from the one-way tables by age band alone.
  return (group, key) => weightedCell(layers, false, group < 0 ? keys.length + 1 : group, key, w.population, w.sampled);
}

/**
 * The table profile field × age band, disclosed as a pair beside the breakdowns' responses (each
 * segment's, each band's): the numbers a reader may use to check the layers of a profile field.
 */
function ageByProfile(
  w: Weighting,
  side: { keys: readonly string[]; masks: Uint32Array; answered: Uint8Array },
  keys: readonly string[],
): WeightSide["byBand"] {
  const bands = ageBands.map((band) => segmentFor("ageBand", band));
  const age = masksFor(w.joint, profileId("ageBand"), bands);
  const counts = tabulate(
    { keys, addsUp: true },
    { keys: bands, addsUp: true },
    { rowMasks: side.masks, rowAnswered: side.answered, columnMasks: age.masks, columnAnswered: age.answered },
  );
  const m = keys.length;
  const n = bands.length;
  // A segment not listed is hidden (or had nobody).
  const responsesOf = (segment: string) => w.segments?.find((s) => s.segment === segment)?.responses ?? null;
  // "Answered" on either side is the sum of its published counts (when every one is published).
  const segmentResponses = keys.map((key) => responsesOf(key));
  const bandTotals = bands.map((_, l) => bandResponses(w.byAge, l));
  const oneWay: PairShown = Array.from({ length: m + 2 }, (_, r) => {
    if (r < m) return [...new Array<number | null>(n + 1).fill(null), segmentResponses[r] ?? null];
    if (r === m) return [...new Array<number | null>(n + 1).fill(null), sum(segmentResponses)];
    return [...bandTotals, sum(bandTotals), w.joint.respondents];
  });
  const shown = disclosePair(counts, oneWay, w.minCell);
  return (band, key) => (shown[key === "answered" ? m : key] as (number | null)[])[band] ?? null;
}

/**
 * A breakdown as published, as the grid of a profile field (rows: `groups`, then the segments not
 * listed, "answered" and everyone) by a question (columns: `keys`, "answered", everyone).
 */
export function breakdownGrid(
  segments: readonly SurveySegment[],
  all: SurveySegment | undefined,
  questionId: string,
  keys: readonly string[],
): (counts: PairCounts) => PairShown {
  const line = (segment: SurveySegment | undefined) => {
    const q = segment?.questions.find((x) => x.id === questionId);
    return [...keys.map((key) => q?.options.find((o) => o.key === key)?.count ?? null), q?.answered ?? null, segment?.responses ?? null];
  };
  return (counts) => {
    const rows = counts.rows.keys.map((key) => line(segments.find((s) => s.segment === key)));
    // Those who gave the field: the segments added up, where each is shown (a reader adds them up too).
    const answered = Array.from({ length: keys.length + 2 }, (_, c) => sum(rows.map((row) => row[c] ?? null)));
    return [...rows, answered, line(all)];
  };
}
