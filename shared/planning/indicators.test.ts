import { describe, expect, it } from "vitest";
import { type IndicatorPoint, type IndicatorSeries, progressOf, targetStatus } from "./indicators";

const point = (
  year: number,
  share: number | null,
  interval: [number, number] | null,
  extra: Partial<IndicatorPoint> = {},
): IndicatorPoint => ({
  year,
  share,
  interval,
  n: share === null ? null : 400,
  source: "survey",
  surveyId: null,
  selfSelected: false,
  inTrend: true,
  ...extra,
});

describe("a value against its target", () => {
  // Target 58.7 % from a baseline of 48.7 % (+10 points).
  const [baseline, target] = [0.487, 0.587];

  it("is 達成 only when the whole interval is at or above the target", () => {
    expect(targetStatus(point(2026, 0.62, [0.59, 0.65]), baseline, target)).toBe("reached");
    expect(targetStatus(point(2026, 0.62, [0.587, 0.65]), baseline, target)).toBe("reached");
  });

  it("is 目標付近 when the interval straddles the target, even with the value itself above it", () => {
    expect(targetStatus(point(2026, 0.6, [0.55, 0.65]), baseline, target)).toBe("near");
    expect(targetStatus(point(2026, 0.57, [0.52, 0.62]), baseline, target)).toBe("near");
  });

  it("is 未達 when the whole interval lies below the target", () => {
    expect(targetStatus(point(2026, 0.5, [0.45, 0.55]), baseline, target)).toBe("notReached");
  });

  it("mirrors a falling target: reached only when the whole interval is at or below it", () => {
    // Fewer residents who feel unsafe: 30 % down to 20 %.
    expect(targetStatus(point(2026, 0.15, [0.12, 0.19]), 0.3, 0.2)).toBe("reached");
    expect(targetStatus(point(2026, 0.19, [0.16, 0.23]), 0.3, 0.2)).toBe("near");
    expect(targetStatus(point(2026, 0.26, [0.22, 0.3]), 0.3, 0.2)).toBe("notReached");
  });

  it("judges a value without an interval by its share, and a hidden value not at all", () => {
    expect(targetStatus(point(2026, 0.6, null), baseline, target)).toBe("reached");
    expect(targetStatus(point(2026, 0.5, null), baseline, target)).toBe("notReached");
    expect(targetStatus(point(2026, null, null), baseline, target)).toBeNull();
  });
});

describe("a series' progress", () => {
  const series = (points: IndicatorPoint[]): IndicatorSeries => ({ ward: "27127", baseline: 0.487, target: 0.587, points });

  it("reads the latest value in the trend, leaving out an unconfirmed poll", () => {
    const progress = progressOf(
      series([
        point(2022, 0.487, [0.44, 0.53]),
        point(2025, 0.56, [0.51, 0.6]),
        point(2026, 0.7, null, { source: "survey", selfSelected: true, inTrend: false }),
      ]),
    );
    expect(progress.latest?.year).toBe(2025);
    expect(progress.status).toBe("near");
    expect(progress.points).toBeCloseTo(7.3, 10);
  });

  it("takes a poll in once staff confirm it", () => {
    const progress = progressOf(series([point(2022, 0.487, [0.44, 0.53]), point(2026, 0.7, null, { selfSelected: true, inTrend: true })]));
    expect(progress.latest?.year).toBe(2026);
    expect(progress.status).toBe("reached");
  });

  it("has no status without a baseline", () => {
    expect(progressOf({ ward: "27127", baseline: null, target: null, points: [point(2026, 0.6, [0.55, 0.65])] }).status).toBeNull();
  });
});
