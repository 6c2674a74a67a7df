/**
 * Needs matching (区民ニーズと区の施策とのマッチング): each ward's policies (施策) with the themes they
 * address, beside the residents' need for each theme: the share of a survey's respondents who chose
 * the theme in its priority question (e.g. 「区に特に力を入れてほしい分野を3つまで」), overall and by
 * 地域 or age band. A theme of high need and little coverage stands out.
 */
import { z } from "zod/mini";
import { LocalizedText, type Question, Theme, themes } from "../surveys/model";
import { WardCode } from "../wards/schemas";

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const PolicyInput = z.object({
  title: text(200),
  /** Where the policy sits in the plan, e.g. "3(1)"; may be empty. */
  chapter: z.string().check(z.trim(), z.maxLength(40)),
  themes: z.array(Theme).check(z.minLength(1), z.maxLength(themes.length)),
});
export type PolicyInput = z.infer<typeof PolicyInput>;

export const Policy = z.object({ ...PolicyInput.shape, id: z.string(), ward: WardCode, updatedAt: z.string() });
export type Policy = z.infer<typeof Policy>;

const Interval = z.nullable(z.tuple([z.number(), z.number()]));

/** The share of a group who chose a theme; share null: hidden, fewer than the minimum cell chose it or answered. */
export const NeedCell = z.object({ share: z.nullable(z.number()), interval: Interval });
export type NeedCell = z.infer<typeof NeedCell>;

export const matchingDimensions = ["area", "ageBand"] as const;
export const MatchingQuery = z.object({
  ward: z.optional(WardCode),
  survey: z.optional(z.uuid()),
  /** A fiscal year (年度): the ward's survey of that year, when no survey is named. */
  year: z.optional(z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100))),
  by: z.optional(z.enum(matchingDimensions)),
});

export const MatchingMatrix = z.object({
  ward: WardCode,
  minCell: z.int(),
  /** The survey the need comes from, and the others that could be used; null when the ward has none. */
  survey: z.nullable(z.object({ id: z.string(), title: LocalizedText, kind: z.enum(["poll", "sampled"]), questionId: z.string() })),
  /** Each survey that could be used, with its fiscal year (年度, from its opening) and kind, newest first. */
  candidates: z.array(z.object({ id: z.string(), title: LocalizedText, year: z.int(), kind: z.enum(["poll", "sampled"]) })),
  by: z.enum(matchingDimensions),
  /** The columns of the breakdown: area ids or age bands, in order. */
  segments: z.array(z.string()),
  rows: z.array(
    z.object({
      theme: Theme,
      need: NeedCell,
      bySegment: z.array(NeedCell),
      policies: z.array(z.object({ id: z.string(), title: z.string() })),
      standsOut: z.boolean(),
    }),
  ),
});
export type MatchingMatrix = z.infer<typeof MatchingMatrix>;

/** For city administrators: each ward's need per theme and how many of its policies address it. */
export const WardComparison = z.object({
  minCell: z.int(),
  wards: z.array(
    z.object({
      ward: WardCode,
      surveyId: z.nullable(z.string()),
      cells: z.array(z.object({ theme: Theme, need: NeedCell, policies: z.int(), standsOut: z.boolean() })),
    }),
  ),
});
export type WardComparison = z.infer<typeof WardComparison>;

/** The question a survey's need is read from: the first choice question whose options carry themes. */
export function priorityQuestion(questions: readonly Question[]): Extract<Question, { type: "single" | "multiple" }> | null {
  for (const question of questions) {
    if ((question.type === "single" || question.type === "multiple") && question.options.some((o) => o.themes.length > 0)) return question;
  }
  return null;
}

/**
 * The share choosing a theme, from the counts of the options tagged with it. In a single-choice
 * question the options exclude each other, so their counts add up; in a multiple-choice question one
 * respondent may choose several, so the largest count is taken (a lower bound, exact for one option).
 * Any hidden count hides the cell: a sum or maximum must not reveal it.
 */
export function themeCount(type: "single" | "multiple", counts: readonly (number | null)[]): number | null {
  if (counts.length === 0) return 0;
  if (counts.some((c) => c === null)) return null;
  const known = counts as number[];
  return type === "single" ? known.reduce((s, c) => s + c, 0) : Math.max(...known);
}

/** An option's count in results: null when hidden, 0 when nobody chose it (it is then absent). */
export function countOf(options: readonly { key: string; count: number | null }[], key: string): number | null {
  const option = options.find((o) => o.key === key);
  return option ? option.count : 0;
}

/**
 * A theme stands out when residents need it at least as much as the average theme and the ward has
 * fewer policies for it than the average theme has. Hidden shares never stand out.
 */
export function standingOut(rows: readonly { share: number | null; policies: number }[]): boolean[] {
  const shown = rows.filter((r) => r.share !== null);
  if (shown.length === 0) return rows.map(() => false);
  const meanNeed = shown.reduce((s, r) => s + (r.share as number), 0) / shown.length;
  const meanPolicies = rows.reduce((s, r) => s + r.policies, 0) / rows.length;
  return rows.map((r) => r.share !== null && r.share >= meanNeed && r.policies < meanPolicies);
}

/** Theme names in the exported files, which are the ward office's working documents (Japanese). */
export const themeNamesJa: Record<Theme, string> = {
  childcare: "子育て支援",
  health: "健康寿命",
  disaster: "地域防災",
  welfare: "地域福祉",
  community: "地域コミュニティ",
  service_dx: "窓口サービス・DX",
  education: "教育環境",
  urban: "まちづくり",
};
