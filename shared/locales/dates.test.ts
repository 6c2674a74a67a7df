import { describe, expect, it } from "vitest";
import { dateText, dayReading } from "./dates";
import { plainText } from "./ruby";

const noonJst = (day: string) => new Date(`${day}T03:00:00Z`);

describe("dates in やさしい日本語", () => {
  it("reads every day of the month as Japanese does", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(dayReading)).toEqual([
      "ついたち",
      "ふつか",
      "みっか",
      "よっか",
      "いつか",
      "むいか",
      "なのか",
      "ようか",
      "ここのか",
      "とおか",
    ]);
    expect(dayReading(11)).toBe("じゅういちにち");
    expect(dayReading(14)).toBe("じゅうよっか");
    expect(dayReading(17)).toBe("じゅうしちにち");
    expect(dayReading(19)).toBe("じゅうくにち");
    expect(dayReading(20)).toBe("はつか");
    expect(dayReading(24)).toBe("にじゅうよっか");
    expect(dayReading(30)).toBe("さんじゅうにち");
    expect(dayReading(31)).toBe("さんじゅういちにち");
  });

  it("puts furigana on the month, the day, the weekday and the year, and keeps the Japanese date underneath", () => {
    const options = { month: "long", day: "numeric", weekday: "short" } as const;
    expect(dateText(noonJst("2026-04-01"), "ja-easy", options)).toBe("{4月|しがつ}{1日|ついたち}({水|すい})");
    expect(plainText(dateText(noonJst("2026-04-01"), "ja-easy", options))).toBe(dateText(noonJst("2026-04-01"), "ja", options));
    expect(dateText(noonJst("2026-12-20"), "ja-easy", { dateStyle: "long" })).toBe("2026{年|ねん}{12月|じゅうにがつ}{20日|はつか}");
    expect(dateText(noonJst("2026-09-06"), "ja-easy", { weekday: "long" })).toBe("{日曜日|にちようび}");
  });

  it("writes the other languages' dates with no markup, in Japan time", () => {
    // 23:30 on the 5th in UTC is the 6th in Japan.
    expect(dateText(new Date("2026-12-05T23:30:00Z"), "en", { month: "long", day: "numeric" })).toBe("December 6");
    expect(dateText(new Date("2026-12-05T23:30:00Z"), "ja", { month: "long", day: "numeric" })).toBe("12月6日");
  });
});
