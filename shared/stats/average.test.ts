import { describe, expect, it } from "vitest";
import { averageOfShares } from "./average";

describe("averageOfShares", () => {
  it("averages the wards' shares with the margin of independent samples", () => {
    // Hand-computed: mean = (0.5 + 0.4) / 2 = 0.45;
    // variance = (0.25/100 + 0.24/200) / 4 = (0.0025 + 0.0012) / 4 = 0.000925; sd = 0.0304138; half = 1.959964 × sd = 0.0596100.
    const result = averageOfShares([
      { share: 0.5, n: 100 },
      { share: 0.4, n: 200 },
    ]);
    expect(result?.share).toBeCloseTo(0.45, 10);
    expect(result?.interval[0]).toBeCloseTo(0.45 - 0.05961, 4);
    expect(result?.interval[1]).toBeCloseTo(0.45 + 0.05961, 4);
    expect(result?.wards).toBe(2);
  });

  it("has nothing to say without a ward that has respondents", () => {
    expect(averageOfShares([])).toBeNull();
    expect(averageOfShares([{ share: 0.5, n: 0 }])).toBeNull();
  });

  it("keeps the margin inside 0–100 %", () => {
    const result = averageOfShares([{ share: 0.02, n: 10 }]);
    expect(result?.interval[0]).toBe(0);
  });
});
