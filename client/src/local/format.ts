/** Dates and schedules as residents read them, in their language, always in Japan time. */
import type { Occurrence, ScheduleRule } from "../../../shared/local/schedule";
import type { Locale } from "../../../shared/locales/locales";

const intl = (locale: Locale) => (locale === "ja-easy" ? "ja" : locale);

/** 12月2日(火) · Tue, Dec 2 … */
export function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intl(locale), { month: "long", day: "numeric", weekday: "short", timeZone: "Asia/Tokyo" }).format(
    new Date(`${date}T12:00:00+09:00`),
  );
}

export function weekdayName(weekday: number, locale: Locale): string {
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(intl(locale), { weekday: "long", timeZone: "Asia/Tokyo" }).format(
    new Date(Date.UTC(2023, 0, 1 + weekday, 3)),
  );
}

/** A schedule rule as words: 毎週火曜日 14:00〜15:00, 第2・第4水曜日 … */
export function ruleText(rule: ScheduleRule, locale: Locale, plain: (k: string, v?: Record<string, string | number>) => string): string {
  const values = { weekday: weekdayName(rule.weekday, locale), start: rule.start, end: rule.end };
  if (!rule.weeks) return plain("places.weekly", values);
  const weeks = new Intl.ListFormat(intl(locale), { style: "short", type: "conjunction" }).format(
    rule.weeks.map((w) => plain("places.nth", { n: w })),
  );
  return plain("places.monthly", { ...values, weeks });
}

export function nextText(next: Occurrence | null, locale: Locale, plain: (k: string, v?: Record<string, string | number>) => string) {
  return next ? plain("places.next", { date: formatDate(next.date, locale), start: next.start }) : plain("places.noNext");
}

export function distanceText(metres: number, locale: Locale): string {
  const format = new Intl.NumberFormat(intl(locale), {
    style: "unit",
    unit: metres < 1000 ? "meter" : "kilometer",
    maximumFractionDigits: metres < 1000 ? 0 : 1,
  });
  return format.format(metres < 1000 ? Math.round(metres / 10) * 10 : metres / 1000);
}
