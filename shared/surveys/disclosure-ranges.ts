/**
 * Disclosure control's first step for number questions: ranges that too few people fell in are merged
 * with their neighbours rather than hidden one by one, so 「50〜99分」 and 「100〜120分」 with 6 and 5 answers
 * are published as one 「50〜120分」 with 11 (K = 10). The grouping follows
 * the "all" row only and is the same in every breakdown; the merged table then goes through primary and
 * secondary suppression and the equation check like any other (disclosure.ts), so a merged count is
 * published only when no hidden count can be worked out from it.
 */
import { noAnswerKey } from "./aggregates";
import type { QuestionCounts, SurveyCounts } from "./disclosure-rows";
import { rangeOfKey } from "./ranges";

/**
 * Adjacent ranges, left to right: a run of ranges each under K that together reach K becomes one group; a
 * range that reaches K alone stays alone (never swallowed into a wider one); a run that cannot reach K is
 * left as its ranges, which primary suppression hides as before.
 */
function groupsOf(all: readonly number[], minCell: number): number[][] {
  const groups: number[][] = [];
  let run: number[] = [];
  let sum = 0;
  const leaveRun = () => {
    for (const i of run) groups.push([i]);
    run = [];
    sum = 0;
  };
  all.forEach((count, i) => {
    if (count >= minCell) {
      leaveRun();
      groups.push([i]);
    } else if (count === 0 && run.length === 0) {
      // Nobody in a range, and no run waiting: it is published as the zero it is.
      groups.push([i]);
    } else {
      run.push(i);
      sum += count;
      if (sum >= minCell) {
        groups.push(run);
        run = [];
        sum = 0;
      }
    }
  });
  leaveRun();
  return groups;
}

function keyOf(keys: readonly string[], group: number[]): string {
  const first = rangeOfKey(keys[group[0] as number] as string);
  const last = rangeOfKey(keys[group[group.length - 1] as number] as string);
  if (!first || !last || group.length === 1) return keys[group[0] as number] as string;
  return `${first.low}–${last.high}`;
}

/** Merges a number question's small ranges; 無回答 (last, when recorded) is no range and stays its own column. */
function merged(question: QuestionCounts, minCell: number): QuestionCounts {
  const width = question.keys.length;
  const extra = question.keys[width - 1] === noAnswerKey ? 1 : 0;
  const rangeWidth = width - extra;
  const all = question.cells.get("all")?.slice(0, rangeWidth) ?? [];
  const groups = groupsOf(all, minCell);
  if (groups.length === rangeWidth) return question;
  const cells = new Map(
    [...question.cells].map(([segment, values]) => [
      segment,
      [...groups.map((group) => group.reduce((sum, i) => sum + (values[i] ?? 0), 0)), ...values.slice(rangeWidth, width + 1)],
    ]),
  );
  return { ...question, keys: [...groups.map((group) => keyOf(question.keys, group)), ...question.keys.slice(rangeWidth)], cells };
}

/** The survey's counts with each number question's small ranges merged (other questions as they are). */
export function mergeSmallRanges(counts: SurveyCounts, minCell: number): SurveyCounts {
  return { ...counts, questions: counts.questions.map((q) => (q.ranges ? merged(q, minCell) : q)) };
}
