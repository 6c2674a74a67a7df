import { describe, expect, it } from "vitest";
import { disclose } from "./disclosure";
import { determinedCells } from "./disclosure-check";
import { mergeSmallRanges } from "./disclosure-ranges";
import type { QuestionCounts, SurveyCounts } from "./disclosure-rows";
import { numberRanges } from "./ranges";

const keys = numberRanges({ min: 0, max: 120 }).map((r) => r.key);

/** A number question answered by everyone, its ranges counted in "all" and two age segments. */
function survey(cells: Record<string, number[]>): SurveyCounts {
  const question: QuestionCounts = {
    id: "minutes",
    keys,
    alwaysAnswered: false,
    keysAddUp: true,
    ranges: true,
    cells: new Map(Object.entries(cells).map(([segment, values]) => [segment, [...values, values.reduce((a, b) => a + b, 0)]])),
  };
  const responses = new Map(Object.entries(cells).map(([segment, values]) => [segment, values.reduce((a, b) => a + b, 0)]));
  return { segments: Object.keys(cells), responses, questions: [question] };
}

describe("merging a number question's small ranges", () => {
  it("uses round ranges for the demo's 0–120 minutes", () => {
    expect(keys).toEqual(["0–49", "50–99", "100–120"]);
  });

  it("merges small ranges with their neighbour instead of hiding each, in every segment alike", () => {
    const counts = survey({ all: [40, 6, 5], "age:30s": [20, 3, 2], "age:40s": [20, 3, 3] });
    const [merged] = mergeSmallRanges(counts, 10).questions as [QuestionCounts];
    expect(merged.keys).toEqual(["0–49", "50–120"]);
    expect(merged.cells.get("all")).toEqual([40, 11, 51]);
    expect(merged.cells.get("age:30s")).toEqual([20, 5, 25]);
  });

  it("publishes the merged range when it reaches K, and hides what a reader could still work out", () => {
    const counts = survey({ all: [40, 6, 5], "age:30s": [20, 3, 2], "age:40s": [20, 3, 3] });
    const published = disclose(counts, 10);
    expect(published.keys.get("minutes")).toEqual(["0–49", "50–120"]);
    expect(published.questions.get("minutes")?.get("all")).toEqual([40, 11, 51]);
    // The segments' 5 and 6 are under K: hidden, and their 20s with them (each row adds up).
    expect(published.questions.get("minutes")?.get("age:30s")?.slice(0, 2)).toEqual([null, null]);
    expect(determinedCells(mergeSmallRanges(counts, 10), published, "minutes", 10)).toEqual([]);
  });

  it("keeps a zero as the zero it is, never swallows a range that reaches K, and leaves a run that cannot reach K as it was", () => {
    const zero = mergeSmallRanges(survey({ all: [0, 6, 5] }), 10).questions[0] as QuestionCounts;
    expect(zero.keys).toEqual(["0–49", "50–120"]);
    expect(zero.cells.get("all")).toEqual([0, 11, 11]);
    const big = mergeSmallRanges(survey({ all: [3, 4, 30] }), 10).questions[0] as QuestionCounts;
    expect(big.keys).toEqual(keys);
  });

  it("leaves ranges that each reach K, and questions that are not numbers, as they are", () => {
    const counts = survey({ all: [12, 15, 11] });
    expect(mergeSmallRanges(counts, 10)).toEqual(counts);
    const choice = { ...counts, questions: counts.questions.map((q) => ({ ...q, ranges: false })) };
    expect(
      mergeSmallRanges(
        { ...choice, questions: [{ ...choice.questions[0], cells: survey({ all: [1, 1, 1] }).questions[0]?.cells } as QuestionCounts] },
        10,
      ).questions[0]?.keys,
    ).toEqual(keys);
  });
});
