/**
 * Days a 通いの場 says it does not meet beyond its own dates: 年末年始 (12/29–1/3, when the city's halls
 * close) and Japan's national holidays (祝日, with 振替休日 and 国民の休日), computed by the law's rules
 * with the japanese-holidays library, never from a list kept here.
 */
import * as japaneseHolidays from "japanese-holidays";
import { z } from "zod/mini";
import { jstNoon } from "../time";

// A CommonJS module: Node gives its exports as `default`, a bundler as the namespace itself.
const { isHolidayAt } = (japaneseHolidays as unknown as { default?: typeof japaneseHolidays }).default ?? japaneseHolidays;

export const closedDayKinds = ["yearEnd", "holidays"] as const;
export type ClosedDayKind = (typeof closedDayKinds)[number];
export const ClosedDayKind = z.enum(closedDayKinds);

/** 12/29 to 1/3, a date written YYYY-MM-DD in Japan time. */
export function isYearEnd(date: string): boolean {
  const monthDay = date.slice(5);
  return monthDay >= "12-29" || monthDay <= "01-03";
}

/** A national holiday in Japan (祝日, 振替休日 or 国民の休日) on a date written YYYY-MM-DD. */
export function isNationalHoliday(date: string): boolean {
  return isHolidayAt(jstNoon(date), true) !== undefined;
}

/** Whether a schedule that skips these kinds of days skips the date. */
export function skipsDate(skip: readonly ClosedDayKind[] | undefined, date: string): boolean {
  if (!skip) return false;
  return (skip.includes("yearEnd") && isYearEnd(date)) || (skip.includes("holidays") && isNationalHoliday(date));
}
