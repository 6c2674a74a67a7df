import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanStrings, cleanText } from "./text";

// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for exactly these characters
const forbidden = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("cleanText", () => {
  it("leaves nothing hidden, from any string, and cleaning twice changes nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const clean = cleanText(text);
        expect(clean).not.toMatch(forbidden);
        expect(clean).not.toMatch(loneSurrogate);
        expect(cleanText(clean)).toBe(clean);
      }),
    );
  });

  it("keeps what people write: Japanese, tabs, line breaks, emoji with joiners, Arabic without overrides", () => {
    const text = "北区の公園\tについて\n👨‍👩‍👧 ありがとう😀 — مرحبا Tiếng Việt 한국어 简体";
    expect(cleanText(text)).toBe(text);
  });

  it("removes NUL, an override, a lone surrogate and a BOM, and makes CR LF and CR into LF", () => {
    expect(cleanText("a\u0000b\u202Ec\uD800d\uFEFFe\r\nf\rg")).toBe("abcde\nf\ng");
  });

  it("cleans every string inside objects and arrays, and nothing else", () => {
    expect(cleanStrings({ a: ["x\u0000", 1, null, { b: "\u202Ey" }], c: true })).toEqual({ a: ["x", 1, null, { b: "y" }], c: true });
  });

  it("gives what cleaning every string of a copy gives, and the value itself when nothing needed cleaning", () => {
    const naive = (value: unknown): unknown =>
      typeof value === "string"
        ? value.replace(/\r\n?/g, "\n").replace(loneSurrogate, "").replace(new RegExp(forbidden.source, "g"), "")
        : Array.isArray(value)
          ? value.map(naive)
          : value !== null && typeof value === "object"
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, naive(v)]))
            : value;
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "binary" }), (value) => {
        const cleaned = cleanStrings(value);
        expect(cleaned).toEqual(naive(value));
        if (JSON.stringify(naive(value)) === JSON.stringify(value)) expect(cleaned).toBe(value);
      }),
    );
    // A key named __proto__ (JSON.parse makes it an own property) stays an own property of the copy.
    const parsed = JSON.parse('{"__proto__": {"x": "a\\u0000"}, "y": "b\\u202E"}') as Record<string, unknown>;
    const cleaned = cleanStrings(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(cleaned, "__proto__")?.value).toEqual({ x: "a" });
    expect(cleaned.y).toBe("b");
  });
});
