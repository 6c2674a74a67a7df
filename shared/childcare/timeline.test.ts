import { describe, expect, it } from "vitest";
import { jstToday } from "../time";
import { addDays, addMonths } from "./dates";
import { timelineItems } from "./items";
import {
  type Child,
  childrenForNotice,
  cohortOf,
  cohortWindows,
  familyTimeline,
  nurseryApril,
  prenatalCheckups,
  schoolEntryYear,
  timelineFor,
} from "./timeline";

const born = (date: string, id = "a"): Child => ({ id, nickname: "ひよこ", kind: "born", date });
const due = (date: string, id = "a"): Child => ({ id, nickname: "まめ", kind: "due", date });
const entry = (child: Child, item: string, today = "2026-11-26", done = new Set<string>()) =>
  timelineFor(child, today, done).find((e) => e.item === item);

describe("dates", () => {
  it("adds months to the same day, clamped to the month's end, leap years included", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });

  it("takes today as the date in Japan: a new day begins at midnight JST", () => {
    expect(jstToday(new Date("2026-12-03T14:59:59Z"))).toBe("2026-12-03");
    expect(jstToday(new Date("2026-12-03T15:00:00Z"))).toBe("2026-12-04");
  });
});

describe("timelineFor", () => {
  it("gives 出生届 14 days counting the day of birth, due on the last day and overdue the day after", () => {
    const child = born("2026-11-20");
    expect(entry(child, "birth_registration")).toMatchObject({ start: "2026-11-20", end: "2026-12-03", deadline: true });
    expect(entry(child, "birth_registration", "2026-12-03")?.status).toBe("due");
    expect(entry(child, "birth_registration", "2026-12-04")?.status).toBe("overdue");
    expect(entry(child, "birth_registration", "2026-12-04", new Set(["birth_registration"]))?.status).toBe("done");
  });

  it("puts check-ups at month ends and leap days where the months fall", () => {
    expect(entry(born("2026-01-31"), "checkup_1m")).toMatchObject({ start: "2026-02-28", end: "2026-03-31" });
    expect(entry(born("2028-01-31"), "checkup_1m")?.start).toBe("2028-02-29");
    expect(entry(born("2028-02-29"), "vac_mr1")).toMatchObject({ start: "2029-02-28", end: "2030-02-27" });
    expect(entry(born("2026-11-26"), "checkup_3m")).toMatchObject({ start: "2027-02-26", end: "2027-03-26", status: "upcoming" });
  });

  it("gives ロタウイルス its first dose from 6 weeks to 14 weeks 6 days", () => {
    expect(entry(born("2026-01-01"), "vac_rota")).toMatchObject({ start: "2026-02-12", end: "2026-04-15" });
  });

  it("works out a child expected from the due date, as estimates, with the pregnancy items", () => {
    const child = due("2027-03-01");
    expect(entry(child, "pregnancy_report")).toMatchObject({ start: "2026-05-25", end: "2026-08-10", estimated: false, status: "overdue" });
    expect(entry(child, "prenatal_checkups")).toMatchObject({ end: "2027-03-01", status: "due" });
    expect(entry(child, "checkup_3m")).toMatchObject({ start: "2027-06-01", estimated: true });
  });

  it("moves everything to the real birth date when a baby comes early, and drops the pregnancy items", () => {
    const early = { ...due("2027-03-01"), kind: "born" as const, date: "2027-02-01" };
    expect(entry(early, "checkup_3m")).toMatchObject({ start: "2027-05-01", estimated: false });
    expect(entry(early, "pregnancy_report")).toBeUndefined();
    expect(entry(early, "prenatal_checkups")).toBeUndefined();
  });

  it("covers every item of the timeline for a child born today", () => {
    expect(
      timelineFor(born("2026-11-26"), "2026-11-26")
        .map((e) => e.item)
        .sort(),
    ).toEqual(
      timelineItems
        .filter((i) => i.trigger.anchor !== "due")
        .map((i) => i.id)
        .sort(),
    );
  });
});

describe("calendar items", () => {
  it("puts MR 2期 in the year before school: those born 1 April start a year before those born 2 April", () => {
    expect(schoolEntryYear("2026-04-01")).toBe(2032);
    expect(schoolEntryYear("2026-04-02")).toBe(2033);
    expect(entry(born("2026-04-01"), "vac_mr2")).toMatchObject({ start: "2031-04-01", end: "2032-03-31" });
  });

  it("applies for the first April the child is 57 days old, in the October before it", () => {
    expect(nurseryApril("2026-02-03")).toBe(2026);
    expect(nurseryApril("2026-02-04")).toBe(2027);
    expect(entry(born("2026-05-10"), "nursery_april")).toMatchObject({
      start: "2026-09-01",
      end: "2026-10-15",
      deadline: true,
      status: "overdue",
    });
    // Expected in December: the October before the birth is the one to apply in.
    expect(entry(due("2027-12-10"), "nursery_april")).toMatchObject({ start: "2027-09-01", end: "2027-10-15", estimated: true });
  });
});

