/**
 * Readings of local data, worked out on the server when a row is saved or imported (never on a phone:
 * the analyser's dictionary is ~20 MB): furigana markup `{漢字|かな}` of the Japanese name and text for
 * やさしい日本語 pages, and the name's reading in katakana and romaji for the other languages. Markup sent
 * with the row (staff corrected a reading) is kept while its text is still the row's text.
 */

import { romaji, toHiragana, toKatakana } from "../../shared/local/romaji";
import { type Furigana, type Translations, translatedLocales } from "../../shared/local/translations";
import { plainText } from "../../shared/locales/ruby";
import { type Token, tokenize } from "../platform/text/japanese";
import type { Input } from "./input";

const kanji = /[\p{Script=Han}々〆ヶ]/u;

/** The field holding a kind's name and its text, as translations.ts names them. */
export function languageSource(input: Input): { name: string; text: string } {
  if ("title" in input) return { name: input.title, text: input.agenda };
  if ("projects" in input) return { name: input.name, text: input.activities };
  return { name: input.name, text: input.notes };
}

/**
 * One token as markup: each run of kanji with its part of the reading, the kana between and around them
 * as they are (子育て → {子育|こそだ}て, 話し合い → {話|はな}し{合|あ}い). A reading that does not line up stays whole.
 */
function tokenMarkup(token: Token): string {
  const surface = token.surface_form;
  if (!kanji.test(surface) || !token.reading) return surface;
  const reading = toHiragana(token.reading);
  const runs = surface.match(/[\p{Script=Han}々〆ヶ]+|[^\p{Script=Han}々〆ヶ]+/gu) ?? [];
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^${runs.map((run) => (kanji.test(run) ? "(.+?)" : literal(toHiragana(run)))).join("")}$`, "u");
  const match = pattern.exec(reading);
  if (!match) return `{${surface}|${reading}}`;
  let group = 1;
  return runs.map((run) => (kanji.test(run) ? `{${run}|${match[group++]}}` : run)).join("");
}

const attached = new Set(["助詞", "助動詞"]);

/** A name's reading from its tokens (or from the kana the ward gave): katakana with a space between words, and romaji with each word capitalised. */
function readingOf(tokens: readonly Token[], nameKana: string): { kana: string; romaji: string } {
  let words: string[];
  if (nameKana.trim())
    words = nameKana
      .normalize("NFKC")
      .trim()
      .split(/[\s・]+/);
  else {
    words = [];
    let joinsPrevious = false;
    for (const token of tokens) {
      const surface = token.surface_form;
      if (/^[\s\p{P}]+$/u.test(surface)) continue;
      const word = toKatakana(token.reading ?? surface);
      if (words.length > 0 && (joinsPrevious || attached.has(token.pos) || token.pos_detail_1 === "接尾")) words[words.length - 1] += word;
      else words.push(word);
      joinsPrevious = token.pos === "接頭詞";
    }
  }
  const kana = words.map(toKatakana).join(" ");
  const latin = words.map((w) => romaji(w).replace(/^\p{Ll}/u, (c) => c.toUpperCase())).join(" ");
  return { kana: kana.slice(0, 400), romaji: latin.slice(0, 800) };
}

/** Markup sent for a text, if it still fits the text. */
function kept(sent: string | undefined, source: string): string | null {
  return sent && plainText(sent) === source ? sent : null;
}

/** A row to read: its input, and the furigana stored for it (a staff correction survives a save or an import). */
export interface Unread<I extends Input> {
  input: I;
  stored?: Furigana | undefined;
}

/**
 * The inputs with their readings worked out: furigana of the name and text (the markup sent, or else the
 * stored one, kept while its text is unchanged), the name's kana and romaji, and empty translations left
 * out. Every text the rows need analysed goes to the analyser in one call.
 */
export async function withReadingsAll<I extends Input>(rows: readonly Unread<I>[]): Promise<I[]> {
  const texts = new Map<string, number>();
  const analysed = (text: string) => {
    if (!texts.has(text)) texts.set(text, texts.size);
  };
  const plans = rows.map(({ input, stored }) => {
    const { name, text } = languageSource(input);
    const nameKana = "nameKana" in input ? input.nameKana : "";
    const plan = {
      input,
      name,
      text,
      nameKana,
      nameMarkup: kept(input.furigana?.name || stored?.name, name),
      textMarkup: kept(input.furigana?.text || stored?.text, text),
    };
    if ((plan.nameMarkup === null && kanji.test(name)) || !nameKana.trim()) analysed(name);
    if (plan.textMarkup === null && kanji.test(text)) analysed(text);
    return plan;
  });
  const tokens = await tokenize([...texts.keys()]);
  const tokensOf = (text: string) => tokens[texts.get(text) ?? -1] ?? [];
  /** Furigana markup of a Japanese text: every word with kanji gets its reading. */
  const furiganaOf = (text: string) => (kanji.test(text) ? tokensOf(text).map(tokenMarkup).join("") : text);
  return plans.map(({ input, name, text, nameKana, nameMarkup, textMarkup }) => {
    // In one order (the form's and the file's may differ), so that an unchanged row stores the same text.
    const translations: Translations = {};
    for (const locale of translatedLocales) {
      const { name: translatedName, text: translatedText } = input.translations?.[locale] ?? {};
      if (translatedName || translatedText)
        translations[locale] = { ...(translatedName ? { name: translatedName } : {}), ...(translatedText ? { text: translatedText } : {}) };
    }
    const furigana = { name: nameMarkup ?? furiganaOf(name), text: textMarkup ?? furiganaOf(text) };
    return { ...input, translations, furigana, reading: readingOf(tokensOf(name), nameKana) };
  });
}

/** One input with its readings (withReadingsAll). */
export async function withReadings<I extends Input>(input: I, stored?: Furigana): Promise<I> {
  const [read] = await withReadingsAll([{ input, stored }]);
  return read ?? input;
}
