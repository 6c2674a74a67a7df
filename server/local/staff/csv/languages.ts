/**
 * The translation columns every kind's CSV has after its own: the name's (名称_英語 is the city's
 * open-data column; 名称_中国語, 名称_韓国語, 名称_ベトナム語, 名称_やさしい日本語 are this app's) and the same
 * for the kind's text (備考_英語, 活動内容_英語, 説明_英語 …). A file without them reads as a row without translations.
 */
import { type TranslatedLocale, type Translations, translatedLocales } from "../../../../shared/local/translations";
import type { Cells, Item } from "./spec";

const suffixes: Record<TranslatedLocale, string> = {
  en: "英語",
  "zh-Hans": "中国語",
  ko: "韓国語",
  vi: "ベトナム語",
  "ja-easy": "やさしい日本語",
};
const order: TranslatedLocale[] = ["en", "zh-Hans", "ko", "vi", "ja-easy"];

/** The translation columns of a kind whose text is in `textColumn`, in order; 名称_英語 is in the common head. */
export function languageColumns(textColumn: string): string[] {
  return [...order.filter((l) => l !== "en").map((l) => `名称_${suffixes[l]}`), ...order.map((l) => `${textColumn}_${suffixes[l]}`)];
}

export function writeLanguages(item: Item, textColumn: string): Cells {
  const cells: Cells = {};
  for (const locale of translatedLocales) {
    cells[`名称_${suffixes[locale]}`] = item.translations?.[locale]?.name ?? "";
    cells[`${textColumn}_${suffixes[locale]}`] = item.translations?.[locale]?.text ?? "";
  }
  return cells;
}

/** The translations in a row's cells; a locale with neither cell filled is left out. */
export function readLanguages(cell: (column: string) => string, textColumn: string): { translations: Translations } {
  const translations: Translations = {};
  for (const locale of translatedLocales) {
    const name = cell(`名称_${suffixes[locale]}`);
    const text = cell(`${textColumn}_${suffixes[locale]}`);
    if (name || text) translations[locale] = { ...(name ? { name } : {}), ...(text ? { text } : {}) };
  }
  return { translations };
}

/** The column a bad translation came from (an issue's path: translations, locale, name or text). */
export function translationColumn(issues: readonly { path: string[] }[], textColumn: string): string | null {
  const path = issues.find((issue) => issue.path[0] === "translations")?.path;
  const suffix = suffixes[path?.[1] as TranslatedLocale];
  if (!suffix) return null;
  return path?.[2] === "text" ? `${textColumn}_${suffix}` : `名称_${suffix}`;
}
