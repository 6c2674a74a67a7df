/**
 * A small linear-programming solver: maximise c·x subject to A x = b and x ≥ 0 (two-phase simplex,
 * Bland's rule, so it never cycles). It exists to check disclosure control: how far can a reader
 * move a hidden count while every published number stays true? (shared/surveys/disclosure-check.ts).
 * The systems there are small (a few hundred unknowns) with coefficients 0 and ±1, so doubles with
 * a tolerance are exact enough.
 */

const eps = 1e-9;

export type LinearResult = { kind: "optimal"; value: number; x: number[] } | { kind: "unbounded" } | { kind: "infeasible" };

/** Pivots the tableau on (row, col). The tableau's last column is the right-hand side. */
function pivot(tableau: number[][], basis: number[], row: number, col: number): void {
  const pivotRow = tableau[row] as number[];
  const p = pivotRow[col] as number;
  for (let j = 0; j < pivotRow.length; j++) pivotRow[j] = (pivotRow[j] as number) / p;
  for (let i = 0; i < tableau.length; i++) {
    if (i === row) continue;
    const r = tableau[i] as number[];
    const factor = r[col] as number;
    if (Math.abs(factor) < eps) continue;
    for (let j = 0; j < r.length; j++) r[j] = (r[j] as number) - factor * (pivotRow[j] as number);
  }
  basis[row] = col;
}

/**
 * Runs the simplex on rows 0..m-1 with the objective row `objective` (reduced costs; maximising),
 * entering only columns `< allowed`. Answers false when unbounded.
 */
function run(tableau: number[][], basis: number[], objective: number[], allowed: number): boolean {
  const m = basis.length;
  const rhs = objective.length - 1;
  for (;;) {
    let col = -1;
    for (let j = 0; j < allowed; j++) {
      if ((objective[j] as number) < -eps) {
        col = j;
        break;
      }
    }
    if (col < 0) return true;
    let row = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const a = (tableau[i] as number[])[col] as number;
      if (a > eps) {
        const ratio = ((tableau[i] as number[])[rhs] as number) / a;
        if (ratio < best - eps || (Math.abs(ratio - best) <= eps && (basis[i] as number) < (basis[row] as number))) {
          best = ratio;
          row = i;
        }
      }
    }
    if (row < 0) return false;
    // The objective row is the tableau's last row, so pivot updates it too.
    pivot(tableau, basis, row, col);
  }
}

/** Maximises c·x subject to A x = b, x ≥ 0. */
export function maximize(c: readonly number[], a: readonly (readonly number[])[], b: readonly number[]): LinearResult {
  const region = feasibleRegion(a, b, c.length);
  return region ? region.maximize(c) : { kind: "infeasible" };
}

/** The points x ≥ 0 with A x = b, to maximise one objective after another over. */
export interface Region {
  maximize(c: readonly number[]): LinearResult;
}

/**
 * A x = b, x ≥ 0, made feasible once (phase 1); null when nothing satisfies it. Each maximize starts
 * from where the last one ended (every basis it reaches stays feasible), so asking many objectives of
 * one system — how far each hidden count can move — costs a few pivots each, not a phase 1 each.
 */
export function feasibleRegion(a: readonly (readonly number[])[], b: readonly number[], variables?: number): Region | null {
  const n = variables ?? a[0]?.length ?? 0;
  const m = a.length;
  // Columns: n variables, m artificials, rhs. Rows: m constraints, then the objective.
  const width = n + m + 1;
  const tableau: number[][] = a.map((row, i) => {
    const sign = (b[i] as number) < 0 ? -1 : 1;
    const r = new Array<number>(width).fill(0);
    for (let j = 0; j < n; j++) r[j] = sign * ((row[j] as number) ?? 0);
    r[n + i] = 1;
    r[width - 1] = sign * (b[i] as number);
    return r;
  });
  const basis = Array.from({ length: m }, (_, i) => n + i);
  // Phase 1: minimise the artificials' sum, i.e. maximise -Σ artificials.
  const phase1 = new Array<number>(width).fill(0);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < width; j++)
      if (j < n || j === width - 1) phase1[j] = (phase1[j] as number) - ((tableau[i] as number[])[j] as number);
  tableau.push(phase1);
  run(tableau, basis, phase1, n);
  if (Math.abs(phase1[width - 1] as number) > 1e-7) return null;
  // Drive artificials still basic (at zero) out where possible.
  for (let i = 0; i < m; i++) {
    if ((basis[i] as number) < n) continue;
    const r = tableau[i] as number[];
    const col = r.findIndex((v, j) => j < n && Math.abs(v) > eps);
    if (col >= 0) pivot(tableau, basis, i, col);
  }
  tableau.pop();
  return {
    maximize(c) {
      // Phase 2: the objective, as reduced costs against the current basis.
      const objective = new Array<number>(width).fill(0);
      for (let j = 0; j < n; j++) objective[j] = -((c[j] as number) ?? 0);
      for (let i = 0; i < m; i++) {
        const k = basis[i] as number;
        const cost = k < n ? ((c[k] as number) ?? 0) : 0;
        if (cost === 0) continue;
        const r = tableau[i] as number[];
        for (let j = 0; j < width; j++) objective[j] = (objective[j] as number) + cost * (r[j] as number);
      }
      tableau.push(objective);
      try {
        if (!run(tableau, basis, objective, n)) return { kind: "unbounded" };
      } finally {
        tableau.pop();
      }
      const x = new Array<number>(n).fill(0);
      for (let i = 0; i < m; i++) {
        const k = basis[i] as number;
        if (k < n) x[k] = (tableau[i] as number[])[width - 1] as number;
      }
      return { kind: "optimal", value: objective[width - 1] as number, x };
    },
  };
}
