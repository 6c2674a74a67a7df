/**
 * A ward's own text (a name, a description, an agenda) in the resident's language: its translation where
 * the ward gave one; otherwise the Japanese, marked lang="ja" on the element that holds it (so a screen
 * reader reads it in Japanese, in a Japanese font), with furigana in やさしい日本語 and, beside a name, the
 * reading the server worked out: romaji on English and Vietnamese pages, katakana on Chinese and Korean ones.
 */
import type { ReactNode } from "react";
import type { Furigana, Reading, Translations } from "../../../shared/local/translations";
import type { Locale } from "../../../shared/locales/locales";
import { plainText, RubyText } from "../app/i18n/ruby";
import { useT } from "../app/i18n/T";

export interface Languaged {
  translations?: Translations | undefined;
  furigana?: Furigana | undefined;
  reading?: Reading | undefined;
}

export interface Shown {
  /** The text to show (a translation in やさしい日本語 or the furigana may carry markup) */
  text: string;
  /** "ja" when the Japanese is shown on a page in another language */
  lang: "ja" | undefined;
  /** The name's reading to show beside it, with its language */
  reading: { text: string; lang: string } | null;
}

/** The lang attribute of the ward's Japanese-only text (an address, a fee) on a page in `locale`. */
export const japaneseLang = (locale: Locale): "ja" | undefined => (locale === "ja" || locale === "ja-easy" ? undefined : "ja");

/** What a row's name (`part` "name") or text ("text") shows in `locale`; `japanese` is the row's own. */
export function shown(item: Languaged, part: "name" | "text", japanese: string, locale: Locale): Shown {
  if (locale === "ja") return { text: japanese, lang: undefined, reading: null };
  const translated = item.translations?.[locale]?.[part];
  if (translated) return { text: translated, lang: undefined, reading: null };
  if (locale === "ja-easy") return { text: item.furigana?.[part] || japanese, lang: undefined, reading: null };
  const reading = part === "name" ? item.reading : undefined;
  if (!reading) return { text: japanese, lang: "ja", reading: null };
  return {
    text: japanese,
    lang: "ja",
    reading: locale === "en" || locale === "vi" ? { text: reading.romaji, lang: "ja-Latn" } : { text: reading.kana, lang: "ja" },
  };
}

/**
 * A name as plain text where no element of its own can mark its language (the map's popups, a file name):
 * the translation, or the Japanese with its reading after it.
 */
export function plainName(item: Languaged, japanese: string, locale: Locale): string {
  const s = shown(item, "name", japanese, locale);
  return s.reading ? `${s.text} (${s.reading.text})` : plainText(s.text);
}

/**
 * A page's title (its lang is titleLangOf's): the translation; else on English and Vietnamese
 * pages the romaji, the Japanese following in OriginalName; else the name (with furigana in やさしい日本語).
 */
export function titleOf(item: Languaged, japanese: string, locale: Locale): string {
  const s = shown(item, "name", japanese, locale);
  if (s.lang === "ja" && s.reading?.lang === "ja-Latn") return s.reading.text;
  return s.text;
}

/** The lang of titleOf's text: "ja-Latn" for romaji, "ja" for the Japanese on another language's page. */
export function titleLangOf(item: Languaged, japanese: string, locale: Locale): string | undefined {
  const s = shown(item, "name", japanese, locale);
  if (s.lang === "ja" && s.reading?.lang === "ja-Latn") return "ja-Latn";
  return s.lang;
}

/** A row's name inline: the name in its language, and its reading after it when it is the Japanese. */
export function LocalName({ item, name }: { item: Languaged; name: string }): ReactNode {
  const { locale } = useT();
  const s = shown(item, "name", name, locale);
  return (
    <>
      <span lang={s.lang}>
        <RubyText text={s.text} />
      </span>
      {s.reading && (
        <>
          {" "}
          <span className="local-reading" lang={s.reading.lang}>
            ({s.reading.text})
          </span>
        </>
      )}
    </>
  );
}

/** A row's text as a paragraph, lang="ja" on it when it is the Japanese on another language's page. */
export function LocalText({ item, text, className }: { item: Languaged; text: string; className?: string }): ReactNode {
  const { locale } = useT();
  const s = shown(item, "text", text, locale);
  return (
    <p className={className} lang={s.lang}>
      <RubyText text={s.text} />
    </p>
  );
}

/** The line under a page's title on other languages' pages: the Japanese name (to say or show at the counter) and its reading. */
export function OriginalName({ item, name }: { item: Languaged; name: string }): ReactNode {
  const { locale } = useT();
  if (locale === "ja" || locale === "ja-easy") return null;
  const reading = shown({ ...item, translations: undefined }, "name", name, locale).reading;
  const title = titleOf(item, name, locale);
  return (
    <p className="hint">
      <span lang="ja">{name}</span>
      {reading && reading.text !== title && (
        <>
          {" "}
          <span lang={reading.lang}>({reading.text})</span>
        </>
      )}
    </p>
  );
}
