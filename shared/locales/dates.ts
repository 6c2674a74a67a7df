/**
 * Dates in the resident's language, always in Japan time. In やさしい日本語 a date carries furigana markup,
 * read as Japanese reads it: 1日 ついたち, 20日 はつか, 4月 しがつ, (火) か, 2026年 …ねん. Intl writes the
 * Japanese date; its parts (formatToParts) get their readings here, the digits staying digits.
 */
import { jstZone } from "../time";
import { htmlLang, type Locale } from "./locales";

const monthReadings = [
  "いちがつ",
  "にがつ",
  "さんがつ",
  "しがつ",
  "ごがつ",
  "ろくがつ",
  "しちがつ",
  "はちがつ",
  "くがつ",
  "じゅうがつ",
  "じゅういちがつ",
  "じゅうにがつ",
];

/** 1日 to 10日, 14日, 20日 and 24日 have their own readings; the others are the number read plainly and にち. */
const dayReadings: Record<number, string> = {
  1: "ついたち",
  2: "ふつか",
  3: "みっか",
  4: "よっか",
  5: "いつか",
  6: "むいか",
  7: "なのか",
  8: "ようか",
  9: "ここのか",
  10: "とおか",
  14: "じゅうよっか",
  20: "はつか",
  24: "にじゅうよっか",
};
const digitReadings = ["", "いち", "に", "さん", "よん", "ご", "ろく", "しち", "はち", "く"];

export function dayReading(day: number): string {
  const special = dayReadings[day];
  if (special) return special;
  const tens = Math.floor(day / 10);
  const ones = day % 10;
  const tensReading = tens === 0 ? "" : `${tens === 1 ? "" : (digitReadings[tens] as string)}じゅう`;
  return `${tensReading}${digitReadings[ones] as string}にち`;
}

const weekdayReadings: Record<string, string> = { 日: "にち", 月: "げつ", 火: "か", 水: "すい", 木: "もく", 金: "きん", 土: "ど" };

/** A Japanese date's parts with furigana markup: {12月|じゅうにがつ}{6日|むいか}({日|にち}). */
function withReadings(parts: Intl.DateTimeFormatPart[]): string {
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Intl.DateTimeFormatPart;
    const next = parts[i + 1];
    if (part.type === "month" && next?.type === "literal" && next.value.startsWith("月")) {
      out += `{${part.value}月|${monthReadings[Number(part.value) - 1]}}`;
      parts[i + 1] = { ...next, value: next.value.slice(1) };
    } else if (part.type === "day" && next?.type === "literal" && next.value.startsWith("日")) {
      out += `{${part.value}日|${dayReading(Number(part.value))}}`;
      parts[i + 1] = { ...next, value: next.value.slice(1) };
    } else if (part.type === "year" && next?.type === "literal" && next.value.startsWith("年")) {
      out += `${part.value}{年|ねん}`;
      parts[i + 1] = { ...next, value: next.value.slice(1) };
    } else if (part.type === "weekday") {
      const first = part.value[0] as string;
      const reading = weekdayReadings[first];
      out += !reading ? part.value : part.value.length === 1 ? `{${first}|${reading}}` : `{${part.value}|${reading}ようび}`;
    } else {
      out += part.value;
    }
  }
  return out;
}

/**
 * One formatter per language and options, made once: making an Intl.DateTimeFormat costs far more than using
 * one (a survey list's dates took 150 ms of a throttled phone's first load when each made its own).
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(htmlLang(locale), { ...options, timeZone: jstZone });
    formats.set(key, format);
  }
  return format;
}

/** `date` written by Intl with `options` in the locale's language, in Japan time; with furigana in やさしい日本語. */
export function dateText(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const format = formatFor(locale, options);
  return locale === "ja-easy" ? withReadings(format.formatToParts(date)) : format.format(date);
}
