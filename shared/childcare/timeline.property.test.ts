/**
 * Properties of the child-rearing timeline that must hold for every birth or due date, checked with
 * fast-check over a century of dates (the worked examples are in timeline.test.ts). Expected values
 * are computed from the calendar (Date.UTC, Intl), not with the module's own date helpers.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { jstToday } from "../time";
import { timelineItems } from "./items";
import { type Child, childrenForNotice, cohortOf, cohortWindows, timelineFor, windowOf } from "./timeline";

const dayMs = 86_400_000;
const epoch = Date.UTC(1990, 0, 1);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
const daysFrom = (a: string, b: string) => (msOf(b) - msOf(a)) / dayMs;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Any day from 1990 to 2099. */
const anyDay = fc.integer({ min: 0, max: 40_000 }).map((n) => toDay(epoch + n * dayMs));
const anyChild = fc
  .record({ kind: fc.constantFrom("born" as const, "due" as const), date: anyDay })
  .map(({ kind, date }): Child => ({ id: "c", nickname: "ひよこ", kind, date }));
const bornOn = (date: string): Child => ({ id: date, nickname: "ひよこ", kind: "born", date });

const birthItems = timelineItems.flatMap((item) => (item.trigger.anchor === "birth" ? [{ item, trigger: item.trigger }] : []));

describe("timeline windows", () => {
  it("never end before they start", () => {
    fc.assert(
      fc.property(anyChild, anyDay, (child, today) => {
        for (const entry of timelineFor(child, today)) expect(entry.end >= entry.start, `${entry.item} ${child.date}`).toBe(true);
      }),
    );
  });

  it("open no earlier than the birth for every after-birth item, and close by the due date for pregnancy items", () => {
    fc.assert(
      fc.property(anyChild, (child) => {
        for (const item of timelineItems) {
          const window = windowOf(item, child);
          if (item.trigger.anchor === "birth") expect(window !== null && window.start >= child.date, item.id).toBe(true);
          if (item.trigger.anchor === "due") {
            if (child.kind === "born") expect(window, item.id).toBeNull();
            else expect(window && window.end <= child.date && daysFrom(window.start, child.date) <= 280, item.id).toBe(true);
          }
        }
      }),
    );
  });

  it("open n months after the birth on the same day of the month, or the month's last day when it is shorter", () => {
    const monthItems = birthItems.filter(({ trigger }) => trigger.from.months !== undefined && !trigger.from.days);
    fc.assert(
      fc.property(anyDay, fc.constantFrom(...monthItems), (birth, { item, trigger }) => {
        const [y, m, d] = birth.split("-").map(Number) as [number, number, number];
        const months = trigger.from.months ?? 0;
        const target = new Date(Date.UTC(y, m - 1 + months, 1));
        const [ty, tm] = [target.getUTCFullYear(), target.getUTCMonth() + 1];
        const expected = `${ty}-${String(tm).padStart(2, "0")}-${String(Math.min(d, daysInMonth(ty, tm))).padStart(2, "0")}`;
        expect(windowOf(item, bornOn(birth))?.start).toBe(expected);
      }),
    );
  });

  it("never open earlier for a child born later", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 400 }), fc.constantFrom(...timelineItems), (birth, later, item) => {
        const first = windowOf(item, bornOn(birth));
        const second = windowOf(item, bornOn(toDay(msOf(birth) + later * dayMs)));
        if (first && second) expect(second.start >= first.start).toBe(true);
      }),
    );
  });

  it("put the 保育施設 application in the autumn before the first April the child is 57 days old", () => {
    const nursery = timelineItems.find((item) => item.id === "nursery_april");
    fc.assert(
      fc.property(anyChild, (child) => {
        const window = nursery && windowOf(nursery, child);
        if (!window) throw new Error("no nursery window");
        const april = Number(window.start.slice(0, 4)) + 1;
        expect(window.start.slice(5)).toBe("09-01");
        expect(daysFrom(child.date, `${april}-04-01`)).toBeGreaterThanOrEqual(57);
        expect(daysFrom(child.date, `${april - 1}-04-01`)).toBeLessThan(57);
      }),
    );
  });

  it("put MR 2期 in the school year (April–March) in which the child turns 6 in law, on the eve of the birthday", () => {
    const mr2 = timelineItems.find((item) => item.id === "vac_mr2");
    fc.assert(
      fc.property(anyDay, (birth) => {
        const window = mr2 && windowOf(mr2, bornOn(birth));
        const [y, m, d] = birth.split("-").map(Number) as [number, number, number];
        const eve = toDay(Date.UTC(y + 6, m - 1, d) - dayMs);
        expect(window?.start.slice(5)).toBe("04-01");
        expect(window?.end.slice(5)).toBe("03-31");
        expect(window && eve >= window.start && eve <= window.end, `${birth} turns 6 on ${eve}`).toBe(true);
      }),
    );
  });
});

