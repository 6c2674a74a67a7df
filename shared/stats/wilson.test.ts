import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("matches hand-computed values", () => {
    // 487 of 1000 (the plan's 48.7 %): p = .487, z = 1.96 → [0.4560, 0.5181].
    const [low, high] = wilsonInterval(487, 1000) as [number, number];
    expect(low).toBeCloseTo(0.456, 3);
    expect(high).toBeCloseTo(0.5181, 3);
    // 8 of 20: [0.2188, 0.6134].
    const [l2, h2] = wilsonInterval(8, 20) as [number, number];
    expect(l2).toBeCloseTo(0.2188, 3);
    expect(h2).toBeCloseTo(0.6134, 3);
  });

  it("stays within 0 and 1 at the edges", () => {
    const [low0, high0] = wilsonInterval(0, 10) as [number, number];
    expect(low0).toBeCloseTo(0, 12);
    expect(high0).toBeCloseTo(0.2775, 3);
    const [low1, high1] = wilsonInterval(10, 10) as [number, number];
    expect(low1).toBeCloseTo(0.7225, 3);
    expect(high1).toBeCloseTo(1, 12);
  });

  it("has no interval without respondents", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
  });
});
