/**
 * Disclosure control for a cross-tab of two choice questions (issue 16): which joint counts may be
 * published beside the one-way tables already published. The pair is one grid: rows are the first
 * question's keys, then "answered" and "everyone"; columns the same for the second. Its last row and
 * last column are the one-way tables (published as disclosure.ts decided, and never changed here);
 * the rest is the cross-tab, the same numbers whichever question is read across (so asking for B × A
 * after A × B shows nothing new). Every relation a reader knows is written as a linear equation —
 * each row adds up to its "answered" (or, for a multiple choice, each key is at most it, and with
 * 無回答 recorded together at least it), "answered" is at most "everyone", and the same down each
 * column — and a hidden count that linear programming (shared/stats/simplex.ts) cannot move by 1 is
 * determined: one more cell beside it is hidden, until none is.
 */
import { pinnedUnknowns, type Relation } from "../stats/pinned";
import { noAnswerKey } from "./aggregates";
import type { PairCounts, PairShown } from "./crosstab-counts";

export { type PairAnswers, type PairCounts, type PairShown, type PairSide, tabulate, transpose } from "./crosstab-counts";

interface Cell {
  r: number;
  c: number;
}

/**
 * Whether everyone answered the first (rows) or the second (columns) question: then its "answered" is
 * everyone in every line, so that line is the one-way table's and needs no protection of its own.
 */
export function always(counts: PairCounts): { rowsAlways: boolean; columnsAlways: boolean } {
  const m = counts.rows.keys.length;
  const n = counts.columns.keys.length;
  const value = (r: number, c: number) => (counts.values[r] as number[])[c] as number;
  return { rowsAlways: value(m, n + 1) === value(m + 1, n + 1), columnsAlways: value(m + 1, n) === value(m + 1, n + 1) };
}

/**
 * The relations a reader knows, as terms [r, c, coefficient] of Σ = 0, with a slack (≥ 0) when an inequality.
 * `offset` moves the grid down by so many rows (one layer of several, crosstab-layers.ts), and `whole` is
 * the pair over everyone, which says whether a question was always answered.
 */
export function pairRelations(counts: PairCounts, offset = 0, whole: PairCounts = counts): Relation[] {
  const m = counts.rows.keys.length;
  const n = counts.columns.keys.length;
  // A question everyone answered (its "answered" is everyone in the one-way table) is answered in every row.
  const { rowsAlways, columnsAlways } = always(whole);
  const out: Relation[] = [];
  const line = (size: number, addsUp: boolean, always: boolean, noAnswer: number, at: (i: number) => [number, number]) => {
    const answered = at(size);
    if (addsUp)
      out.push({
        terms: [...Array.from({ length: size }, (_, i): [number, number, number] => [...at(i), 1]), [...answered, -1]],
        slack: false,
      });
    else if (size > 0) {
      // A multiple choice: each option at most "answered" (less 無回答, which is no choice), and, with 無回答
      // recorded, everyone else chose at least one (as disclosure-check.ts has it).
      for (let i = 0; i < size; i++)
        out.push({
          terms: [
            [...answered, 1],
            [...at(i), -1],
            ...(noAnswer >= 0 && i !== noAnswer ? [[...at(noAnswer), -1] as [number, number, number]] : []),
          ],
          slack: true,
        });
      if (noAnswer >= 0)
        out.push({
          terms: [...Array.from({ length: size }, (_, i): [number, number, number] => [...at(i), 1]), [...answered, -1]],
          slack: true,
        });
    }
    out.push({
      terms: [
        [...at(size + 1), 1],
        [...answered, -1],
      ],
      slack: !always,
    });
  };
  const columnsNoAnswer = counts.columns.keys.indexOf(noAnswerKey);
  const rowsNoAnswer = counts.rows.keys.indexOf(noAnswerKey);
  for (let r = 0; r < m + 2; r++) line(n, counts.columns.addsUp, columnsAlways, columnsNoAnswer, (c) => [offset + r, c]);
  for (let c = 0; c < n + 2; c++) line(m, counts.rows.addsUp, rowsAlways, rowsNoAnswer, (r) => [offset + r, c]);
  return out;
}

/**
 * The hidden counts above 0 (cross-tab and one-way alike) that what is shown determines, but for those
 * in `known`: the ones the one-way tables alone determine (knownFromOneWay), which the cross-tab tells nobody.
 */
