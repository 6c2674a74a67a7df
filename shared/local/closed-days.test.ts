import { describe, expect, it } from "vitest";
import { isNationalHoliday, isYearEnd } from "./closed-days";
import { icsFor } from "./ics";
import { type Schedule, upcoming } from "./schedule";

const at = (date: string) => new Date(`${date}T09:00:00+09:00`);
const tuesdays: Schedule = { rules: [{ weekday: 2, start: "14:00", end: "15:00" }] };
const mondays: Schedule = { rules: [{ weekday: 1, start: "10:00", end: "11:00" }] };

describe("days a 通いの場 does not meet", () => {
  it("knows 年末年始 as 12/29 to 1/3", () => {
    expect(["2026-12-28", "2026-12-29", "2026-12-31", "2027-01-01", "2027-01-03", "2027-01-04"].map(isYearEnd)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it("computes national holidays, with 振替休日 and 国民の休日, in Japan's calendar", () => {
    const holidays = ["2026-01-01", "2026-01-12", "2026-03-20", "2026-05-06", "2026-09-21", "2026-09-22", "2026-09-23", "2027-03-22"];
    expect(holidays.filter((date) => !isNationalHoliday(date))).toEqual([]);
    expect(["2026-01-13", "2026-05-07", "2026-12-29", "2027-03-23"].filter(isNationalHoliday)).toEqual([]);
  });

  it("skips 12/29 for a weekly Tuesday that says so, and only then", () => {
    expect(upcoming(tuesdays, at("2026-12-25"), 2).map((o) => o.date)).toEqual(["2026-12-29", "2027-01-05"]);
    expect(upcoming({ ...tuesdays, skip: ["yearEnd"] }, at("2026-12-25"), 2).map((o) => o.date)).toEqual(["2027-01-05", "2027-01-12"]);
  });

  it("skips 成人の日 for a weekly Monday closed on holidays", () => {
    expect(upcoming({ ...mondays, skip: ["holidays"] }, at("2026-01-05"), 3).map((o) => o.date)).toEqual([
      "2026-01-05",
      "2026-01-19",
      "2026-01-26",
    ]);
  });

  it("leaves the skipped days out of the calendar file too", () => {
    const ics = icsFor({
      uid: "p1",
      title: "百歳体操",
      location: "会館",
      description: "",
      url: null,
      schedule: { ...tuesdays, skip: ["yearEnd"] },
      from: at("2026-12-01"),
    });
    expect(ics).toContain("EXDATE;TZID=Asia/Tokyo:20261229T140000");
    expect(ics).not.toContain("EXDATE;TZID=Asia/Tokyo:20261222T140000");
  });
});
