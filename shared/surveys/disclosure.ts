/**
 * Disclosure control: the one place that decides which counts of a survey may be published. Every
 * published table (results on screen, exports, public poll results, needs matching, indicators) is
 * read through it (server/surveys/results.ts), for the whole survey at once, so every breakdown of a
 * question hides the same cells whichever breakdown is asked for.
 *
 * - Primary suppression: a count from 1 to K−1 is hidden (K = RESULTS_MIN_CELL); a segment with
 *   fewer than K respondents is hidden whole.
 * - Secondary suppression: the published numbers are linked. A segment row adds up to its
 *   respondents (the "answered" column), and in each breakdown the segments plus those who did not
 *   give that profile field (never published) add up to "all". In any such relation with exactly one
 *   hidden cell, that cell could be worked out, so the smallest shown cell of the relation is hidden
 *   too, and so on until nothing changes. A respondents' count (n) follows the same rules, and for a
 *   question everyone answers, its "answered" and n are one number, hidden together.
 * - Number ranges: before all this, a number question's ranges with too few answers are merged with
 *   their neighbours (disclosure-ranges.ts), and the merged ranges are what is suppressed and checked.
 * shared/surveys/disclosure-check.ts proves the result by solving the published tables as linear
 * equations: no hidden count is determined.
 */

import { determinedCells } from "./disclosure-check";
import { mergeSmallRanges } from "./disclosure-ranges";
import { type DisclosedTables, type QuestionCounts, type Row, rowsOf, type SurveyCounts } from "./disclosure-rows";

export type { Disclosed, DisclosedTables, QuestionCounts, SurveyCounts } from "./disclosure-rows";

/** A row's counts; a rest row's are "all" minus its breakdown's segments. */
function valuesOf(rows: Row[], get: (segment: string) => readonly number[] | undefined, width: number): number[][] {
  const values = rows.map((row) => (row.rest ? [] : [...(get(row.segment) ?? new Array<number>(width).fill(0))]));
  const all = values[0] as number[];
  rows.forEach((row, i) => {
    if (!row.rest) return;
    const sum = new Array<number>(width).fill(0);
    rows.forEach((other, j) => {
      if (other.prefix !== row.prefix || other.rest) return;
      (values[j] as number[]).forEach((v, c) => {
        sum[c] = (sum[c] as number) + v;
      });
    });
    values[i] = all.map((v, c) => v - (sum[c] as number));
  });
  return values;
}

/** A table being suppressed: values and hidden flags, by row and column. */
class Table {
  readonly hidden: boolean[][];
  constructor(
    readonly rows: Row[],
    readonly values: number[][],
    readonly minCell: number,
    /** The table of n: a reader may guess that nobody skipped a profile field, so a rest of n that is 0 counts as known. */
    readonly restKnown: boolean,
  ) {
    this.hidden = values.map((row) => row.map(() => false));
  }

  hide(r: number, c: number): boolean {
    const row = this.hidden[r] as boolean[];
    if (row[c]) return false;
    row[c] = true;
    return true;
  }

  isHidden = (r: number, c: number) => (this.hidden[r] as boolean[])[c] as boolean;
  value = (r: number, c: number) => (this.values[r] as number[])[c] as number;

  /**
   * A hidden count needs protecting unless it is 0 (a zero says nobody, as the shown zeros do). A
   * rest row is never published and counts as hidden (but for an n of 0, which a reader may guess),
   * needing protection only when small.
   */
  needsProtection(r: number, c: number): boolean {
    const v = this.value(r, c);
    return v > 0 && (!(this.rows[r] as Row).rest || v < this.minCell);
  }

  /** Primary suppression; a rest row, never published, counts as hidden (but for a known n of 0). */
  primary(): boolean {
    let changed = false;
    this.values.forEach((row, r) => {
      const rest = (this.rows[r] as Row).rest;
      row.forEach((v, c) => {
        if (rest ? !(this.restKnown && v === 0) : v > 0 && v < this.minCell) changed = this.hide(r, c) || changed;
      });
    });
    return changed;
  }

  /** One relation (cells that add up): with exactly one hidden cell needing protection, hide the smallest shown one. */
  complete(cells: [number, number][]): boolean {
    const hidden = cells.filter(([r, c]) => this.isHidden(r, c));
    if (hidden.length !== 1) return false;
    const [only] = hidden as [[number, number]];
    if (!this.needsProtection(...only)) return false;
    const shown = cells.filter(([r, c]) => !this.isHidden(r, c) && !(this.rows[r] as Row).rest);
    const last = (this.values[0] as number[]).length - 1;
    const rank = ([r, c]: [number, number]) => {
      const v = this.value(r, c);
      // Prefer a segment over "all", a count over a zero, and an option's count over "answered" (which n bounds).
      return (r === 0 ? 4e9 : 0) + (c === last && last > 0 ? 2e9 : 0) + (v === 0 ? 1e9 : 0) + v;
    };
    const choice = shown.sort((a, b) => rank(a) - rank(b))[0];
    return choice ? this.hide(...choice) : false;
  }

