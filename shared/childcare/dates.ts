/**
 * Calendar dates as the timeline uses them: plain YYYY-MM-DD days with no time of day, so a
 * reminder never shifts by a time zone. "Today" is the date in Japan. Adding months keeps the day
 * of month, clamped to the month's end (31 January + 1 month = 28 or 29 February), as Japanese
 * age rules count months.
 */

export type Day = string;

const parse = (day: Day) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return { y, m, d };
};
const format = (date: Date): Day => date.toISOString().slice(0, 10);
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const { y, m, d } = parse(text);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function addDays(day: Day, days: number): Day {
  const { y, m, d } = parse(day);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

export function addMonths(day: Day, months: number): Day {
  const { y, m, d } = parse(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, daysInMonth(year, month))).padStart(2, "0")}`;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const yearOf = (day: Day) => parse(day).y;
