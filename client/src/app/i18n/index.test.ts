/**
 * The strings as the client asks for them: every key the code names exists, a counted string is
 * given a number as `count` (i18next picks the plural form from nothing else), and with the app's
 * own i18next settings each locale's counted strings come out in the right form.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { htmlLang, type Locale, locales } from "../../../../shared/locales/locales";
import { i18nextCode, i18nextOptions } from "./index";

type Tree = { [key: string]: string | Tree };

const localesDir = path.join(import.meta.dirname, "../../../../shared/locales");
const loadBundle = (bundle: "app" | "staff", locale: Locale): Tree =>
  JSON.parse(readFileSync(path.join(localesDir, bundle, `${locale}.json`), "utf8"));

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** Japanese strings, named as the code names them: `places.people`, `staff:notices.yearsOld`. */
const japanese = new Map([
  ...flatten(loadBundle("app", "ja")),
  ...[...flatten(loadBundle("staff", "ja"))].map(([k, v]) => [`staff:${k}`, v] as const),
]);
const counted = [...japanese].filter(([, text]) => /\{\{count\}\}/.test(text)).map(([key]) => key);

/** Every source file of the client, for the keys it names. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** A key written as a plain string: k="…", plain("…"), t("…"), failedKey="…", and what follows it up to the call's end. */
function namedKeys(): { file: string; key: string; rest: string }[] {
  return sourceFiles(path.join(import.meta.dirname, "../..")).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(/(?:\bk=|[Kk]ey=|plain\(|t\()"([a-z][\w-]*(?::[\w-]+)?(?:\.[\w-]+)+)"([^)>]*)/g)].map((match) => ({
      file: path.relative(process.cwd(), file),
      key: match[1] as string,
      rest: match[2] as string,
    }));
  });
}

describe("the keys the code names", () => {
  const named = namedKeys();

  it("all exist in Japanese", () => {
    expect(named.filter(({ key }) => !japanese.has(key)).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
    expect(named.length, "keys found in the code (the pattern still matches)").toBeGreaterThan(300);
  });

  it("are given a number as `count` where the string counts", () => {
    const uses = named.filter(({ key }) => counted.includes(key));
    expect(uses.length, "counted strings found in the code").toBeGreaterThan(10);
    const wrong = uses.filter(({ rest }) => !/\bcount\b/.test(rest) || /count: String\(/.test(rest));
    expect(wrong.map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });
});

describe.each(locales)("counted strings in %s, as the app sets i18next up", (locale) => {
  it("come out in the locale's form for one and for many", async () => {
    const instance = i18next.createInstance();
    await instance.init({
      ...i18nextOptions,
      lng: i18nextCode(locale),
      ns: ["translation", "staff"],
      resources: Object.fromEntries(
        [...new Set([locale, "ja" as const])].map((l) => [
          i18nextCode(l),
          { translation: loadBundle("app", l), staff: loadBundle("staff", l) },
        ]),
      ),
    });
    const strings = new Map([
      ...flatten(loadBundle("app", locale)),
      ...[...flatten(loadBundle("staff", locale))].map(([k, v]) => [`staff:${k}`, v] as const),
    ]);
    const rules = new Intl.PluralRules(htmlLang(locale));
    for (const key of counted) {
      for (const count of [1, 2]) {
        const form = strings.get(`${key}_${rules.select(count)}`) ?? strings.get(key);
        expect(form, `${locale}:${key} has no form for ${count}`).toBeDefined();
        const others = Object.fromEntries([...(form ?? "").matchAll(/\{\{(\w+)\}\}/g)].map((m) => [m[1], `<${m[1]}>`]));
        const expected = (form ?? "").replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name === "count" ? String(count) : `<${name}>`));
        expect(instance.t(key, { ...others, count }), `${locale}:${key} for ${count}`).toBe(expected);
      }
    }
  });
});
