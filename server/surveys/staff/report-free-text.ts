/**
 * The report's free text as counts only, never a quote: how many published answers each text
 * question has (as disclosure control shows it, paper's 無回答 among them and counted apart), how many answers staff tagged with each policy theme
 * (under K: hidden), and the compound nouns (keywords.ts) that at least K published answers use, so
 * no word of one person's answer is printed: only for staff who may read free text (readsPersonal).
 */
import { noAnswerKey } from "../../../shared/surveys/aggregates";
import type { Answers } from "../../../shared/surveys/answers";
import { type Theme, themes } from "../../../shared/surveys/model";
import type { ReportFreeText } from "../../../shared/surveys/staff/report";
import type { StaffResults } from "../../../shared/surveys/staff/results";
import type { Database } from "../../platform/db/database";
import { definitionOf, type SurveyRow } from "../read";
import { keywordCounts } from "./keywords";

export async function reportFreeText(
  database: Database,
  survey: SurveyRow,
  results: StaffResults,
  options: { minCell: number; withKeywords: boolean },
): Promise<ReportFreeText> {
  const { minCell } = options;
  const definition = definitionOf(survey);
  const textQuestions = definition.questions.filter((q) => q.type === "text").map((q) => q.id);
  const all = results.segments.find((s) => s.segment === "all");
  const questions = textQuestions.map((id) => {
    const question = all?.questions.find((q) => q.id === id);
    const blank = question?.options.find((o) => o.key === noAnswerKey);
    return { id, answered: question?.answered ?? null, ...(blank ? { noAnswer: blank.count } : {}) };
  });
  // Nothing published yet: nothing to count (free text shows only with the snapshot that took it in).
  if (results.publishedAt === null) return { questions, themes: [], keywords: options.withKeywords ? [] : null };

  const tags = await database.db
    .selectFrom("commentThemes")
    .innerJoin("responses", "responses.id", "commentThemes.responseId")
    .select((eb) => ["commentThemes.theme", eb.fn.countAll<number>().as("count")])
    .where("responses.surveyId", "=", survey.id)
    .where("responses.published", "=", 1)
    .groupBy("commentThemes.theme")
    .execute();
  const tagged = new Map(tags.map((t) => [t.theme as Theme, Number(t.count)]));
  return {
    questions,
    themes: themes
      .filter((theme) => tagged.has(theme))
      .map((theme) => {
        const count = tagged.get(theme) ?? 0;
        return { theme, count: count >= minCell ? count : null };
      }),
    keywords: options.withKeywords
      ? (await keywordCounts(await publishedTexts(database, survey.id, textQuestions))).filter((k) => k.count >= minCell)
      : null,
  };
}

/** The published free text of a survey: text answers and "other" options' text. */
async function publishedTexts(database: Database, surveyId: string, textQuestions: string[]): Promise<string[]> {
  const texts: string[] = [];
  const rows = await database.db
    .selectFrom("responses")
    .select("answers")
    .where("surveyId", "=", surveyId)
    .where("published", "=", 1)
    .execute();
  const textIds = new Set(textQuestions);
  for (const row of rows) {
    for (const [questionId, answer] of Object.entries(JSON.parse(row.answers) as Answers)) {
      const text = textIds.has(questionId) && "text" in answer ? answer.text : "other" in answer ? answer.other : undefined;
      if (text?.trim()) texts.push(text);
    }
  }
  return texts;
}
