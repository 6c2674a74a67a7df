import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromJstLocalInput, jstDateTime, jstNoon, jstParts, jstToday, jstZone, toJstIso, toJstLocalInput } from "./time";

describe("jstToday", () => {
  it("turns the day at 15:00 UTC, midnight in Japan", () => {
    expect(jstToday(new Date("2026-12-03T14:59:59.999Z"))).toBe("2026-12-03");
    expect(jstToday(new Date("2026-12-03T15:00:00Z"))).toBe("2026-12-04");
  });

  it("turns the year on New Year's Eve at 15:00 UTC", () => {
    expect(jstToday(new Date("2026-12-31T14:59:00Z"))).toBe("2026-12-31");
    expect(jstToday(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
  });

  it("gives each instant's own day whatever was asked before it (it keeps the last day asked)", () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
    const nearBy = (t: number) => fc.integer({ min: -2, max: 2 }).map((ms) => t + ms);
    fc.assert(
      fc.property(fc.array(instant.chain((t) => fc.tuple(fc.constant(t), nearBy(t - (t % 86_400_000) + 15 * 3_600_000)))), (pairs) => {
        for (const t of pairs.flat()) expect(jstToday(new Date(t))).toBe(jstParts(new Date(t)).date);
      }),
    );
  });
});

describe("jstParts", () => {
  it("gives the date, the time of day, the weekday and the day of month in Japan", () => {
    // 2026-12-01 is a Tuesday; 23:30 UTC on it is 08:30 on Wednesday the 2nd in Japan.
    expect(jstParts(new Date("2026-12-01T23:30:00Z"))).toEqual({ date: "2026-12-02", time: "08:30", weekday: 3, dayOfMonth: 2 });
    expect(jstParts(new Date("2026-12-01T05:00:00Z"))).toEqual({ date: "2026-12-01", time: "14:00", weekday: 2, dayOfMonth: 1 });
  });

  it("gives the last day of a month when Japan is still on it", () => {
    expect(jstParts(new Date("2027-02-28T14:00:00Z"))).toEqual({ date: "2027-02-28", time: "23:00", weekday: 0, dayOfMonth: 28 });
  });
});

describe("toJstIso and jstDateTime", () => {
  it("writes an instant in JST with the offset", () => {
    expect(toJstIso(new Date("2026-12-02T05:00:00Z"))).toBe("2026-12-02T14:00:00+09:00");
    expect(toJstIso(new Date("2026-12-02T15:30:00Z"))).toBe("2026-12-03T00:30:00+09:00");
  });

  it("makes the instant of a JST date and wall-clock time", () => {
    const iso = jstDateTime("2026-12-02", "19:00");
    expect(iso).toBe("2026-12-02T19:00:00+09:00");
    expect(new Date(iso).toISOString()).toBe("2026-12-02T10:00:00.000Z");
    expect(toJstIso(new Date(iso))).toBe(iso);
  });

  it("puts noon in Japan at 03:00 UTC: the same date in Japan, in UTC and as far east as UTC+13", () => {
    const noon = jstNoon("2026-12-02");
    expect(noon.toISOString()).toBe("2026-12-02T03:00:00.000Z");
    for (const timeZone of ["UTC", "Europe/London", jstZone, "Pacific/Auckland"])
      expect(new Intl.DateTimeFormat("en-CA", { timeZone }).format(noon)).toBe("2026-12-02");
  });
});

describe("datetime-local inputs", () => {
  it("reads an input's JST wall clock as an instant with the offset", () => {
    expect(fromJstLocalInput("2026-12-02T09:15")).toBe("2026-12-02T09:15:00+09:00");
    expect(new Date(fromJstLocalInput("2026-12-02T09:15")).toISOString()).toBe("2026-12-02T00:15:00.000Z");
  });

  it("shows any instant in the JST wall clock, whatever offset it was written with", () => {
    expect(toJstLocalInput("2026-12-02T00:15:00Z")).toBe("2026-12-02T09:15");
    expect(toJstLocalInput("2026-12-01T16:00:00-08:00")).toBe("2026-12-02T09:00");
  });

  it("round-trips: what an input shows reads back as the same instant", () => {
    for (const iso of ["2026-12-02T00:15:00.000Z", "2026-12-31T15:00:00.000Z", "2027-03-01T14:59:00.000Z"])
      expect(new Date(fromJstLocalInput(toJstLocalInput(iso))).toISOString()).toBe(iso);
    expect(toJstLocalInput(fromJstLocalInput("2026-12-02T23:45"))).toBe("2026-12-02T23:45");
  });
});
