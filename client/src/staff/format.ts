/** How the console writes a share: one decimal, as in the city's reports (52.4%). */
export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
