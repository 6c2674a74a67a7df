import { describe, expect, it } from "vitest";
import { distanceMetres } from "./distance";
import { icsFor } from "./ics";

describe("icsFor", () => {
  const ics = icsFor({
    uid: "place-1",
    title: "菅北いきいき百歳体操",
    location: "大阪市北区菅北1丁目2-5, 菅北会館",
    description: "動きやすい服装で; 椅子に座ってできる体操です。",
    url: "https://www.city.osaka.lg.jp/kita/",
    schedule: { rules: [{ weekday: 2, start: "14:00", end: "15:00", weeks: [2, 3, 4, 5] }], except: ["2026-12-29"] },
    from: new Date("2026-11-30T01:00:00Z"),
  });
  const lines = ics.replace(/\r\n /g, "").split("\r\n");

  it("repeats the meeting as the schedule says, in Japan time, from its next date", () => {
    expect(lines).toContain("DTSTART;TZID=Asia/Tokyo:20261208T140000");
    expect(lines).toContain("DTEND;TZID=Asia/Tokyo:20261208T150000");
    expect(lines).toContain("RRULE:FREQ=MONTHLY;BYDAY=2TU,3TU,4TU,5TU");
    expect(lines).toContain("EXDATE;TZID=Asia/Tokyo:20261229T140000");
    expect(lines).toContain("TZID:Asia/Tokyo");
  });

  it("escapes text and folds long lines at 75 octets with CRLF endings", () => {
    expect(lines).toContain("LOCATION:大阪市北区菅北1丁目2-5\\, 菅北会館");
    expect(lines).toContain("DESCRIPTION:動きやすい服装で\\; 椅子に座ってできる体操です。");
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});

describe("distanceMetres", () => {
  it("matches a hand-checked distance: Osaka station to Namba, about 4.1 km", () => {
    const d = distanceMetres({ latitude: 34.7025, longitude: 135.4959 }, { latitude: 34.6659, longitude: 135.5013 });
    expect(d).toBeGreaterThan(4000);
    expect(d).toBeLessThan(4200);
  });
});
