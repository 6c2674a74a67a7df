import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundedCount } from "./rounded";

describe("roundedCount", () => {
  it("hides under K and gives tens from K on", () => {
    expect([0, 1, 9, 10, 14, 15, 16, 104].map((n) => roundedCount(n, 10))).toEqual([null, null, null, 10, 10, 20, 20, 100]);
  });

  it("is never under K when shown, and never more than 5 from the truth", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 50 }), (n, k) => {
        const shown = roundedCount(n, k);
        if (n < k) expect(shown).toBeNull();
        else {
          expect(shown).toBeGreaterThanOrEqual(k);
          expect(Math.abs((shown as number) - n)).toBeLessThanOrEqual(Math.max(5, k));
        }
      }),
    );
  });
});