  /**
   * A determined count: hide the smallest shown count of its breakdown's column, else of its row,
   * else the column's "all", else the whole column (so that every round hides something).
   */
  widen(r: number, c: number): boolean {
    const prefix = (this.rows[r] as Row).prefix;
    const shown = (cells: [number, number][]) =>
      cells
        .filter(([i, j]) => !this.isHidden(i, j) && !(this.rows[i] as Row).rest)
        .sort(([i, j], [k, l]) => this.value(i, j) - this.value(k, l));
    const column = shown(
      this.rows.flatMap((row, i): [number, number][] => (i !== 0 && (prefix === null || row.prefix === prefix) ? [[i, c]] : [])),
    );
    const row = shown((this.values[r] as number[]).map((_, j): [number, number] => [r, j]));
    const choice = column.find(([i, j]) => this.value(i, j) > 0) ?? row.find(([i, j]) => this.value(i, j) > 0) ?? column[0] ?? row[0];
    if (choice) return this.hide(...choice);
    if (this.hide(0, c)) return true;
    let changed = false;
    this.rows.forEach((other, i) => {
      if (!other.rest) changed = this.hide(i, c) || changed;
    });
    return changed;
  }

  /** The relations: each row across its columns (when `rowsAdd`), and each breakdown's rows down each column. */
  relations(rowsAdd: boolean): [number, number][][] {
    const width = (this.values[0] as number[]).length;
    const relations: [number, number][][] = [];
    if (rowsAdd)
      for (let r = 0; r < this.rows.length; r++) relations.push(Array.from({ length: width }, (_, c) => [r, c] as [number, number]));
    const prefixes = new Set(this.rows.map((row) => row.prefix).filter((p) => p !== null));
    for (const prefix of prefixes) {
      const members = this.rows.flatMap((row, r) => (r === 0 || row.prefix === prefix ? [r] : []));
      for (let c = 0; c < width; c++) relations.push(members.map((r) => [r, c]));
    }
    return relations;
  }
}

/** Which counts of a survey may be published, across every breakdown of every question. */
export function disclose(given: SurveyCounts, minCell: number): DisclosedTables {
  const counts = mergeSmallRanges(given, minCell);
  const rows = rowsOf(counts.segments);
  const responses = new Table(
    rows,
    valuesOf(rows, (s) => [counts.responses.get(s) ?? 0], 1),
    minCell,
    true,
  );
  const questions = counts.questions.map((q) => ({
    q,
    table: new Table(
      rows,
      valuesOf(rows, (s) => q.cells.get(s), q.keys.length + 1),
      minCell,
      false,
    ),
  }));
  const answered = (q: QuestionCounts) => q.keys.length;

  // Primary suppression, then the relations until nothing changes.
  responses.primary();
  for (const { table } of questions) table.primary();
  const settle = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const relation of responses.relations(false)) changed = responses.complete(relation) || changed;
      for (const { q, table } of questions) {
        rows.forEach((_, r) => {
          if (!responses.isHidden(r, 0)) return;
          // Too few respondents: the whole segment is hidden. Otherwise n hidden hides "answered" with it.
          const tooFew = responses.value(r, 0) < minCell;
          if (tooFew) for (let c = 0; c <= answered(q); c++) changed = table.hide(r, c) || changed;
          else changed = table.hide(r, answered(q)) || changed;
        });
        for (const relation of table.relations(q.keysAddUp)) changed = table.complete(relation) || changed;
        if (q.alwaysAnswered)
          for (let r = 0; r < rows.length; r++) if (table.isHidden(r, answered(q))) changed = responses.hide(r, 0) || changed;
      }
    }
  };
  const published = (table: Table) =>
    new Map(
      rows.flatMap((row, r) =>
        row.rest ? [] : [[row.segment, (table.values[r] as number[]).map((v, c) => (table.isHidden(r, c) ? null : v))] as const],
      ),
    );
  const result = (): DisclosedTables => ({
    responses: new Map([...published(responses)].map(([segment, [n]]) => [segment, n ?? null])),
    questions: new Map(questions.map(({ q, table }) => [q.id, published(table)])),
    keys: new Map(counts.questions.map((q) => [q.id, q.keys])),
  });

  // Then solve what is published as a reader would (disclosure-check.ts): a count still determined,
  // through "answered" ≤ n or a multiple choice's each-at-most-"answered", gets one more hidden
  // beside it, until none is.
  for (;;) {
    settle();
    const shown = result();
    let widened = false;
    for (const { q, table } of questions) {
      let determined: ReturnType<typeof determinedCells>;
      try {
        determined = determinedCells(counts, shown, q.id, minCell);
      } catch {
        // Counts that do not fit the question (they never should): publish none of its counts rather than guess.
        for (let r = 0; r < rows.length; r++)
          for (let c = 0; c <= answered(q); c++) widened = (!(rows[r] as Row).rest && table.hide(r, c)) || widened;
        continue;
      }
      for (const cell of determined) {
        const r = rows.findIndex((row) => row.segment === cell.segment);
        const onN = cell.column === "responses";
        const c = onN ? 0 : cell.column === "answered" ? answered(q) : q.keys.indexOf(cell.column);
        widened = (onN ? responses : table).widen(r, c) || widened;
      }
    }
    if (!widened) return shown;
  }
}
