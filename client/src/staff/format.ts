/** How the console writes a share: one decimal, as in the city's reports (52.4%). */
export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** An interval as the console writes it: "41.2% – 52.4%". */
export const percentRange = (interval: readonly [number, number]): string => `${percent(interval[0])} – ${percent(interval[1])}`;
