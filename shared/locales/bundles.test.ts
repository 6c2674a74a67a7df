/**
 * The locale files themselves: every locale has every string Japanese has, with the same
 * placeholders; English gives `_one` and `_other` forms to each string that counts something
 * ({{count}}), the languages without plural forms give one; やさしい日本語 reads every kanji.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodes } from "../errors/catalog";
import { htmlLang, type Locale, locales } from "./locales";
import { parseRuby } from "./ruby";

type Tree = { [key: string]: string | Tree };

/** The residents' strings, and the staff console's (its own namespace, in its own chunk). */
const bundles = ["app", "staff"] as const;
type Bundle = (typeof bundles)[number];
const loadBundle = (bundle: Bundle, locale: Locale): Tree =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, bundle, `${locale}.json`), "utf8"));

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const counts = (text: string) => placeholders(text).includes("count");

/** The CLDR plural categories of a locale (i18next's key suffixes): only `other` for Japanese, Chinese, Korean, Vietnamese. */
const pluralCategories = (locale: Locale) => new Intl.PluralRules(htmlLang(locale)).resolvedOptions().pluralCategories;
/** The suffixes our locales use (not every CLDR one: `surveys.issues.too_few` is a key, not a plural form). */
const pluralSuffix = new RegExp(`_(${[...new Set(locales.flatMap(pluralCategories))].join("|")})$`);

/** The keys a locale writes for a string with {{count}}: the plain key alone for a language with one form. */
function formsFor(locale: Locale, key: string): string[] {
  const categories = pluralCategories(locale);
  return categories.length === 1 ? [key] : categories.map((category) => `${key}_${category}`);
}

describe.each(locales.flatMap((locale) => bundles.map((bundle) => [locale, bundle] as const)))(
  "locale %s, %s strings",
  (locale, bundle) => {
    const strings = flatten(loadBundle(bundle, locale));
    const ja = flatten(loadBundle(bundle, "ja"));
    /** Each key the locale should have: a Japanese key, or its plural forms when it counts. */
    const expected = [...ja].flatMap(([key, text]) => (counts(text) ? formsFor(locale, key) : [key]));

    it("has every string that Japanese has, in the locale's plural forms, and no others", () => {
      expect(
        expected.filter((key) => !strings.has(key)),
        `${locale} lacks keys`,
      ).toEqual([]);
      expect(
        [...strings.keys()].filter((key) => !expected.includes(key)),
        `${locale} has keys Japanese lacks (or plural forms it has no use for)`,
      ).toEqual([]);
    });

    it("has no empty strings and keeps each string's placeholders", () => {
      for (const [key, text] of strings) {
        expect(text.trim(), `${locale}:${key} is empty`).not.toBe("");
        expect(placeholders(text), `${locale}:${key} placeholders`).toEqual(placeholders(ja.get(key.replace(pluralSuffix, "")) ?? ""));
      }
    });

    // API errors are shown with the residents' strings, which the console uses as well.
    if (bundle === "app") {
      it("has a message for every API error code", () => {
        for (const code of errorCodes) expect(strings.has(`errors.${code}`), `${locale} lacks errors.${code}`).toBe(true);
      });
    }
  },
);

describe.each(bundles)("English, %s strings", (bundle) => {
  it("gives a _one and an _other form to every string with {{count}}, and to no other", () => {
    for (const [key, text] of flatten(loadBundle(bundle, "en"))) {
      if (counts(text)) expect(key, `en:${key} counts, so it needs _one and _other`).toMatch(/_(one|other)$/);
      else expect(key, `en:${key} has no {{count}} to choose its form by`).not.toMatch(pluralSuffix);
    }
  });
});

describe.each(bundles)("やさしい日本語, %s strings", (bundle) => {
  const strings = flatten(loadBundle(bundle, "ja-easy"));

  it("gives every kanji a reading in furigana markup", () => {
    for (const [key, text] of strings) {
      const bare = parseRuby(text)
        .filter((part) => typeof part === "string")
        .join("")
        .replace(/\{\{\s*\w+\s*\}\}/g, "");
      expect(bare, `ja-easy:${key} has kanji without furigana`).not.toMatch(/[\u4e00-\u9fff\u3005]/);
      expect(bare, `ja-easy:${key} has broken furigana markup`).not.toMatch(/[{}|]/);
    }
  });

  it("writes readings in hiragana", () => {
    for (const [key, text] of strings) {
      for (const part of parseRuby(text)) {
        if (typeof part !== "string") expect(part.reading, `ja-easy:${key}`).toMatch(/^[\u3041-\u309f\u30fc]+$/);
      }
    }
  });
});
