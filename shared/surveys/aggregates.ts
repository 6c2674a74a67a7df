/**
 * Running aggregates: what one response adds to its survey's counts, and how counts are shown.
 * Each answer adds 1 to (question, option key, segment) for the segment "all", for each profile
 * field the respondent gave ("age:30s", "area:27127-01", …) and for the mode ("mode:online").
 * Reading a survey's results is then a read of its counts, never a scan of its responses.
 */
import { isNoAnswer, type RecordedAnswers } from "./answers";
import type { Profile, SurveyDefinition } from "./model";

export const breakdowns = ["ageBand", "area", "childrenUnder6", "yearsInWard", "mode"] as const;
export type Breakdown = (typeof breakdowns)[number];
const segmentPrefix: Record<Breakdown, string> = {
  ageBand: "age",
  area: "area",
  childrenUnder6: "children",
  yearsInWard: "years",
  mode: "mode",
};

/** Question id under which whole responses are counted. */
export const responsesKey = "_responses";
/**
 * Option key counting the respondents a question was put to and counted for: every answer, and every
 * 無回答 (the question's base, n). A question hidden by its condition (非該当) is not counted at all.
 */
export const answeredKey = "_answered";
/** Option key counting 無回答: a paper form's item left blank. Its own category, never an answer. */
export const noAnswerKey = "_noAnswer";

export function segmentsOf(profile: Profile, mode: "online" | "paper"): string[] {
  const segments = ["all", `mode:${mode}`];
  if (profile.ageBand) segments.push(`age:${profile.ageBand}`);
  if (profile.area) segments.push(`area:${profile.area}`);
  if (profile.childrenUnder6) segments.push(`children:${profile.childrenUnder6}`);
  if (profile.yearsInWard) segments.push(`years:${profile.yearsInWard}`);
  return segments;
}

export function segmentFor(breakdown: Breakdown, value: string): string {
  return `${segmentPrefix[breakdown]}:${value}`;
}

/** The option keys an answer counts under: chosen options, "other", a rating or a whole number; 無回答 only under its own. */
function optionKeys(definition: SurveyDefinition, questionId: string, answers: RecordedAnswers): string[] {
  const answer = answers[questionId];
  const question = definition.questions.find((q) => q.id === questionId);
  if (!answer || !question) return [];
  if (isNoAnswer(answer)) return [noAnswerKey];
  if ("option" in answer) return [answer.option];
  if ("options" in answer) return [...answer.options, ...(answer.other?.trim() ? ["other"] : [])];
  if ("value" in answer) return [String(Math.round(answer.value))];
  return [];
}

/**
 * What one response adds, compactly: the (question, option key) pairs it counts under, written
 * `question\u0000option`, once each, and the segments they count in. Every pair counts once in
 * every segment. The server adds them to survey_aggregates (server/surveys/tally.ts), and so does
 * the benchmark's million-response setup (scripts/bench-surveys.ts).
 */
export function countsOf(
  definition: SurveyDefinition,
  answers: RecordedAnswers,
  profile: Profile,
  mode: "online" | "paper",
): { pairs: string[]; segments: string[] } {
  const pairs = [`${responsesKey}\u0000${answeredKey}`];
  for (const questionId of Object.keys(answers)) {
    pairs.push(`${questionId}\u0000${answeredKey}`);
    for (const optionKey of optionKeys(definition, questionId, answers)) pairs.push(`${questionId}\u0000${optionKey}`);
  }
  return { pairs, segments: segmentsOf(profile, mode) };
}
