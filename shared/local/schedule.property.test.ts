/**
 * Properties of a 通いの場's schedule for any rules, exceptions and moment (the worked examples are
 * in schedule.test.ts): the next meetings are never over, fall on a rule's weekday and week of the
 * month in Japan, skip the exception dates, come in order, and none is left out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Occurrence, type Schedule, Schedule as ScheduleSchema, upcoming } from "./schedule";

const dayMs = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The instant a meeting's time of day is reached on its date, in Japan (UTC+9, no summer time). */
const instantOf = (date: string, time: string) => Date.parse(`${date}T${time}:00+09:00`);
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** Which occurrence of its weekday in the month a date is: 1 + the same weekdays earlier in the month. */
function ordinalInMonth(date: string): number {
  let ordinal = 1;
  for (let earlier = Date.parse(`${date}T00:00:00Z`) - 7 * dayMs; toDay(earlier).slice(0, 7) === date.slice(0, 7); earlier -= 7 * dayMs)
    ordinal++;
  return ordinal;
}
const japanDate = (ms: number) => toDay(ms + 9 * 3_600_000);

const time = fc.integer({ min: 0, max: 24 * 60 - 1 }).map((minutes) => {
  const h = String(Math.floor(minutes / 60)).padStart(2, "0");
  return `${h}:${String(minutes % 60).padStart(2, "0")}`;
});
const rule = fc
  .record({
    weekday: fc.integer({ min: 0, max: 6 }),
    times: fc.uniqueArray(time, { minLength: 2, maxLength: 2 }).map((pair) => pair.sort()),
    weeks: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }), { nil: undefined }),
  })
  .map(({ weekday, times: [start, end], weeks }) => ({ weekday, start: start as string, end: end as string, ...(weeks ? { weeks } : {}) }));
/** A moment from 2000 to 2060, and a schedule whose exception dates fall in the weeks after it. */
const scheduleAndMoment = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }).chain((from) =>
  fc.record({
    from: fc.constant(from),
    schedule: fc.record({
      rules: fc.array(rule, { minLength: 1, maxLength: 14 }),
      except: fc.option(fc.uniqueArray(fc.integer({ min: -1, max: 70 }).map((n) => japanDate(from + n * dayMs))), { nil: undefined }),
    }),
  }),
);

const meetsOnDate = (schedule: Schedule, date: string) =>
  !schedule.except?.includes(date) &&
  schedule.rules.some((r) => r.weekday === weekdayOf(date) && (!r.weeks || r.weeks.includes(ordinalInMonth(date))));
const order = (o: Occurrence) => `${o.date} ${o.start}`;

describe("upcoming meetings", () => {
  it("are schedules the API accepts (the generator makes valid ones)", () => {
    fc.assert(fc.property(scheduleAndMoment, ({ schedule }) => ScheduleSchema.safeParse(schedule).success));
  });

  it("are never over, fall on a rule's weekday and week of the month, and skip the exception dates", () => {
    fc.assert(
      fc.property(scheduleAndMoment, ({ schedule, from }) => {
        for (const o of upcoming(schedule, new Date(from), 10)) {
          expect(instantOf(o.date, o.end)).toBeGreaterThan(from);
          expect(o.weekday).toBe(weekdayOf(o.date));
          expect(schedule.except ?? []).not.toContain(o.date);
          const rules = schedule.rules.filter((r) => r.weekday === o.weekday && r.start === o.start && r.end === o.end);
          expect(rules.some((r) => !r.weeks || r.weeks.includes(ordinalInMonth(o.date)))).toBe(true);
        }
      }),
    );
  });

  it("come in date and time order, each rule at most once a day", () => {
    fc.assert(
      fc.property(scheduleAndMoment, ({ schedule, from }) => {
        const found = upcoming(schedule, new Date(from), 20);
        expect(found.map(order)).toEqual(found.map(order).sort());
        const keys = found.map((o) => `${o.date} ${o.start} ${o.end}`);
        const rulesPerKey = (key: string) => schedule.rules.filter((r) => key.endsWith(` ${r.start} ${r.end}`)).length;
        for (const key of new Set(keys)) expect(keys.filter((k) => k === key).length).toBeLessThanOrEqual(rulesPerKey(key));
      }),
    );
  });

  it("leave no meeting out: no day before the next one has a meeting still to come", () => {
    fc.assert(
      fc.property(scheduleAndMoment, ({ schedule, from }) => {
        const [next] = upcoming(schedule, new Date(from), 1);
        const today = japanDate(from);
        const last = next?.date ?? japanDate(from + 70 * dayMs);
        for (let ms = Date.parse(`${today}T00:00:00Z`); toDay(ms) <= last; ms += dayMs) {
          const date = toDay(ms);
          if (!meetsOnDate(schedule, date)) continue;
          const still = schedule.rules.filter(
            (r) => r.weekday === weekdayOf(date) && (!r.weeks || r.weeks.includes(ordinalInMonth(date))) && instantOf(date, r.end) > from,
          );
          for (const r of still) {
            // Any meeting still to come on or before the next one's day is the next one, or after it.
            expect(next, `${date} ${r.start}`).toBeDefined();
            if (next) expect(order(next) <= `${date} ${r.start}`).toBe(true);
          }
        }
      }),
    );
  });

  it("never move earlier as time passes", () => {
    fc.assert(
      fc.property(scheduleAndMoment, fc.integer({ min: 1, max: 14 * 24 * 60 }), ({ schedule, from }, minutes) => {
        const [now] = upcoming(schedule, new Date(from), 1);
        const [later] = upcoming(schedule, new Date(from + minutes * 60_000), 1);
        if (now && later) expect(order(later) >= order(now)).toBe(true);
      }),
    );
  });
});
