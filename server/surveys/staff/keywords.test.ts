import { describe, expect, it } from "vitest";
import { compoundNouns, keywordCounts } from "./keywords";

describe("compound nouns", () => {
  it("joins runs of nouns into compounds, not character n-grams", async () => {
    expect(await compoundNouns("保育所を増やしてほしい。防災訓練の案内を早めにしてください。")).toEqual([
      "保育所",
      "防災訓練",
      "案内",
      "早め",
    ]);
    expect(await compoundNouns("子育て支援センターが遠いです")).toEqual(["子育て支援センター"]);
  });

  it("leaves out pronouns, numbers and dependent nouns", async () => {
    expect(await compoundNouns("これは3回目のことです")).not.toContain("これ");
    expect(await compoundNouns("これは3回目のことです")).not.toContain("こと");
  });

  it("counts each word once per text, most used first", async () => {
    const counts = await keywordCounts(["公園が暗い。公園を明るく", "公園の防犯灯", "防犯灯を増やして"]);
    expect(counts.slice(0, 2)).toEqual([
      { word: "公園", count: 2 },
      { word: "防犯灯", count: 2 },
    ]);
  });

  it("counts every text of a long list, sent to the analyser in parts", async () => {
    const texts = Array.from({ length: 450 }, (_, i) =>
      i % 3 === 0 ? "保育所を増やしてほしい" : i % 3 === 1 ? "公園の防犯灯" : "ｺﾐｭﾆﾃｨﾊﾞｽの本数",
    );
    expect(await keywordCounts(texts, 30, new Set(["本数"]))).toEqual([
      { word: "コミュニティバス", count: 150 },
      { word: "公園", count: 150 },
      { word: "保育所", count: 150 },
      { word: "防犯灯", count: 150 },
    ]);
  });
});
