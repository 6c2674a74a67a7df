import { describe, expect, it } from "vitest";
import { shareScale, tickLabel } from "./share-scale";

describe("shareScale", () => {
  it("widens the values by five points and rounds out to tens of percent, within 0–100 %", () => {
    const scale = shareScale([0.42, 0.61, 0.5]);
    expect(scale?.low).toBeCloseTo(0.3);
    expect(scale?.high).toBeCloseTo(0.7);
    expect(scale?.ticks.map(tickLabel)).toEqual(["30%", "40%", "50%", "60%", "70%"]);
    expect(scale?.at(0.5)).toBeCloseTo(0.5);
    expect(shareScale([0.01, 0.99])).toMatchObject({ low: 0, high: 1 });
  });

  it("draws nothing without a value, and a scale of one tenth around a single extreme value", () => {
    expect(shareScale([])).toBeNull();
    const top = shareScale([1]);
    expect(top?.high).toBe(1);
    expect(top?.ticks.map(tickLabel)).toEqual(["90%", "100%"]);
    expect(top?.at(1)).toBeCloseTo(1);
  });
});
