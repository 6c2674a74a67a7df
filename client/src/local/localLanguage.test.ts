import { describe, expect, it } from "vitest";
import { japaneseLang, plainName, shown, titleLangOf, titleOf } from "./localLanguage";

const item = {
  translations: { vi: { name: "Thể dục Ogimachi" }, en: { text: "Wear comfortable clothes" } },
  furigana: { name: "{扇町|おうぎまち}{体操|たいそう}", text: "{服装|ふくそう}は{自由|じゆう}" },
  reading: { kana: "オウギマチ タイソウ", romaji: "Ougimachi Taisou" },
};
const name = "扇町体操";

describe("a local row's text in the resident's language", () => {
  it("shows the translation where there is one, unmarked", () => {
    expect(shown(item, "name", name, "vi")).toEqual({ text: "Thể dục Ogimachi", lang: undefined, reading: null });
    expect(shown(item, "text", "服装は自由", "en")).toEqual({ text: "Wear comfortable clothes", lang: undefined, reading: null });
  });
  it("falls back to the Japanese marked lang=ja, with romaji on en/vi and katakana on zh-Hans/ko beside a name", () => {
    expect(shown(item, "name", name, "en")).toEqual({ text: name, lang: "ja", reading: { text: "Ougimachi Taisou", lang: "ja-Latn" } });
    expect(shown(item, "name", name, "ko").reading).toEqual({ text: "オウギマチ タイソウ", lang: "ja" });
    expect(shown(item, "name", name, "zh-Hans").lang).toBe("ja");
    expect(shown(item, "text", "服装は自由", "vi")).toEqual({ text: "服装は自由", lang: "ja", reading: null });
  });
  it("gives the server's furigana in やさしい日本語 and the plain Japanese in Japanese", () => {
    expect(shown(item, "name", name, "ja-easy").text).toBe("{扇町|おうぎまち}{体操|たいそう}");
    expect(shown(item, "name", name, "ja")).toEqual({ text: name, lang: undefined, reading: null });
    expect(shown({}, "name", name, "ja-easy").text).toBe(name);
    expect(shown({}, "name", name, "en")).toEqual({ text: name, lang: "ja", reading: null });
  });
  it("titles a page by the translation, else by the romaji on en/vi, and names it in plain text for the map", () => {
    expect(titleOf(item, name, "vi")).toBe("Thể dục Ogimachi");
    expect(titleOf(item, name, "en")).toBe("Ougimachi Taisou");
    expect(titleOf(item, name, "ko")).toBe(name);
    expect(titleLangOf(item, name, "vi")).toBeUndefined();
    expect(titleLangOf(item, name, "en")).toBe("ja-Latn");
    expect(titleLangOf(item, name, "ko")).toBe("ja");
    expect(titleLangOf(item, name, "ja")).toBeUndefined();
    expect(plainName(item, name, "en")).toBe("扇町体操 (Ougimachi Taisou)");
    expect(plainName(item, name, "ja-easy")).toBe(name);
    expect(japaneseLang("en")).toBe("ja");
    expect(japaneseLang("ja-easy")).toBeUndefined();
  });
});
