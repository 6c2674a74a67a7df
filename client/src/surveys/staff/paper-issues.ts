/**
 * Why a paper entry was refused, in the staff member's language, each question named by its number and
 * text (問3「…」: 範囲内の数字を入力してください), whether the form found it or the server did.
 */
import type { TFunction } from "i18next";
import type { Locale } from "../../../../shared/locales/locales";
import { type AnswerIssue, describeIssues } from "../../../../shared/surveys/answers";
import { localized, type SurveyDefinition } from "../../../../shared/surveys/model";
import type { StatusText } from "../../app/shell/StatusMessage";

/** The issues as one line of words (furigana markup kept, for <T> to show). */
export function issuesText(definition: SurveyDefinition, issues: readonly AnswerIssue[], t: TFunction, locale: Locale): string {
  return describeIssues(definition, issues)
    .map((issue) => {
      const problem = t(`surveys.issues.${issue.code}`);
      if (issue.number === undefined || !issue.text) return problem;
      return t("staff:paper.issue", { number: issue.number, text: localized(issue.text, locale), problem });
    })
    .join(" ");
}

/** The answer issues a refusal carries (422 responses.invalid), or null for any other failure. */
export async function refusedIssues(failure: unknown): Promise<AnswerIssue[] | null> {
  if (!(failure instanceof Response) || failure.status !== 422) return null;
  const body = (await failure
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: string; details?: { issues?: AnswerIssue[] } } } | null;
  const issues = body?.error?.code === "responses.invalid" ? body.error.details?.issues : undefined;
  return Array.isArray(issues) ? issues.filter((i) => typeof i?.question === "string" && typeof i?.code === "string") : null;
}

/** The status line for issues found. */
export function issuesMessage(definition: SurveyDefinition, issues: readonly AnswerIssue[], t: TFunction, locale: Locale): StatusText {
  return { key: "staff:paper.fixAnswers", values: { questions: issuesText(definition, issues, t, locale) }, error: true };
}
