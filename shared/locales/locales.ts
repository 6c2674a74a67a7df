/**
 * The six languages of the app. Japanese is the fallback for every missing string;
 * `ja-easy` is やさしい日本語 with furigana. Locale codes are BCP 47 tags, so they can go
 * straight into `<html lang>` (ja-easy is written `ja` there with an extension subtag).
 */
export const locales = ["ja", "ja-easy", "en", "zh-Hans", "ko", "vi"] as const;
export type Locale = (typeof locales)[number];
export const fallbackLocale: Locale = "ja";

/**
 * The `lang` attribute for a locale, and the tag Intl formatters take: やさしい日本語 is still Japanese
 * to browsers, screen readers and date formats.
 */
export function htmlLang(locale: Locale): string {
  return locale === "ja-easy" ? "ja" : locale;
}

/**
 * The app locale a language code names, whatever its case (i18next holds "ja-easy" and "zh-hans"
 * lower-cased; a push subscription stores "zh-Hans"); Japanese for a code the app does not have.
 */
export function localeOf(code: string): Locale {
  const lower = code.toLowerCase();
  return locales.find((locale) => locale.toLowerCase() === lower) ?? fallbackLocale;
}

/**
 * Picks the app locale from the browser's preferred languages (navigator.languages),
 * first match wins; Japanese when nothing matches.
 */
export function detectLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("ja")) return "ja";
    if (lower.startsWith("en")) return "en";
    if (lower.startsWith("zh")) return "zh-Hans";
    if (lower.startsWith("ko")) return "ko";
    if (lower.startsWith("vi")) return "vi";
  }
  return fallbackLocale;
}

/** Each language is named in itself, so a resident finds theirs whatever is showing now. */
export const languageNames: Record<Locale, { label: string; lang: string }> = {
  ja: { label: "日本語", lang: "ja" },
  "ja-easy": { label: "やさしい にほんご", lang: "ja" },
  en: { label: "English", lang: "en" },
  "zh-Hans": { label: "简体中文", lang: "zh-Hans" },
  ko: { label: "한국어", lang: "ko" },
  vi: { label: "Tiếng Việt", lang: "vi" },
};
