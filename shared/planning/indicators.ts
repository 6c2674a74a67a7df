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

/** Where a series stands: the latest shown value against the target. */
export function progressOf(series: IndicatorSeries): { latest: IndicatorPoint | null; reached: boolean | null; points: number | null } {
  const shown = series.points.filter((p) => p.share !== null);
  const latest = shown.at(-1) ?? null;
  if (!latest || series.target === null || series.baseline === null) return { latest, reached: null, points: null };
  const rising = series.target >= series.baseline;
  const value = latest.share as number;
  return {
    latest,
    reached: rising ? value >= series.target : value <= series.target,
    points: (value - series.baseline) * 100,
  };
}
