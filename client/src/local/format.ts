/** Dates and schedules as residents read them, in their language, always in Japan time. */

import type { Occurrence, ScheduleRule } from "../../../shared/local/schedule";
import { dateText } from "../../../shared/locales/dates";
import { htmlLang, type Locale } from "../../../shared/locales/locales";
import { jstNoon } from "../../../shared/time";

type Plain = (k: string, v?: Record<string, string | number>) => string;

// In やさしい日本語 each of these carries furigana markup (shared/locales/dates.ts): show it through RubyText,
// or through plainText where no element can hold it (an <option>, a map's popup).

/** 12月2日(水) · Wed, December 2 … */
export function formatDate(date: string, locale: Locale): string {
  return dateText(jstNoon(date), locale, { month: "long", day: "numeric", weekday: "short" });
}

/** An instant as a date and a time of day in Japan: 2026年12月2日 14:00 … */
export function formatDateTime(iso: string, locale: Locale, dateStyle: "long" | "medium"): string {
  return dateText(new Date(iso), locale, { dateStyle, timeStyle: "short" });
}

/** 0 = Sunday … 6 = Saturday, as a word: 日曜日, Sunday … */
export function weekdayName(weekday: number, locale: Locale): string {
  // 2023-01-01 was a Sunday.
  return dateText(jstNoon(`2023-01-0${1 + weekday}`), locale, { weekday: "long" });
}

/** A schedule rule as words: 毎週火曜日 14:00〜15:00, 第2・第4水曜日 … */
export function ruleText(rule: ScheduleRule, locale: Locale, plain: Plain): string {
  const values = { weekday: weekdayName(rule.weekday, locale), start: rule.start, end: rule.end };
  if (!rule.weeks) return plain("places.weekly", values);
  const weeks = new Intl.ListFormat(htmlLang(locale), { style: "short", type: "conjunction" }).format(
    rule.weeks.map((w) => plain("places.nth", { n: w })),
  );
  return plain("places.monthly", { ...values, weeks });
}

export function nextText(next: Occurrence | null, locale: Locale, plain: Plain) {
  return next ? plain("places.next", { date: formatDate(next.date, locale), start: next.start }) : plain("places.noNext");
}

/** Made once per language and unit: a list of places writes many distances (see dates.ts's formatters). */
const distanceFormats = new Map<string, Intl.NumberFormat>();

export function distanceText(metres: number, locale: Locale): string {
  const unit = metres < 1000 ? "meter" : "kilometer";
  let format = distanceFormats.get(`${locale} ${unit}`);
  if (!format) {
    format = new Intl.NumberFormat(htmlLang(locale), { style: "unit", unit, maximumFractionDigits: metres < 1000 ? 0 : 1 });
    distanceFormats.set(`${locale} ${unit}`, format);
  }
  return format.format(metres < 1000 ? Math.round(metres / 10) * 10 : metres / 1000);
}
