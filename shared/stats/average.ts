/**
 * The average of several wards' shares (全区平均, as the plan states its targets), with a 95 %
 * margin: the wards' samples are independent, so the variance of the mean is the sum of each
 * share's variance p(1−p)/n divided by k². Normal approximation: each ward's n is in the hundreds.
 */
export function averageOfShares(values: readonly { share: number; n: number }[], z = 1.959964) {
  const usable = values.filter((v) => v.n > 0);
  if (usable.length === 0) return null;
  const k = usable.length;
  const share = usable.reduce((s, v) => s + v.share, 0) / k;
  const variance = usable.reduce((s, v) => s + (v.share * (1 - v.share)) / v.n, 0) / (k * k);
  const half = z * Math.sqrt(variance);
  return { share, interval: [Math.max(0, share - half), Math.min(1, share + half)] as [number, number], wards: k };
}
