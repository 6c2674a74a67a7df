/**
 * Post-stratification by age band: each band's respondents are weighted so that the bands count
 * as they do in the ward's population, not as they happened to answer (the young answer less).
 * Bands nobody in the sample belongs to are left out, and the population shares of the others are
 * scaled to add up to 1. The interval uses Kish's effective sample size, n_eff = (Σw)² / Σw², so
 * uneven weights widen it as they should.
 */
import { wilsonInterval } from "./wilson";

export interface BandCell {
  /** Respondents of this band who answered the question. */
  answered: number;
  /** Of them, those who chose the option. */
  chose: number;
  /** The band's population in the ward. */
  population: number;
}

export interface Weighted {
  share: number;
  interval: [number, number] | null;
  effectiveN: number;
}

export function poststratify(cells: readonly BandCell[]): Weighted | null {
  const present = cells.filter((c) => c.answered > 0 && c.population > 0);
  const totalPopulation = present.reduce((sum, c) => sum + c.population, 0);
  if (present.length === 0 || totalPopulation === 0) return null;
  let share = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (const c of present) {
    const populationShare = c.population / totalPopulation;
    share += populationShare * (c.chose / c.answered);
    // Each respondent of the band carries weight populationShare / answered.
    const w = populationShare / c.answered;
    sumW += w * c.answered;
    sumW2 += w * w * c.answered;
  }
  const effectiveN = (sumW * sumW) / sumW2;
  return { share, interval: wilsonInterval(share * effectiveN, effectiveN), effectiveN };
}

/** A band as published: its population, and its counts where shown (null: hidden). */
export interface ShownBand {
  population: number;
  answered: number | null;
  chose: number | null;
}

export interface WeightedShare {
  weighted: { share: number; interval: [number, number] | null } | null;
  /** Why there is none: a band it would use hides a count, or no band has a population. */
  weightedUnavailable?: "hidden_cells" | "no_population";
}

/**
 * A weighted share only from shown counts: every band the weighting uses (a population above 0 and
 * anyone in it) must show both its "answered" and the option's count, or nothing is worked out (finding 8:
 * a population of 10,000,000 for one band and 1 for another read a band's hidden share back out of the
 * weighted one). The interval only for a sampled survey.
 */
export function weightedFromShown(bands: readonly ShownBand[], sampled: boolean): WeightedShare {
  const used = bands.filter((b) => b.population > 0 && b.answered !== 0);
  if (used.some((b) => b.answered === null || b.chose === null)) return { weighted: null, weightedUnavailable: "hidden_cells" };
  const result = poststratify(used.map((b) => ({ answered: b.answered as number, chose: b.chose as number, population: b.population })));
  if (!result) return { weighted: null, weightedUnavailable: "no_population" };
  return { weighted: { share: result.share, interval: sampled ? result.interval : null } };
}
