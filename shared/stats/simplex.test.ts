import { describe, expect, it } from "vitest";
import { maximize } from "./simplex";

describe("maximize", () => {
  it("finds the optimum of a small program with equalities", () => {
    // x + y + s = 4, x + 3y + t = 6 (s, t slacks): max 3x + 2y is 12 at x = 4.
    const result = maximize(
      [3, 2, 0, 0],
      [
        [1, 1, 1, 0],
        [1, 3, 0, 1],
      ],
      [4, 6],
    );
    expect(result.kind).toBe("optimal");
    if (result.kind === "optimal") {
      expect(result.value).toBeCloseTo(12);
      expect(result.x[0]).toBeCloseTo(4);
    }
  });

  it("says when no point meets the equations, and when the objective has no bound", () => {
    expect(maximize([1], [[1], [1]], [1, 2]).kind).toBe("infeasible");
    expect(maximize([1, 0], [[1, -1]], [0]).kind).toBe("unbounded");
  });

  it("bounds one unknown of a table whose total is known: x + y = 5 gives x from 0 to 5", () => {
    const up = maximize([1, 0], [[1, 1]], [5]);
    const down = maximize([-1, 0], [[1, 1]], [5]);
    expect(up.kind === "optimal" && up.value).toBeCloseTo(5);
    expect(down.kind === "optimal" && -down.value).toBeCloseTo(0);
  });
});
