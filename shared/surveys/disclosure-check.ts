/**
 * The attacker's view of one question, as a test runs it: every published number of every
 * breakdown (counts, "answered", n) is a linear equation in the true counts, unknowns are the hidden
 * counts and the never-published "not given" rests, all ≥ 0; a rest's n of 0 counts as known, since
 * a reader may guess that nobody skipped a field. For each hidden count, linear
 * programming (shared/stats/simplex.ts) finds how far it can move while every equation holds; a
 * count that cannot move by at least 1 either way is determined, and disclosure control failed.
 */
import { pinnedUnknowns, type Relation } from "../stats/pinned";
import { noAnswerKey } from "./aggregates";
import { type Disclosed, rowsOf, type SurveyCounts } from "./disclosure-rows";

export interface DeterminedCell {
  question: string;
  segment: string;
  /** The option key, "answered" or "responses". */
  column: string;
  value: number;
}

/**
 * The hidden counts of one question that the published numbers determine: every hidden count above
 * 0, and every small (1..K−1) count of a rest.
 */
export function determinedCells(counts: SurveyCounts, published: Disclosed, questionId: string, minCell: number): DeterminedCell[] {
  const question = counts.questions.find((q) => q.id === questionId);
  const shownCells = published.questions.get(questionId);
  if (!question || !shownCells) throw new Error(`no question ${questionId}`);
  // The keys add up to "answered" (one choice, a rating, a number's ranges), or each is at most "answered" (multiple choice).
  const shape = { id: questionId, keys: question.keys.length === 0 ? "none" : question.keysAddUp ? "sum" : "each" };
  const rows = rowsOf(counts.segments);
  const keys = question.keys.length;
  const noAnswer = question.keys.indexOf(noAnswerKey);
  // Columns: each key, "answered", "responses".
  const columns = [...question.keys, "answered", "responses"];
  const truth = (r: number, c: number): number => {
    const row = rows[r] as (typeof rows)[number];
    if (row.rest) {
      let sum = truth(0, c);
      rows.forEach((other, j) => {
        if (other.prefix === row.prefix && !other.rest) sum -= truth(j, c);
      });
      return sum;
    }
    if (c === keys + 1) return counts.responses.get(row.segment) ?? 0;
    return question.cells.get(row.segment)?.[c] ?? 0;
  };
  // A reader may guess that nobody skipped a profile field (finding 8 did): a rest's n of 0 counts as known.
  const shown = (r: number, c: number): number | null => {
    const row = rows[r] as (typeof rows)[number];
    if (row.rest) return c === keys + 1 && truth(r, c) === 0 ? 0 : null;
    if (c === keys + 1) return published.responses.get(row.segment) ?? null;
    return shownCells.get(row.segment)?.[c] ?? null;
  };

  // Unknowns: every unpublished cell; then one slack per inequality.
  const index = new Map<string, number>();
  const unknowns: { r: number; c: number }[] = [];
  rows.forEach((_, r) => {
    for (let c = 0; c < columns.length; c++) {
      if (shown(r, c) === null) {
        index.set(`${r},${c}`, unknowns.length);
        unknowns.push({ r, c });
      }
    }
  });
  const equations: Relation[] = [];
  // terms: [row, column, coefficient]; each equation is Σ coefficient·cell = 0 (+ slack ≥ 0 when `slack`).
  for (const prefix of new Set(rows.map((row) => row.prefix).filter((p) => p !== null))) {
    for (let c = 0; c < columns.length; c++) {
      const terms: [number, number, number][] = [[0, c, -1]];
      rows.forEach((row, r) => {
        if (row.prefix === prefix) terms.push([r, c, 1]);
      });
      equations.push({ terms, slack: false });
    }
  }
  rows.forEach((_, r) => {
    // answered ≤ responses (equal for a question everyone answers)
    equations.push({
      terms: [
        [r, keys + 1, 1],
        [r, keys, -1],
      ],
      slack: !question.alwaysAnswered,
    });
    if (shape.keys === "sum")
      equations.push({ terms: [[r, keys, -1], ...question.keys.map((_, c): [number, number, number] => [r, c, 1])], slack: false });
    if (shape.keys === "each")
      for (let c = 0; c < keys; c++)
        equations.push({
          terms: [
            [r, keys, 1],
            [r, c, -1],
            // 無回答 is no choice: each option is at most "answered" less 無回答.
            ...(noAnswer >= 0 && c !== noAnswer ? [[r, noAnswer, -1] as [number, number, number]] : []),
          ],
          slack: true,
        });
    // With 無回答 recorded, everyone else chose at least one option: the options add up to at least "answered" less 無回答.
    if (shape.keys === "each" && noAnswer >= 0 && keys > 1)
      equations.push({
        terms: [[r, keys, -1], ...question.keys.map((_, c): [number, number, number] => [r, c, 1])],
        slack: true,
      });
  });

  const point = unknowns.map(({ r, c }) => truth(r, c));
  const targets = unknowns
    .map((u, i) => ({ ...u, i }))
    .filter(({ r, c }) => {
      const v = truth(r, c);
      return (rows[r] as (typeof rows)[number]).rest ? v > 0 && v < minCell : v > 0;
    });
  const pinned = pinnedUnknowns({
    relations: equations,
    unknown: (r, c) => index.get(`${r},${c}`),
    published: (r, c) => shown(r, c) as number,
    truth: point,
    targets: targets.map((t) => t.i),
    contradiction: `the published numbers of ${shape.id} contradict the counts`,
  });
  return pinned.map((i): DeterminedCell => {
    const { r, c } = unknowns[i] as { r: number; c: number };
    const row = rows[r] as (typeof rows)[number];
    return { question: shape.id, segment: row.segment, column: columns[c] as string, value: point[i] as number };
  });
}
