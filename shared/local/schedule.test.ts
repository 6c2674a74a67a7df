import { describe, expect, it } from "vitest";
import { jstDateTime } from "../time";
import { nextOccurrence, type Schedule, Schedule as ScheduleSchema, timeOfDay, upcoming } from "./schedule";

/** An instant given in Japan time. */
/** An instant from a JST date and time, "2026-12-08T14:30:00". */
const jst = (local: string) => new Date(jstDateTime(local.slice(0, 10), local.slice(11, 16)));
const tuesdaysExceptFirst: Schedule = { rules: [{ weekday: 2, start: "14:00", end: "15:00", weeks: [2, 3, 4, 5] }] };

describe("nextOccurrence", () => {
  it("skips the first Tuesday of the month when the rule says so", () => {
    // 2026-12-01 is the first Tuesday of December; the next meeting is the 8th.
    expect(nextOccurrence(tuesdaysExceptFirst, jst("2026-11-30T10:00:00"))).toEqual({
      date: "2026-12-08",
      weekday: 2,
      start: "14:00",
      end: "15:00",
    });
  });

  it("counts a meeting under way until it ends, then moves to the next week", () => {
    const weekly: Schedule = { rules: [{ weekday: 2, start: "14:00", end: "15:00" }] };
    expect(nextOccurrence(weekly, jst("2026-12-08T14:30:00"))?.date).toBe("2026-12-08");
    expect(nextOccurrence(weekly, jst("2026-12-08T15:00:00"))?.date).toBe("2026-12-15");
  });

  it("works in Japan time whatever the instant's UTC date", () => {
    // 2026-12-07T16:00Z is Tuesday 8 December 01:00 in Japan.
    const weekly: Schedule = { rules: [{ weekday: 2, start: "10:00", end: "11:00" }] };
    expect(nextOccurrence(weekly, new Date("2026-12-07T16:00:00Z"))?.date).toBe("2026-12-08");
  });

  it("leaves out the dates it does not meet", () => {
    const weekly: Schedule = { rules: [{ weekday: 2, start: "14:00", end: "15:00" }], except: ["2026-12-29"] };
    expect(upcoming(weekly, jst("2026-12-23T00:00:00"), 2).map((o) => o.date)).toEqual(["2027-01-05", "2027-01-12"]);
  });

  it("lists several rules of one day in order, and the fifth-week rule only in months that have one", () => {
    const schedule: Schedule = {
      rules: [
        { weekday: 5, start: "13:30", end: "14:30" },
        { weekday: 5, start: "10:00", end: "11:00", weeks: [5] },
      ],
    };
    // January 2027 has a fifth Friday (the 29th); February 2027 does not.
    expect(upcoming(schedule, jst("2027-01-29T00:00:00"), 2)).toMatchObject([
      { date: "2027-01-29", start: "10:00" },
      { date: "2027-01-29", start: "13:30" },
    ]);
    expect(upcoming(schedule, jst("2027-02-01T00:00:00"), 6).filter((o) => o.start === "10:00")).toEqual([]);
  });

  it("finds nothing when every date in reach is excepted", () => {
    const onceAMonth: Schedule = {
      rules: [{ weekday: 1, start: "10:00", end: "11:00", weeks: [1] }],
      except: ["2026-12-07", "2027-01-04", "2027-02-01"],
    };
    expect(nextOccurrence(onceAMonth, jst("2026-12-01T00:00:00"))).toBeNull();
  });
});

describe("Schedule", () => {
  it("refuses a rule that ends before it starts, or a bad time", () => {
    expect(ScheduleSchema.safeParse({ rules: [{ weekday: 2, start: "15:00", end: "14:00" }] }).success).toBe(false);
    expect(ScheduleSchema.safeParse({ rules: [{ weekday: 2, start: "25:00", end: "26:00" }] }).success).toBe(false);
    expect(ScheduleSchema.safeParse({ rules: [] }).success).toBe(false);
  });
});

describe("timeOfDay", () => {
  it("puts a start in the morning, afternoon or evening", () => {
    expect([timeOfDay("09:30"), timeOfDay("12:00"), timeOfDay("17:00")]).toEqual(["morning", "afternoon", "evening"]);
  });
});
