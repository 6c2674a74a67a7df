import { describe, expect, it } from "vitest";
import { countOf, standingOut, themeCount } from "./matching";

describe("standingOut", () => {
  it("marks a theme needed at least as much as the average theme and with fewer policies than the average", () => {
    // Mean need of shown themes: (0.6 + 0.4 + 0.2) / 3 = 0.4; mean policies: (0 + 1 + 3 + 4) / 4 = 2.
    const rows = [
      { share: 0.6, policies: 0 },
      { share: 0.4, policies: 1 },
      { share: 0.2, policies: 3 },
      { share: null, policies: 4 },
    ];
    expect(standingOut(rows)).toEqual([true, true, false, false]);
  });

  it("does not mark a well-covered theme however high its need", () => {
    expect(
      standingOut([
        { share: 0.9, policies: 2 },
        { share: 0.1, policies: 2 },
      ]),
    ).toEqual([false, false]);
  });

  it("marks nothing when every share is hidden", () => {
    expect(standingOut([{ share: null, policies: 0 }])).toEqual([false]);
  });
});

describe("themeCount", () => {
  it("adds exclusive options, takes the largest of several ticks, and hides what any hidden count would reveal", () => {
    expect(themeCount("single", [12, 30])).toBe(42);
    expect(themeCount("multiple", [12, 30])).toBe(30);
    expect(themeCount("single", [12, null])).toBeNull();
    expect(themeCount("multiple", [])).toBe(0);
  });

  it("reads a hidden count as hidden and an absent option as nobody", () => {
    const options = [
      { key: "a", count: null },
      { key: "b", count: 14 },
    ];
    expect(countOf(options, "a")).toBeNull();
    expect(countOf(options, "b")).toBe(14);
    expect(countOf(options, "c")).toBe(0);
  });
});
