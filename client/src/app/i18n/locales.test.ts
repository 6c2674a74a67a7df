import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodes } from "../../../../shared/errors/catalog";
import { locales } from "../../../../shared/locales/locales";
import { parseRuby } from "./ruby";

type Tree = { [key: string]: string | Tree };

/** The residents' strings, and the staff console's (its own namespace, in its own chunk). */
const bundles = {
  app: path.join(import.meta.dirname, "../../../../shared/locales/app"),
  staff: path.join(import.meta.dirname, "../../../../shared/locales/staff"),
};
type Bundle = keyof typeof bundles;
const loadBundle = (bundle: Bundle, locale: string): Tree => JSON.parse(readFileSync(path.join(bundles[bundle], `${locale}.json`), "utf8"));

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

describe.each(locales.flatMap((locale) => (Object.keys(bundles) as Bundle[]).map((bundle) => [locale, bundle] as const)))(
  "locale %s, %s strings",
  (locale, bundle) => {
    const strings = flatten(loadBundle(bundle, locale));
    const ja = flatten(loadBundle(bundle, "ja"));

    it("has every key that Japanese has, and no others", () => {
      const missing = [...ja.keys()].filter((key) => !strings.has(key));
      const extra = [...strings.keys()].filter((key) => !ja.has(key));
      expect(missing, `${locale} lacks keys`).toEqual([]);
      expect(extra, `${locale} has keys Japanese lacks`).toEqual([]);
    });

    it("has no empty strings and keeps each string's placeholders", () => {
      for (const [key, text] of strings) {
        expect(text.trim(), `${locale}:${key} is empty`).not.toBe("");
        expect(placeholders(text), `${locale}:${key} placeholders`).toEqual(placeholders(ja.get(key) ?? ""));
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

describe.each(Object.keys(bundles) as Bundle[])("やさしい日本語, %s strings", (bundle) => {
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

/** Every source file of the client, for the keys it names. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("the keys the code names", () => {
  it('all exist in Japanese (a key written as a plain string: k="…", plain("…"), failedKey="…")', () => {
    const app = flatten(loadBundle("app", "ja"));
    const staff = flatten(loadBundle("staff", "ja"));
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(path.join(import.meta.dirname, "../.."))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/(?:\bk=|[Kk]ey=|plain\(|t\()"([a-z][\w-]*(?::[\w-]+)?(?:\.[\w-]+)+)"/g)) {
        const key = match[1] as string;
        checked++;
        const known = key.startsWith("staff:") ? staff.has(key.slice(6)) : app.has(key);
        if (!known) missing.push(`${path.relative(process.cwd(), file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked, "keys found in the code (the pattern still matches)").toBeGreaterThan(300);
  });
});
