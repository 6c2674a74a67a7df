import { describe, expect, it } from "vitest";
import { romaji, toHiragana, toKatakana } from "./romaji";

describe("romaji", () => {
  it("writes kana in Hepburn: し shi, ち chi, つ tsu, ふ fu, じ ji, を o", () => {
    expect(romaji("しちつふじを")).toBe("shichitsufujio");
    expect(romaji("オオギマチ")).toBe("oogimachi");
    expect(romaji("イキイキヒャクサイタイソウ")).toBe("ikiikihyakusaitaisou");
  });
  it("reads small ゃゅょ with the kana before them", () => {
    expect(romaji("きょうと")).toBe("kyouto");
    expect(romaji("しゃかい")).toBe("shakai");
    expect(romaji("ちゅうおう")).toBe("chuuou");
    expect(romaji("りょう")).toBe("ryou");
  });
  it("doubles the consonant after っ, tch before ち", () => {
    expect(romaji("さっぽろ")).toBe("sapporo");
    expect(romaji("マッチ")).toBe("matchi");
  });
  it("writes ー as the vowel before it and ん before a vowel as n'", () => {
    expect(romaji("スーパー")).toBe("suupaa");
    expect(romaji("きんえん")).toBe("kin'en");
    expect(romaji("しんよう")).toBe("shin'you");
    expect(romaji("しんぶん")).toBe("shinbun");
  });
  it("leaves what is not kana as it is", () => {
    expect(romaji("スマホ教室 2")).toBe("sumaho教室 2");
  });
  it("converts between the two kana scripts", () => {
    expect(toHiragana("カタカナー")).toBe("かたかなー");
    expect(toKatakana("ひらがな")).toBe("ヒラガナ");
  });
});