describe("several children", () => {
  it("keeps twins' items apart and gives them two more prenatal check-ups", () => {
    const twins = [born("2026-10-01", "a"), born("2026-10-01", "b")];
    const all = familyTimeline(twins, "2026-11-26", () => new Set(["checkup_1m"]));
    expect(all.filter((e) => e.item === "checkup_1m").map((e) => [e.child, e.status])).toEqual([
      ["a", "done"],
      ["b", "done"],
    ]);
    expect(prenatalCheckups({ ...due("2027-03-01"), multiple: true })).toBe(16);
    expect(prenatalCheckups(due("2027-03-01"))).toBe(14);
  });

  it("lists a family's items overdue first, then due, then upcoming, then done", () => {
    const all = familyTimeline([born("2026-11-01", "a"), due("2027-05-01", "b")], "2026-11-26", (id) =>
      id === "a" ? new Set(["birth_registration"]) : new Set(),
    );
    const ranks = all.map((e) => ["overdue", "due", "upcoming", "done"].indexOf(e.status));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(all.at(-1)).toMatchObject({ child: "a", item: "birth_registration", status: "done" });
  });
});

describe("cohortOf", () => {
  it("is a month, never a date", () => {
    expect(cohortOf(born("2026-11-20"))).toBe("born:2026-11");
    expect(cohortOf(due("2027-03-01"))).toBe("due:2027-03");
  });
});

describe("cohort notices", () => {
  it("opens each birth item once a month, on the day it opens for a child born on the 1st", () => {
    const windows = cohortWindows("born:2026-01");
    const checkup = windows.filter((w) => w.item === "checkup_3m");
    expect(checkup).toEqual([{ item: "checkup_3m", start: "2026-04-01" }]);
    expect(windows.find((w) => w.item === "birth_registration")).toEqual({ item: "birth_registration", start: "2026-01-01" });
    // Nothing of the pregnancy goes to a born cohort.
    expect(windows.some((w) => w.item === "pregnancy_report")).toBe(false);
  });

  it("gives a February cohort two 保育施設 notices, a year apart: born by 3 February is old enough for April", () => {
    // 2026 is not a leap year: 1 April is 57 days after 3 February.
    const nursery = cohortWindows("born:2026-02").filter((w) => w.item === "nursery_april");
    expect(nursery).toEqual([
      { item: "nursery_april", start: "2025-09-01" },
      { item: "nursery_april", start: "2026-09-01" },
    ]);
    const early: Child = { id: "a", nickname: "あ", kind: "born", date: "2026-02-03" };
    const late: Child = { id: "b", nickname: "い", kind: "born", date: "2026-02-04" };
    expect(childrenForNotice([early, late], "born:2026-02", "nursery_april", "2025-09-01").map((c) => c.child.id)).toEqual(["a"]);
    expect(childrenForNotice([early, late], "born:2026-02", "nursery_april", "2026-09-01").map((c) => c.child.id)).toEqual(["b"]);
  });

  it("sends only pregnancy items and the ones shown before birth to a due cohort", () => {
    const items = new Set(cohortWindows("due:2027-03").map((w) => w.item));
    expect(items).toEqual(new Set(["pregnancy_report", "prenatal_checkups", "family_center", "nursery_april"]));
    expect(cohortWindows("due:2027-03").find((w) => w.item === "prenatal_checkups")?.start).toBe(addDays("2027-03-01", -203));
  });

  it("addresses every child of the cohort whose window opens within the month, twins and siblings alike", () => {
    const kids: Child[] = [
      { id: "t1", nickname: "そら", kind: "born", date: "2026-05-31" },
      { id: "t2", nickname: "うみ", kind: "born", date: "2026-05-31" },
      { id: "x", nickname: "あお", kind: "born", date: "2024-05-10" },
    ];
    const told = childrenForNotice(kids, "born:2026-05", "checkup_3m", "2026-08-01");
    expect(told.map((c) => c.child.id)).toEqual(["t1", "t2"]);
    // 31 May + 3 months is 31 August; + 4 months clamps to 30 September.
    expect(told[0]).toMatchObject({ start: "2026-08-31", end: "2026-09-30" });
  });
});
