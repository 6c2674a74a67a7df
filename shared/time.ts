/**
 * Japan Standard Time (UTC+9, no daylight saving), as the city writes dates and times. This is the
 * one module that knows the offset: every `+09:00` and every shift by nine hours lives here, so the
 * server, the client and the service worker agree on which day and hour it is in Osaka.
 */
const jstOffsetMs = 9 * 60 * 60 * 1000;
const jstSuffix = "+09:00";

/** The IANA zone name, for Intl.DateTimeFormat's `timeZone` and iCalendar's TZID. */
export const jstZone = "Asia/Tokyo";

/** ISO 8601 in JST, e.g. 2026-12-02T14:00:00+09:00. */
export function toJstIso(date: Date): string {
  return `${new Date(date.getTime() + jstOffsetMs).toISOString().slice(0, 19)}${jstSuffix}`;
}

/** The calendar date, time of day and weekday in Japan for an instant. */
export function jstParts(instant: Date): { date: string; time: string; weekday: number; dayOfMonth: number } {
  const shifted = new Date(instant.getTime() + jstOffsetMs);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: shifted.getUTCDay(), dayOfMonth: shifted.getUTCDate() };
}

/** The last day asked for, with the instants it spans: every response asks, and most ask for the same day. */
let lastDay: { from: number; to: number; date: string } | undefined;

/** Today's date in Japan, YYYY-MM-DD, whatever the device's time zone. */
export function jstToday(now: Date = new Date()): string {
  const t = now.getTime();
  if (lastDay && t >= lastDay.from && t < lastDay.to) return lastDay.date;
  const { date } = jstParts(now);
  const from = Date.parse(`${date}T00:00:00${jstSuffix}`);
  lastDay = { from, to: from + 24 * 60 * 60 * 1000, date };
  return date;
}

/** A JST date and wall-clock time (YYYY-MM-DD, HH:MM) as ISO 8601 with the offset: 2026-12-02T19:00:00+09:00. */
export const jstDateTime = (date: string, time: string): string => `${date}T${time}:00${jstSuffix}`;

/** Noon in Japan on a date: an instant that is that date in every time zone a formatter may use. */
export const jstNoon = (date: string): Date => new Date(jstDateTime(date, "12:00"));

/** A `datetime-local` input's value (JST wall clock, YYYY-MM-DDTHH:MM) as ISO 8601 with the offset. */
export const fromJstLocalInput = (value: string): string => `${value}:00${jstSuffix}`;

/** An instant as a `datetime-local` input's value, in JST wall clock (YYYY-MM-DDTHH:MM). */
export const toJstLocalInput = (iso: string): string => toJstIso(new Date(iso)).slice(0, 16);

/** The Japanese fiscal year (年度, April to March) an instant falls in, in Japan time: 2027-03-31 is 2026年度. */
export function jstFiscalYear(instant: Date): number {
  const [year, month] = jstParts(instant).date.split("-").map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}
