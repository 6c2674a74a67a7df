/**
 * The Wilson score interval for a proportion: k of n answered yes, at 95 % confidence (z = 1.96).
 * Unlike the normal approximation it stays within [0, 1] and behaves for small n and shares near
 * 0 or 1 — the case of a ward's sampled survey split by 地域.
 */
export function wilsonInterval(k: number, n: number, z = 1.959964): [low: number, high: number] | null {
  if (n <= 0 || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
