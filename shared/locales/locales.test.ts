import { describe, expect, it } from "vitest";
import { detectLocale, htmlLang, localeOf } from "./locales";

describe("detectLocale", () => {
  it("takes the first of the browser's languages that the app has", () => {
    expect(detectLocale(["fr-FR", "vi-VN", "en"])).toBe("vi");
    expect(detectLocale(["zh-TW"])).toBe("zh-Hans");
    expect(detectLocale(["ko-KR"])).toBe("ko");
    expect(detectLocale(["en-GB", "ja"])).toBe("en");
  });

  it("falls back to Japanese", () => {
    expect(detectLocale(["ne-NP", "fr"])).toBe("ja");
    expect(detectLocale([])).toBe("ja");
  });
});

describe("htmlLang", () => {
  it("marks やさしい日本語 as Japanese for browsers and screen readers", () => {
    expect(htmlLang("ja-easy")).toBe("ja");
    expect(htmlLang("zh-Hans")).toBe("zh-Hans");
  });
});

describe("localeOf", () => {
  it("names the app locale for a code in any case", () => {
    expect(localeOf("zh-hans")).toBe("zh-Hans");
    expect(localeOf("zh-Hans")).toBe("zh-Hans");
    expect(localeOf("ja-easy")).toBe("ja-easy");
    expect(localeOf("EN")).toBe("en");
  });

  it("falls back to Japanese for a code the app does not have", () => {
    expect(localeOf("fr")).toBe("ja");
    expect(localeOf("en-GB")).toBe("ja");
    expect(localeOf("")).toBe("ja");
  });
});