export function determinedPairCells(
  counts: PairCounts,
  shown: PairShown,
  known: ReadonlySet<string> = new Set(),
  /** Only whether this one count is determined. */
  only?: Cell,
): Cell[] {
  const unknowns: Cell[] = [];
  const index = new Map<string, number>();
  shown.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null) return;
      index.set(`${r},${c}`, unknowns.length);
      unknowns.push({ r, c });
    });
  });
  const truth = ({ r, c }: Cell) => (counts.values[r] as number[])[c] as number;
  const { rowsAlways, columnsAlways } = always(counts);
  const m = counts.rows.keys.length;
  const n = counts.columns.keys.length;
  // A line that repeats the one-way table (everyone answered) is protected as that table is.
  const targets = unknowns
    .map((cell, i) => ({ ...cell, i }))
    .filter(
      (cell) =>
        truth(cell) > 0 &&
        !known.has(`${cell.r},${cell.c}`) &&
        !(rowsAlways && cell.r === m) &&
        !(columnsAlways && cell.c === n) &&
        (!only || (only.r === cell.r && only.c === cell.c)),
    );
  if (targets.length === 0) return [];
  return pinnedUnknowns({
    relations: pairRelations(counts),
    unknown: (r, c) => index.get(`${r},${c}`),
    published: (r, c) => (shown[r] as (number | null)[])[c] as number,
    truth: unknowns.map(truth),
    targets: targets.map((t) => t.i),
    contradiction: "the published numbers contradict the cross-tab's counts",
  }).map((i) => unknowns[i] as Cell);
}

/**
 * The counts of the pair that the one-way tables alone determine (everyone chose an option, say, so each
 * row's count of it is the row's total): showing them tells nothing new, so they are not protected.
 */
export function knownFromOneWay(counts: PairCounts, oneWay: PairShown): Set<string> {
  const m = counts.rows.keys.length;
  const n = counts.columns.keys.length;
  const only: PairShown = counts.values.map((row, r) =>
    row.map((_, c) => (r <= m && c <= n ? null : ((oneWay[r] as (number | null)[])[c] ?? null))),
  );
  try {
    return new Set(determinedPairCells(counts, only).map(({ r, c }) => `${r},${c}`));
  } catch {
    return new Set();
  }
}

/**
 * What of the pair may be published: the one-way tables as they are (`oneWay`: the grid's last row and
 * column as published, null where hidden), and the cross-tab's counts with every count from 1 to K−1
 * hidden, every row and column whose one-way count is hidden or under K hidden whole, and more hidden
 * until no hidden count, the one-way tables' included, is determined.
 */
export function disclosePair(counts: PairCounts, oneWay: PairShown, minCell: number): PairShown {
  const m = counts.rows.keys.length;
  const n = counts.columns.keys.length;
  const value = (r: number, c: number) => (counts.values[r] as number[])[c] as number;
  const cross = (r: number, c: number) => r <= m && c <= n;
  const given = (r: number, c: number) => (oneWay[r] as (number | null)[])[c] ?? null;
  const shown: PairShown = counts.values.map((row, r) => row.map((v, c) => (cross(r, c) ? v : given(r, c))));
  const hide = (r: number, c: number) => {
    (shown[r] as (number | null)[])[c] = null;
  };
  for (let r = 0; r <= m; r++)
    for (let c = 0; c <= n; c++) {
      const v = value(r, c);
      const rowTotal = given(r, n + 1);
      const columnTotal = given(m + 1, c);
      if ((v > 0 && v < minCell) || rowTotal === null || rowTotal < minCell || columnTotal === null || columnTotal < minCell) hide(r, c);
    }
  const isShown = (r: number, c: number) => (shown[r] as (number | null)[])[c] !== null;
  const crossCells: Cell[] = [];
  for (let r = 0; r <= m; r++) for (let c = 0; c <= n; c++) crossCells.push({ r, c });
  // Beside a determined count, prefer an option's count to an "answered" one, then the smallest.
  const rank = ({ r, c }: Cell) => (r === m ? 2e9 : 0) + (c === n ? 2e9 : 0) + (value(r, c) === 0 ? 1e9 : 0) + value(r, c);
  const known = knownFromOneWay(counts, oneWay);
  const hideAll = () => {
    for (const { r, c } of crossCells) hide(r, c);
    return shown;
  };
  for (;;) {
    let determined: Cell[];
    try {
      determined = determinedPairCells(counts, shown, known);
    } catch {
      // Counts that do not fit the one-way tables (they never should): publish none of the cross-tab.
      return hideAll();
    }
    const [cell] = determined;
    if (!cell) return shown;
    // One more hidden: the first count (in its row or column first, then by rank) that leaves it
    // undetermined, else the first in its row or column.
    const shownCells = crossCells.filter(({ r, c }) => isShown(r, c)).sort((x, y) => rank(x) - rank(y));
    const isNear = ({ r, c }: Cell) => r === cell.r || c === cell.c;
    const candidates = [...shownCells.filter(isNear), ...shownCells.filter((x) => !isNear(x))];
    // Nothing of the cross-tab is left to hide: the one-way tables alone would determine it (they never should).
    if (candidates.length === 0) return hideAll();
    const freeing = candidates.find(({ r, c }) => {
      hide(r, c);
      const still = determinedPairCells(counts, shown, known, cell).length > 0;
      (shown[r] as (number | null)[])[c] = value(r, c);
      return !still;
    });
    const choice = freeing ?? (candidates[0] as Cell);
    hide(choice.r, choice.c);
  }
}
