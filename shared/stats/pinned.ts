/**
 * What a reader can work out from published linear relations: the unknowns (hidden counts) of a table,
 * each ≥ 0, tied by relations Σ coefficient·cell = 0 (or ≥ 0, by a slack), where published cells are
 * known numbers. For each unknown asked about, linear programming (simplex.ts) finds how far it can move
 * while every relation holds; one that cannot move by at least 1 either way is pinned. The disclosure
 * check of one-way tables and of cross-tabs (shared/surveys) both ask it.
 */
import { feasibleRegion } from "./simplex";

/** Σ coefficient·cell = 0, over cells [row, column, coefficient]; `slack`: ≥ 0 instead. */
export interface Relation {
  terms: [row: number, column: number, coefficient: number][];
  slack: boolean;
}

export interface PinQuestion {
  relations: readonly Relation[];
  /** The unknown's number of a hidden cell; undefined for a published one. */
  unknown(row: number, column: number): number | undefined;
  /** A published cell's number. */
  published(row: number, column: number): number;
  /** Each unknown's true value, by its number. */
  truth: readonly number[];
  /** The unknowns asked about, by number. */
  targets: readonly number[];
  /** Said when the published numbers admit not even the truth. */
  contradiction: string;
}

/** Solutions sought with every target pushed at once, before each target is asked about alone. */
const spreadRounds = 6;

/** The targets that the relations pin to their true value. */
export function pinnedUnknowns(question: PinQuestion): number[] {
  const { relations, truth, targets } = question;
  const width = truth.length + relations.filter((r) => r.slack).length;
  const a: number[][] = [];
  const b: number[] = [];
  let slack = truth.length;
  for (const relation of relations) {
    const row = new Array<number>(width).fill(0);
    let rhs = 0;
    let used = false;
    for (const [r, c, k] of relation.terms) {
      const i = question.unknown(r, c);
      if (i === undefined) rhs -= k * question.published(r, c);
      else {
        row[i] = (row[i] as number) + k;
        used = true;
      }
    }
    if (relation.slack) {
      row[slack++] = -1;
      used = true;
    }
    if (used) {
      a.push(row);
      b.push(rhs);
    }
  }
  // An unknown seen at least 1 away from its truth in any solution is free; each solution found frees all it shows.
  const free = new Set<number>();
  const mark = (x: number[]) => {
    truth.forEach((p, i) => {
      if (Math.abs((x[i] as number) - p) >= 1 - 1e-6) free.add(i);
    });
  };
  const pinned: number[] = [];
  // One feasible start for every question asked of the same relations.
  const region = feasibleRegion(a, b, width);
  if (!region) throw new Error(question.contradiction);
  // First, objectives that push every target at once, each a different way (a fixed sequence, so the
  // answer never depends on chance): one solution frees most of them, leaving few to ask one by one.
  let seed = 0x9e3779b9;
  const next = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return seed;
  };
  for (let round = 0; round < spreadRounds && targets.some((t) => !free.has(t)); round++) {
    const objective = new Array<number>(width).fill(0);
    for (const target of targets) if (!free.has(target)) objective[target] = round === 0 ? 1 : round === 1 ? -1 : next() & 1 ? 1 : -1;
    const result = region.maximize(objective);
    if (result.kind === "optimal") mark(result.x);
  }
  for (const target of targets) {
    for (const sign of [1, -1]) {
      if (free.has(target)) break;
      const objective = new Array<number>(width).fill(0);
      objective[target] = sign;
      const result = region.maximize(objective);
      if (result.kind === "infeasible") throw new Error(question.contradiction);
      if (result.kind === "unbounded") free.add(target);
      else mark(result.x);
    }
    if (!free.has(target)) pinned.push(target);
  }
  return pinned;
}
