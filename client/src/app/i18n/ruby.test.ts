import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainText } from "../../../../shared/locales/ruby";
import { rubyWords } from "./ruby";

const flat = (parts: ReturnType<typeof rubyWords>) =>
  parts.map((p) => (typeof p === "string" ? p : p.before + p.rubies.map((r) => r.base).join("") + p.after)).join("");

describe("rubyWords", () => {
  it("keeps a word's okurigana, its counter's number and its prefix with its ruby", () => {
    expect(rubyWords("{手続|てつづ}きをします")).toEqual([
      { before: "", rubies: [{ base: "手続", reading: "てつづ" }], after: "きをしま" },
      "す",
    ]);
    expect(rubyWords("1/3{問目|もんめ}")).toEqual([{ before: "1/3", rubies: [{ base: "問目", reading: "もんめ" }], after: "" }]);
    expect(rubyWords("新しいお{知|し}らせ")).toEqual(["新しい", { before: "お", rubies: [{ base: "知", reading: "し" }], after: "らせ" }]);
    // A compound's parts may go on two lines, each part whole.
    expect(rubyWords("{大阪|おおさか}{市|し}の")).toEqual([
      { before: "", rubies: [{ base: "大阪", reading: "おおさか" }], after: "" },
      { before: "", rubies: [{ base: "市", reading: "し" }], after: "の" },
    ]);
  });

  it("loses and adds nothing: the words put together are the plain text, readings in order", () => {
    const piece = fc.oneof(
      fc.constantFrom("お", "ご", "1", "12", "3/5", "きを", "する", "カード", " ", "。"),
      fc
        .tuple(fc.constantFrom("漢字", "区", "手続", "問"), fc.constantFrom("かんじ", "く", "てつづ", "もん"))
        .map(([b, r]) => `{${b}|${r}}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        const words = rubyWords(text);
        expect(flat(words)).toBe(plainText(text));
        const readings = words.flatMap((w) => (typeof w === "string" ? [] : w.rubies.map((r) => r.reading)));
        expect(readings).toEqual([...text.matchAll(/\{[^{}|]+\|([^{}|]+)\}/g)].map((m) => m[1]));
      }),
    );
  });
});
