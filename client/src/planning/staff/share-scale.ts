/**
 * The share axis of the indicator charts (TrendChart, WardIntervalChart): from the values shown, widened by five
 * points each side and rounded out to tens of percent within 0–100 %, with a tick at every ten percent.
 */
export interface ShareScale {
  low: number;
  high: number;
  /** Every tenth from low to high. */
  ticks: number[];
  /** Where a share falls between low (0) and high (1). */
  at(share: number): number;
}

export function shareScale(values: number[]): ShareScale | null {
  if (values.length === 0) return null;
  const low = Math.max(0, Math.floor((Math.min(...values) - 0.05) * 10) / 10);
  const high = Math.min(1, Math.ceil((Math.max(...values) + 0.05) * 10) / 10);
  const ticks = Array.from({ length: Math.round((high - low) * 10) + 1 }, (_, i) => low + i / 10);
  return { low, high, ticks, at: (share) => (share - low) / Math.max(0.01, high - low) };
}

/** A tick's label: 40%. */
export const tickLabel = (tick: number) => `${Math.round(tick * 100)}%`;
