import { describe, expect, it } from "vitest";
import { blank, fieldsOf, type Kind, tabs, titleOf } from "./localKinds";

const kinds = tabs.filter((t): t is Kind => t !== "joins");

describe("the local information forms", () => {
  it("start every field of a kind's form, in the ward, with nothing else", () => {
    for (const kind of kinds) {
      const item = blank(kind, "27127");
      expect(Object.keys(item).sort(), kind).toEqual(["ward", ...fieldsOf(kind).map((f) => f.key)].sort());
      expect(item.ward).toBe("27127");
    }
  });

  it("start a meeting two weeks on, 19:00 to 21:00 in Japan, whatever the hour in UTC", () => {
    // 16:00 UTC on 1 December is already 2 December in Osaka.
    const meeting = blank("meetings", "27127", new Date("2026-12-01T16:00:00Z"));
    expect(meeting.startsAt).toBe("2026-12-16T19:00:00+09:00");
    expect(meeting.endsAt).toBe("2026-12-16T21:00:00+09:00");
    expect(blank("places", "27127", new Date("2026-12-01T16:00:00Z")).confirmedOn).toBe("2026-12-02");
  });

  it("name an item by its name, or a meeting by its title", () => {
    expect(titleOf({ name: "扇町百歳体操" })).toBe("扇町百歳体操");
    expect(titleOf({ title: "第3回区政会議" })).toBe("第3回区政会議");
    expect(titleOf({})).toBe("");
  });
});
