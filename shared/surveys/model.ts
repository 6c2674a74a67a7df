/**
 * The survey model (アンケート / 区民意識調査), shared by the server that validates and the client that
 * renders. A survey is a definition (texts, questions, profile questions) plus where it belongs and
 * when it is open. Texts are per locale with Japanese required: a missing locale shows Japanese.
 */
import { z } from "zod/mini";
import type { Locale } from "../locales/locales";
import { AreaId, WardCode } from "../wards/schemas";

/** 施策テーマ: the policy themes questions and options are tagged with, for needs matching. */
export const themes = ["childcare", "health", "disaster", "welfare", "community", "service_dx", "education", "urban"] as const;
export type Theme = (typeof themes)[number];
export const Theme = z.enum(themes);

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A text in each locale; Japanese is required, the others fall back to it. */
export const LocalizedText = z.object({
  ja: text(2000),
  "ja-easy": z.optional(text(2000)),
  en: z.optional(text(2000)),
  "zh-Hans": z.optional(text(2000)),
  ko: z.optional(text(2000)),
  vi: z.optional(text(2000)),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export function localized(value: LocalizedText, locale: Locale): string {
  return value[locale] ?? value.ja;
}

export const QuestionId = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,31}$/, "a short id such as q1"));
export const OptionId = z.string().check(z.regex(/^[a-z0-9][a-z0-9_]{0,31}$/, "a short id such as a or yes"));

export const ChoiceOption = z.object({ id: OptionId, label: LocalizedText, themes: z.array(Theme) });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/** "Show this question only if question Q was answered with one of these options." */
export const Condition = z.object({ question: QuestionId, anyOf: z.array(OptionId).check(z.minLength(1)) });
export type Condition = z.infer<typeof Condition>;

const OtherText = z.object({ label: LocalizedText, maxLength: z.int().check(z.minimum(1), z.maximum(500)) });

const questionBase = {
  id: QuestionId,
  text: LocalizedText,
  help: z.optional(LocalizedText),
  required: z.boolean(),
  themes: z.array(Theme),
  showIf: z.optional(Condition),
};

export const SingleChoiceQuestion = z.object({
  ...questionBase,
  type: z.literal("single"),
  options: z.array(ChoiceOption).check(z.minLength(2), z.maxLength(30)),
  other: z.optional(OtherText),
});
export const MultipleChoiceQuestion = z.object({
  ...questionBase,
  type: z.literal("multiple"),
  options: z.array(ChoiceOption).check(z.minLength(2), z.maxLength(30)),
  min: z.int().check(z.minimum(0)),
  max: z.int().check(z.minimum(1)),
  other: z.optional(OtherText),
});
/** A 1–5 scale with labelled ends (e.g. 不満 … 満足). */
export const RatingQuestion = z.object({
  ...questionBase,
  type: z.literal("rating"),
  lowLabel: LocalizedText,
  highLabel: LocalizedText,
});
export const NumberQuestion = z.object({
  ...questionBase,
  type: z.literal("number"),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
  unit: z.optional(LocalizedText),
});
export const TextQuestion = z.object({
  ...questionBase,
  type: z.literal("text"),
  maxLength: z.int().check(z.minimum(1), z.maximum(4000)),
  multiline: z.boolean(),
});

export const Question = z.discriminatedUnion("type", [
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  RatingQuestion,
  NumberQuestion,
  TextQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question["type"];

/** Optional respondent-profile questions asked at the end, for breakdowns. Every one may be skipped. */
export const profileFields = ["ageBand", "area", "childrenUnder6", "yearsInWard"] as const;
export type ProfileField = (typeof profileFields)[number];
export const ageBands = ["10s", "20s", "30s", "40s", "50s", "60s", "70s", "80plus"] as const;
export const yearsBands = ["lt1", "1to5", "5to10", "10to20", "20plus"] as const;
export const yesNo = ["yes", "no"] as const;

export const Profile = z.object({
  ageBand: z.optional(z.enum(ageBands)),
  area: z.optional(AreaId),
  childrenUnder6: z.optional(z.enum(yesNo)),
  yearsInWard: z.optional(z.enum(yearsBands)),
});
export type Profile = z.infer<typeof Profile>;

export const SurveyDefinition = z.object({
  title: LocalizedText,
  description: LocalizedText,
  questions: z.array(Question).check(z.minLength(1), z.maxLength(100)),
  profile: z.array(z.enum(profileFields)),
});
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

export const surveyKinds = ["poll", "sampled"] as const;
export const surveyStatuses = ["draft", "open", "closed"] as const;
export const SurveyId = z.uuid();

/** ISO 8601 with an offset; the app writes JST (+09:00). */
export const Timestamp = z.iso.datetime({ offset: true });

/** 区の対応: what the ward did with a survey's results, as published (text only, never HTML). */
export const FollowUp = z.object({ text: LocalizedText, publishedAt: Timestamp });
export type FollowUp = z.infer<typeof FollowUp>;

/** Where a survey belongs and when it takes answers: what both the list and the full survey carry. */
const surveyFacts = {
  id: SurveyId,
  /** null: a city-wide survey */
  ward: z.nullable(WardCode),
  kind: z.enum(surveyKinds),
  status: z.enum(surveyStatuses),
  opensAt: Timestamp,
  closesAt: Timestamp,
  resultsPublic: z.boolean(),
  version: z.int(),
  estimatedMinutes: z.int(),
  /** 区の対応, once published (optional: a survey saved on a phone before it existed has none). */
  followUp: z.optional(z.nullable(FollowUp)),
};

/** A survey as residents get it. */
export const Survey = z.object({ ...surveyFacts, definition: SurveyDefinition });
export type Survey = z.infer<typeof Survey>;

/** A survey in a list: its facts, title and description, and how many questions it has. */
export const SurveySummary = z.object({ ...surveyFacts, questionCount: z.int(), title: LocalizedText, description: LocalizedText });
export type SurveySummary = z.infer<typeof SurveySummary>;

/** About how long a survey takes, in whole minutes: a few seconds a choice, more for writing. */
export function estimatedMinutes(definition: SurveyDefinition): number {
  const seconds = definition.questions.reduce(
    (sum, q) => sum + ({ single: 10, multiple: 15, rating: 8, number: 10, text: 45 } as const)[q.type],
    definition.profile.length * 5,
  );
  return Math.max(1, Math.ceil(seconds / 60));
}