describe("whatever the device's time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });
  const zones = ["Pacific/Kiritimati", "Asia/Tokyo", "UTC", "America/Los_Angeles", "Pacific/Pago_Pago"];

  it("gives a child the same windows and statuses", () => {
    process.env.TZ = "Pacific/Kiritimati";
    const east = new Date(0).getTimezoneOffset();
    process.env.TZ = "Pacific/Pago_Pago";
    // The zone really changes in this process (else the property below would prove nothing).
    expect(new Date(0).getTimezoneOffset()).not.toBe(east);
    fc.assert(
      fc.property(anyChild, anyDay, (child, today) => {
        const timelines = zones.map((zone) => {
          process.env.TZ = zone;
          return timelineFor(child, today);
        });
        for (const timeline of timelines) expect(timeline).toEqual(timelines[0]);
      }),
      { numRuns: 50 },
    );
  });

  it("takes today as the calendar date in Japan", () => {
    const inJapan = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });
    fc.assert(
      fc.property(fc.integer({ min: epoch, max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...zones), (ms, zone) => {
        process.env.TZ = zone;
        expect(jstToday(new Date(ms))).toBe(inJapan.format(new Date(ms)));
      }),
    );
  });
});

describe("cohort notices agree with each child's own windows", () => {
  const anyCohort = fc.record({ kind: fc.constantFrom("born", "due"), month: fc.integer({ min: 0, max: 1300 }) }).map(({ kind, month }) => {
    const first = new Date(Date.UTC(1990, month, 1));
    return `${kind}:${first.toISOString().slice(0, 7)}`;
  });
  const childrenOf = (cohort: string): Child[] => {
    const [kind, month] = cohort.split(":") as ["born" | "due", string];
    const [y, m] = month.split("-").map(Number) as [number, number];
    return Array.from({ length: daysInMonth(y, m) }, (_, i) => ({
      id: `${month}-${String(i + 1).padStart(2, "0")}`,
      nickname: "ひよこ",
      kind,
      date: `${month}-${String(i + 1).padStart(2, "0")}`,
    }));
  };

  it("tell every child of the month about each of its items exactly once, on or before its window opens, and no one else", () => {
    fc.assert(
      fc.property(anyCohort, (cohort) => {
        const children = childrenOf(cohort);
        const stranger: Child = { id: "other-month", nickname: "ほか", kind: "born", date: "1980-01-15" };
        const notices = cohortWindows(cohort);
        const wrong: string[] = children.filter((child) => cohortOf(child) !== cohort).map((child) => `${child.date} not in ${cohort}`);
        for (const item of timelineItems) {
          const told = new Map<string, number>();
          for (const notice of notices.filter((n) => n.item === item.id)) {
            const addressed = childrenForNotice([...children, stranger], cohort, item.id, notice.start);
            // A notice goes out only when it has someone to tell, and before (or on) the day their window opens.
            if (addressed.length === 0) wrong.push(`${item.id} ${notice.start}: nobody`);
            for (const { child, start } of addressed) {
              if (child === stranger || start < notice.start) wrong.push(`${item.id} ${notice.start}: ${child.date} opens ${start}`);
              told.set(child.id, (told.get(child.id) ?? 0) + 1);
            }
          }
          const sent = cohort.startsWith("born:")
            ? item.trigger.anchor !== "due"
            : item.trigger.anchor === "due" || item.beforeBirth === true;
          for (const child of children)
            if ((told.get(child.id) ?? 0) !== (sent ? 1 : 0)) wrong.push(`${item.id}: ${child.date} told ${told.get(child.id) ?? 0}×`);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});
