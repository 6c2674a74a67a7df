/**
 * Yearly targets (目標・指標, KPI): an indicator is the share of respondents choosing some options of
 * a question (e.g. 「知っている」 of 「地域活動協議会を知っていますか」), with a baseline year and a target
 * change in points (48.7 % in 2022, +10 points by 2026). Each year's value for a ward comes from a
 * survey in the app or is recorded from an earlier survey; a city-wide indicator is tracked by every
 * ward, and its city series is the average of the wards (全区平均).
 */
import { z } from "zod/mini";
import { LocalizedText, OptionId, QuestionId } from "../surveys/model";
import { WardCode } from "../wards/schemas";

const Year = z.int().check(z.minimum(2000), z.maximum(2100));
const Interval = z.nullable(z.tuple([z.number(), z.number()]));

export const IndicatorInput = z
  .object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    /** null: a city-wide indicator (city administrators only) */
    ward: z.nullable(WardCode),
    questionId: QuestionId,
    optionIds: z.array(OptionId).check(z.minLength(1), z.maxLength(30)),
    baselineYear: Year,
    targetYear: Year,
    /** The target as a change from the baseline, in percentage points. */
    targetPoints: z.number().check(z.minimum(-100), z.maximum(100)),
  })
  .check(
    z.refine((i) => i.targetYear > i.baselineYear, { message: "the target year comes after the baseline year", path: ["targetYear"] }),
  );
export type IndicatorInput = z.infer<typeof IndicatorInput>;

/** One year's value for a ward: a survey in the app, or a share and number of respondents recorded from elsewhere. */
export const IndicatorYearInput = z.object({
  ward: WardCode,
  year: Year,
  source: z.union([
    z.object({ surveyId: z.uuid() }),
    z.object({ share: z.number().check(z.minimum(0), z.maximum(1)), n: z.int().check(z.minimum(1), z.maximum(10_000_000)) }),
  ]),
});
export type IndicatorYearInput = z.infer<typeof IndicatorYearInput>;

export const IndicatorPoint = z.object({
  year: Year,
  /** null: hidden, fewer respondents than the minimum cell */
  share: z.nullable(z.number()),
  interval: Interval,
  /** Respondents behind the share (a city point: the wards' total). */
  n: z.nullable(z.int()),
  source: z.enum(["survey", "recorded", "average"]),
  surveyId: z.nullable(z.string()),
  /** A city point: how many wards' values it averages. */
  wards: z.optional(z.int()),
  /** The source is a self-selected poll (anyone could answer), not a sample: its share stands for nobody but its respondents. */
  selfSelected: z.boolean(),
  /** In the trend, the status and the city's average: every sampled or recorded value; a poll's only once staff confirm it. */
  inTrend: z.boolean(),
});
export type IndicatorPoint = z.infer<typeof IndicatorPoint>;

export const IndicatorSeries = z.object({
  /** null: the city (the average of the wards) */
  ward: z.nullable(WardCode),
  baseline: z.nullable(z.number()),
  target: z.nullable(z.number()),
  points: z.array(IndicatorPoint),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

export const Indicator = z.object({
  id: z.string(),
  name: z.string(),
  ward: z.nullable(WardCode),
  questionId: z.string(),
  optionIds: z.array(z.string()),
  baselineYear: Year,
  targetYear: Year,
  targetPoints: z.number(),
  /** The question's and options' wording, from the newest survey the indicator reads (null before any). */
  wording: z.nullable(z.object({ question: LocalizedText, options: z.array(LocalizedText) })),
  series: z.array(IndicatorSeries),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorList = z.object({ indicators: z.array(Indicator) });
export type IndicatorList = z.infer<typeof IndicatorList>;

/**
 * Where a value stands against its target, said the same way in every language: 達成 (reached) only
 * when the whole 95 % interval is at or beyond the target, 目標付近 (near) when the interval holds the
 * target, 未達 (not reached) when the whole interval falls short. A value without an interval (a
 * confirmed poll) is judged by its share alone.
 */
export const targetStatuses = ["reached", "near", "notReached"] as const;
export type TargetStatus = (typeof targetStatuses)[number];

export function targetStatus(point: Pick<IndicatorPoint, "share" | "interval">, baseline: number, target: number): TargetStatus | null {
  if (point.share === null) return null;
  const [low, high] = point.interval ?? [point.share, point.share];
  // A falling target (fewer residents who …) is reached from above: mirror it.
  const [near, far] = target >= baseline ? [low, high] : [-high, -low];
  const goal = target >= baseline ? target : -target;
  if (near >= goal) return "reached";
  if (far < goal) return "notReached";
  return "near";
}

/** The points a trend is drawn through: shown values, polls only once confirmed. */
export const trendPoints = (series: IndicatorSeries): IndicatorPoint[] => series.points.filter((p) => p.share !== null && p.inTrend);

/** Where a series stands: the latest value in the trend against the target. */
export function progressOf(series: IndicatorSeries): { latest: IndicatorPoint | null; status: TargetStatus | null; points: number | null } {
  const latest = trendPoints(series).at(-1) ?? null;
  if (!latest || series.target === null || series.baseline === null) return { latest, status: null, points: null };
  return {
    latest,
    status: targetStatus(latest, series.baseline, series.target),
    points: ((latest.share as number) - series.baseline) * 100,
  };
}
