/**
 * Local data in the residents' languages: a row's optional translations of its name and its text (a
 * place's 備考, a 町会's 備考, a 地活協's 活動内容, a 区政会議's 説明), and what the server works out from the
 * Japanese when the row is saved — furigana markup `{漢字|かな}` (staff may correct it) and the name's
 * reading in katakana and Hepburn romaji, so a resident can say it at the counter.
 */
import { z } from "zod/mini";

const optionalText = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/** The languages a row may be translated into: every app locale but Japanese itself. */
export const translatedLocales = ["ja-easy", "en", "zh-Hans", "ko", "vi"] as const;
export type TranslatedLocale = (typeof translatedLocales)[number];

export const Translation = z.object({ name: z.optional(optionalText(200)), text: z.optional(optionalText(4000)) });
export type Translation = z.infer<typeof Translation>;

export const Translations = z.object({
  "ja-easy": z.optional(Translation),
  en: z.optional(Translation),
  "zh-Hans": z.optional(Translation),
  ko: z.optional(Translation),
  vi: z.optional(Translation),
});
export type Translations = z.infer<typeof Translations>;

/**
 * Furigana markup of the Japanese name and text. Made by the server on save; staff may correct a reading.
 * Kept as sent while its text (without the readings) is still the row's text; made again when the text changed.
 */
export const Furigana = z.object({ name: z.optional(optionalText(1000)), text: z.optional(optionalText(16000)) });
export type Furigana = z.infer<typeof Furigana>;

/** The name's reading, made by the server: katakana (zh-Hans, ko pages) and Hepburn romaji (en, vi pages). */
export const Reading = z.object({ kana: optionalText(400), romaji: optionalText(800) });
export type Reading = z.infer<typeof Reading>;

/** The fields every kind's input carries for its languages. */
export const languageFields = {
  translations: z.optional(Translations),
  furigana: z.optional(Furigana),
  reading: z.optional(Reading),
};
