/**
 * A small count as it may be published: nothing under K (RESULTS_MIN_CELL), and from K on only to the
 * nearest ten (never under K), so no one person's arrival shows as a change of one.
 */
export const roundedCount = (exact: number, minCell: number): number | null =>
  exact < Math.max(1, minCell) ? null : Math.max(minCell, Math.round(exact / 10) * 10);
