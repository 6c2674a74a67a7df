import { describe, expect, it } from "vitest";
import { type Disclosed, disclose, type SurveyCounts } from "./disclosure";
import { determinedCells } from "./disclosure-check";

/**
 * Finding 8's table in small: 40 answers, 36 online and 4 on paper; one question (yes/no). Paper's
 * cells are small; a rule that looks at one breakdown at a time hides them, but "all" minus
 * "online" gives them back.
 */
const counts: SurveyCounts = {
  segments: ["all", "mode:online", "mode:paper"],
  responses: new Map([
    ["all", 40],
    ["mode:online", 36],
    ["mode:paper", 4],
  ]),
  questions: [
    {
      id: "q",
      keys: ["yes", "no"],
      alwaysAnswered: true,
      keysAddUp: true,
      cells: new Map([
        ["all", [22, 18, 40]],
        ["mode:online", [19, 17, 36]],
        ["mode:paper", [3, 1, 4]],
      ]),
    },
  ],
};

describe("determinedCells", () => {
  it("works out paper's hidden counts from all minus online, as the attack did", () => {
    // What the per-breakdown rule published: paper hidden whole, everything else shown.
    const perBreakdown: Disclosed = {
      responses: new Map([
        ["all", 40],
        ["mode:online", 36],
        ["mode:paper", null],
      ]),
      questions: new Map([
        [
          "q",
          new Map([
            ["all", [22, 18, 40]],
            ["mode:online", [19, 17, 36]],
            ["mode:paper", [null, null, null]],
          ]),
        ],
      ]),
    };
    const found = determinedCells(counts, perBreakdown, "q", 10);
    expect(found.map((c) => `${c.segment} ${c.column} ${c.value}`).sort()).toEqual([
      "mode:paper answered 4",
      "mode:paper no 1",
      "mode:paper responses 4",
      "mode:paper yes 3",
    ]);
  });
});

describe("disclose", () => {
  it("hides online beside paper, and the totals they add up to, so that neither can be worked out", () => {
    const published = disclose(counts, 10);
    expect(published.questions.get("q")?.get("mode:paper")).toEqual([null, null, null]);
    expect(published.responses.get("mode:paper")).toBeNull();
    // Online's counts would give paper's back through "all": they are hidden too.
    expect(published.responses.get("mode:online")).toBeNull();
    expect(determinedCells(counts, published, "q", 10)).toEqual([]);
  });

  it("shows every count of a table without small cells", () => {
    const big: SurveyCounts = {
      ...counts,
      responses: new Map([
        ["all", 60],
        ["mode:online", 40],
        ["mode:paper", 20],
      ]),
      questions: [
        {
          ...(counts.questions[0] as SurveyCounts["questions"][number]),
          cells: new Map([
            ["all", [35, 25, 60]],
            ["mode:online", [25, 15, 40]],
            ["mode:paper", [10, 10, 20]],
          ]),
        },
      ],
    };
    const published = disclose(big, 10);
    expect(published.questions.get("q")?.get("mode:paper")).toEqual([10, 10, 20]);
    expect(published.responses.get("all")).toBe(60);
  });
});
