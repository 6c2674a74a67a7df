import { describe, expect, it } from "vitest";
import { letterDeadline } from "./letter-text";

describe("letterDeadline", () => {
  it("prints the last whole day, in Japan, for a survey that closes at midnight there", () => {
    // 2026-12-21 00:00 in Japan is 2026-12-20 15:00 UTC: the last day to answer is Sunday the 20th.
    expect(letterDeadline("2026-12-20T15:00:00.000Z")).toBe("2026年12月20日（日）");
    expect(letterDeadline("2026-12-21T00:00:00+09:00")).toBe("2026年12月20日（日）");
  });

  it("prints the day and the time for a survey that closes during the day, in Japan time whatever the zone given", () => {
    expect(letterDeadline("2026-12-25T17:00:00+09:00")).toBe("2026年12月25日（金）17:00まで");
    // 23:30 UTC on the 31st is 8:30 on New Year's Day in Japan.
    expect(letterDeadline("2026-12-31T23:30:00.000Z")).toBe("2027年1月1日（金）8:30まで");
  });
});
