import { describe, expect, it } from "vitest";
import { poststratify } from "./weighting";

describe("poststratify", () => {
  it("weights each band by its population share (hand-computed)", () => {
    // Young: 10 answered, 2 chose; old: 30 answered, 24 chose. Population 60 % young, 40 % old.
    // Unweighted 26/40 = 0.65; weighted 0.6 × 0.2 + 0.4 × 0.8 = 0.44.
    const result = poststratify([
      { answered: 10, chose: 2, population: 6000 },
      { answered: 30, chose: 24, population: 4000 },
    ]);
    expect(result?.share).toBeCloseTo(0.44, 10);
    // Weights: young 0.06 each (×10), old 0.01333 each (×30): n_eff = 1² / (10×0.0036 + 30×0.0001778) = 1 / 0.04133 = 24.19.
    expect(result?.effectiveN).toBeCloseTo(24.194, 2);
    const [low, high] = result?.interval ?? [0, 0];
    expect(low).toBeLessThan(0.44);
    expect(high).toBeGreaterThan(0.44);
  });

  it("equals the plain share when the sample mirrors the population", () => {
    const result = poststratify([
      { answered: 30, chose: 15, population: 3000 },
      { answered: 70, chose: 14, population: 7000 },
    ]);
    expect(result?.share).toBeCloseTo(29 / 100, 10);
    expect(result?.effectiveN).toBeCloseTo(100, 10);
  });

  it("leaves out bands without respondents and rescales the others", () => {
    const result = poststratify([
      { answered: 0, chose: 0, population: 5000 },
      { answered: 10, chose: 5, population: 2500 },
      { answered: 10, chose: 10, population: 2500 },
    ]);
    expect(result?.share).toBeCloseTo(0.75, 10);
  });

  it("has no estimate without respondents", () => {
    expect(poststratify([{ answered: 0, chose: 0, population: 100 }])).toBeNull();
  });
});
