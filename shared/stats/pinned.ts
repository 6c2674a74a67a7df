/**
 * What a reader can work out from published linear relations: the unknowns (hidden counts) of a table,
 * each ≥ 0, tied by relations Σ coefficient·cell = 0 (or ≥ 0, by a slack), where published cells are
 * known numbers. For each unknown asked about, linear programming (simplex.ts) finds how far it can move
 * while every relation holds; one that cannot move by at least 1 either way is pinned. The disclosure
 * check of one-way tables and of cross-tabs (shared/surveys) both ask it.
 */
import { maximize } from "./simplex";

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
  for (const target of targets) {
    for (const sign of [1, -1]) {
      if (free.has(target)) break;
      const objective = new Array<number>(width).fill(0);
      objective[target] = sign;
      const result = maximize(objective, a, b);
      if (result.kind === "infeasible") throw new Error(question.contradiction);
      if (result.kind === "unbounded") free.add(target);
      else mark(result.x);
    }
    if (!free.has(target)) pinned.push(target);
  }
  return pinned;
}
