/**
 * When a 通いの場 meets: weekly rules such as "every Tuesday 14:00–15:00 except the first", plus
 * dates it does not meet (the hall closed) and, where the place says so, 年末年始 and national holidays. The next date is worked out on the device, in
 * Japan time, so a resident offline still sees 「次回: 12月2日(火) 14:00」.
 */
import { z } from "zod/mini";
import { jstParts } from "../time";
import { ClosedDayKind, skipsDate } from "./closed-days";

const Time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM"));
const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"));

export const ScheduleRule = z
  .object({
    /** 0 = Sunday … 6 = Saturday */
    weekday: z.int().check(z.minimum(0), z.maximum(6)),
    start: Time,
    end: Time,
    /** Which of the month's occurrences of the weekday (1–5); absent: every week. [2, 3, 4, 5] is "except the first". */
    weeks: z.optional(z.array(z.int().check(z.minimum(1), z.maximum(5))).check(z.minLength(1), z.maxLength(5))),
  })
  .check(z.refine((r) => r.start < r.end, { message: "the end comes after the start", path: ["end"] }));
export type ScheduleRule = z.infer<typeof ScheduleRule>;

export const Schedule = z.object({
  rules: z.array(ScheduleRule).check(z.minLength(1), z.maxLength(14)),
  /** Dates it does not meet, in Japan time. */
  except: z.optional(z.array(IsoDate).check(z.maxLength(100))),
  /** Kinds of days it does not meet: 年末年始 (12/29–1/3), national holidays (closed-days.ts). */
  skip: z.optional(z.array(ClosedDayKind).check(z.maxLength(2))),
});
export type Schedule = z.infer<typeof Schedule>;

export interface Occurrence {
  /** YYYY-MM-DD in Japan time */
  date: string;
  weekday: number;
  start: string;
  end: string;
}

const day = 24 * 60 * 60 * 1000;

/** Whether the rule meets on a date: its weekday, and (if it says) that occurrence in the month. */
export function meetsOn(rule: ScheduleRule, weekday: number, dayOfMonth: number): boolean {
  if (rule.weekday !== weekday) return false;
  return !rule.weeks || rule.weeks.includes(Math.ceil(dayOfMonth / 7));
}

/**
 * The meetings from `from` on (one still under way counts until it ends), at most `count`, looking
 * ahead at most `days` days.
 */
export function upcoming(schedule: Schedule, from: Date, count = 1, days = 70): Occurrence[] {
  const now = jstParts(from);
  const except = new Set(schedule.except ?? []);
  const found: Occurrence[] = [];
  for (let offset = 0; offset <= days && found.length < count; offset++) {
    const parts = jstParts(new Date(from.getTime() + offset * day));
    if (except.has(parts.date) || skipsDate(schedule.skip, parts.date)) continue;
    const today = schedule.rules
      .filter((rule) => meetsOn(rule, parts.weekday, parts.dayOfMonth))
      .filter((rule) => offset > 0 || rule.end > now.time)
      .sort((a, b) => a.start.localeCompare(b.start));
    for (const rule of today) {
      if (found.length < count) found.push({ date: parts.date, weekday: parts.weekday, start: rule.start, end: rule.end });
    }
  }
  return found;
}

export function nextOccurrence(schedule: Schedule, from: Date): Occurrence | null {
  return upcoming(schedule, from, 1)[0] ?? null;
}

/** The part of the day a meeting starts in, for the finder's filter. */
export const timesOfDay = ["morning", "afternoon", "evening"] as const;
export type TimeOfDay = (typeof timesOfDay)[number];
export function timeOfDay(start: string): TimeOfDay {
  return start < "12:00" ? "morning" : start < "17:00" ? "afternoon" : "evening";
}
