/**
 * The counts of a cross-tab of two questions (issue 16), as one grid: rows are the first question's keys,
 * then "answered" and everyone; columns the same for the second. Disclosure control works on it
 * (crosstab-disclosure.ts); the server fills it from the published responses (server/surveys/staff/joint.ts).
 */

/** One question's side of the pair: its keys, and how a respondent's answers count under them. */
export interface PairSide {
  keys: readonly string[];
  /** Each respondent counts under exactly one key (one choice, a rating): the keys add up to "answered". */
  addsUp: boolean;
}

/**
 * The true counts of the pair: `values[r][c]` for r in the first question's keys, then "answered"
 * (r = keys), then everyone (r = keys + 1); c the same for the second question.
 */
export interface PairCounts {
  rows: PairSide;
  columns: PairSide;
  values: readonly (readonly number[])[];
}

/** The same grid as published: null for a hidden count. */
export type PairShown = (number | null)[][];

/** A respondent's keys as bits (bit i: key i) and whether they answered, for each of the two questions. */
export interface PairAnswers {
  rowMasks: ArrayLike<number>;
  rowAnswered: ArrayLike<number>;
  columnMasks: ArrayLike<number>;
  columnAnswered: ArrayLike<number>;
}

/** The joint counts of every respondent: one pass, with no string or object per respondent (100 k responses). */
export function tabulate(rows: PairSide, columns: PairSide, answers: PairAnswers): PairCounts {
  return tabulateLayers(rows, columns, answers, new Uint8Array(answers.rowMasks.length), 1)[0] as PairCounts;
}

/** The joint counts within each layer (respondent i in layer `layerOf[i]`, from 0 to layers − 1), in the same one pass. */
export function tabulateLayers(
  rows: PairSide,
  columns: PairSide,
  answers: PairAnswers,
  layerOf: ArrayLike<number>,
  layers: number,
): PairCounts[] {
  const m = rows.keys.length;
  const n = columns.keys.length;
  const grids = Array.from({ length: layers }, () => Array.from({ length: m + 2 }, () => new Array<number>(n + 2).fill(0)));
  const people = answers.rowMasks.length;
  const rowList: number[] = [];
  const columnList: number[] = [];
  for (let i = 0; i < people; i++) {
    rowList.length = 0;
    columnList.length = 0;
    const rowMask = answers.rowMasks[i] as number;
    const columnMask = answers.columnMasks[i] as number;
    for (let r = 0; r < m; r++) if ((rowMask >>> r) & 1) rowList.push(r);
    if (answers.rowAnswered[i]) rowList.push(m);
    rowList.push(m + 1);
    for (let c = 0; c < n; c++) if ((columnMask >>> c) & 1) columnList.push(c);
    if (answers.columnAnswered[i]) columnList.push(n);
    columnList.push(n + 1);
    const values = grids[layerOf[i] as number] as number[][];
    for (const r of rowList) {
      const row = values[r] as number[];
      for (const c of columnList) row[c] = (row[c] as number) + 1;
    }
  }
  return grids.map((values) => ({ rows, columns, values }));
}

/** The pair turned round: the second question read across. */
export function transpose<T>(grid: readonly (readonly T[])[]): T[][] {
  const width = grid[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => grid.map((row) => row[c] as T));
}
