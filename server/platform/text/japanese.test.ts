import { afterEach, describe, expect, it, vi } from "vitest";
import { japaneseTokenizer } from "./japanese";

afterEach(() => {
  vi.useRealTimers();
});

describe("the Japanese analyser", () => {
  it("keeps its dictionary while in use, and lets it go after a minute without use", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
    const first = japaneseTokenizer();
    expect((await first).tokenize("大阪市北区").length).toBeGreaterThan(0);
    vi.advanceTimersByTime(30_000);
    // Used again within the minute: the same built dictionary.
    expect(japaneseTokenizer()).toBe(first);
    vi.advanceTimersByTime(59_000);
    expect(japaneseTokenizer()).toBe(first);
    // A minute and more without use: let go, built again on the next use.
    vi.advanceTimersByTime(61_000);
    const again = japaneseTokenizer();
    expect(again).not.toBe(first);
    expect((await again).tokenize("通いの場").length).toBeGreaterThan(0);
  }, 30_000);
});
