import { describe, expect, it } from "vitest";
import { distanceText, formatDate, formatDateTime, ruleText, weekdayName } from "./format";

const plain = (k: string, v: Record<string, string | number> = {}) => `${k}${JSON.stringify(v)}`;

describe("dates in Japan time", () => {
  it("writes a date as the day it is in Japan, in the resident's language", () => {
    expect(formatDate("2026-12-02", "ja")).toBe("12月2日(水)");
    expect(formatDate("2026-12-02", "ja-easy")).toBe("{12月|じゅうにがつ}{2日|ふつか}({水|すい})");
    expect(formatDate("2026-12-02", "en")).toBe("Wed, December 2");
  });

  it("writes an instant as the date and time on a clock in Osaka", () => {
    expect(formatDateTime("2026-12-01T23:30:00Z", "ja", "long")).toBe("2026年12月2日 8:30");
    expect(formatDateTime("2026-12-01T23:30:00Z", "ja-easy", "medium")).toBe("2026/12/02 8:30");
  });

  it("names the weekdays from Sunday", () => {
    expect([0, 1, 6].map((d) => weekdayName(d, "en"))).toEqual(["Sunday", "Monday", "Saturday"]);
    expect(weekdayName(2, "ja")).toBe("火曜日");
  });
});

describe("schedules and distances", () => {
  it("words a weekly rule, and a monthly one with its weeks", () => {
    expect(ruleText({ weekday: 2, start: "14:00", end: "15:00" }, "en", plain)).toBe(
      'places.weekly{"weekday":"Tuesday","start":"14:00","end":"15:00"}',
    );
    expect(ruleText({ weekday: 3, start: "10:00", end: "11:30", weeks: [2, 4] }, "en", plain)).toContain(
      '"weeks":"places.nth{\\"n\\":2} & places.nth{\\"n\\":4}"',
    );
  });

  it("rounds metres to tens and shows kilometres past one", () => {
    expect(distanceText(234, "en")).toBe("230 m");
    expect(distanceText(1234, "en")).toBe("1.2 km");
  });
});
