/**
 * Free-text answers for staff: searchable, filterable by theme, with keyword counts, and taggable
 * with policy themes. Only the answers a results snapshot took in are shown (snapshots.ts: at least K
 * at a time, so none stands out), and never with the respondent's profile.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { Answers } from "../../../shared/surveys/answers";
import type { Theme } from "../../../shared/surveys/model";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { definitionOf } from "../read";
import { latestSnapshot, type Publication } from "../snapshots";
import { keywordCounts } from "./keywords";
import { stopWordsOf } from "./stop-words";

export interface Comment {
  responseId: string;
  questionId: string;
  text: string;
  themes: Theme[];
}

export async function surveyComments(
  database: Database,
  user: StaffUser,
  surveyId: string,
  options: Publication & { q?: string | undefined; theme?: Theme | undefined },
): Promise<{
  /** The survey's ward (null: city-wide), whose stop words the keywords leave out. */
  ward: string | null;
  comments: Comment[];
  keywords: { word: string; count: number }[];
  hidden: boolean;
  minCell: number;
  publishedAt: string | null;
}> {
  const survey = await database.db
    .selectFrom("surveys")
    .select(["id", "version", "definition", "wardCode", "closesAt", "status"])
    .where("id", "=", surveyId)
    .executeTakeFirst();
  if (!survey || !mayActFor(user, survey.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  // Free text shows with the results it was published with: a new answer's text appears only among K others.
  const snapshot = await latestSnapshot(database, surveyId, survey, options);
  if (!snapshot) return { ward: survey.wardCode, comments: [], keywords: [], hidden: true, minCell: options.minCell, publishedAt: null };

  const definition = definitionOf(survey);
  const textQuestions = new Set(definition.questions.filter((q) => q.type === "text").map((q) => q.id));
  const rows = await database.db
    .selectFrom("responses")
    .select(["id", "answers"])
    .where("surveyId", "=", surveyId)
    .where("published", "=", 1)
    .orderBy("id")
    .execute();
  const tags = await database.db
    .selectFrom("commentThemes")
    .innerJoin("responses", "responses.id", "commentThemes.responseId")
    .select(["commentThemes.responseId", "commentThemes.questionId", "commentThemes.theme"])
    .where("responses.surveyId", "=", surveyId)
    .where("responses.published", "=", 1)
    .execute();
  const themesOf = new Map<string, Theme[]>();
  for (const tag of tags) {
    const key = `${tag.responseId}\u0000${tag.questionId}`;
    themesOf.set(key, [...(themesOf.get(key) ?? []), tag.theme as Theme]);
  }
  const all: Comment[] = [];
  for (const row of rows) {
    for (const [questionId, answer] of Object.entries(JSON.parse(row.answers) as Answers)) {
      const text = textQuestions.has(questionId) && "text" in answer ? answer.text : "other" in answer ? answer.other : undefined;
      if (text?.trim()) all.push({ responseId: row.id, questionId, text, themes: themesOf.get(`${row.id}\u0000${questionId}`) ?? [] });
    }
  }
  const needle = options.q?.normalize("NFKC").trim().toLowerCase();
  const comments = all.filter(
    (c) => (!needle || c.text.normalize("NFKC").toLowerCase().includes(needle)) && (!options.theme || c.themes.includes(options.theme)),
  );
  // Each read of free text is in the audit log: who, which survey, how many answers — never which ones.
  await database.write(recordCommentsView, { user, surveyId, ward: survey.wardCode, count: comments.length });
  return {
    ward: survey.wardCode,
    comments,
    keywords: await keywordCounts(
      comments.map((c) => c.text),
      30,
      await stopWordsOf(database, survey.wardCode),
    ),
    hidden: false,
    minCell: options.minCell,
    publishedAt: snapshot.madeAt,
  };
}

const recordCommentsView = defineWrite(
  "staff.commentsViewed",
  async (trx, { user, surveyId, ward, count }: { user: StaffUser; surveyId: string; ward: string | null; count: number }) => {
    await audit(trx, actorOf(user), { action: "comments.view", ward, target: surveyId, details: { count } });
  },
);

const tagComment = defineWrite(
  "staff.tagComment",
  async (
    trx,
    {
      surveyId,
      responseId,
      questionId,
      themes,
      user,
    }: { surveyId: string; responseId: string; questionId: string; themes: Theme[]; user: StaffUser },
  ) => {
    const survey = await trx.selectFrom("surveys").select("wardCode").where("id", "=", surveyId).executeTakeFirst();
    if (!survey || !mayActFor(user, survey.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
    const response = await trx
      .selectFrom("responses")
      .select("id")
      .where("id", "=", responseId)
      .where("surveyId", "=", surveyId)
      .where("published", "=", 1)
      .executeTakeFirst();
    if (!response) throw new AppError("route.not_found", { response: responseId });
    await trx.deleteFrom("commentThemes").where("responseId", "=", responseId).where("questionId", "=", questionId).execute();
    if (themes.length > 0)
      await trx
        .insertInto("commentThemes")
        .values(themes.map((theme) => ({ responseId, questionId, theme })))
        .execute();
    await audit(trx, actorOf(user), { action: "comment.tag", ward: survey.wardCode, target: surveyId, details: { themes } });
  },
);

export function setCommentThemes(
  database: Database,
  user: StaffUser,
  surveyId: string,
  responseId: string,
  questionId: string,
  themes: Theme[],
) {
  return database.write(tagComment, { surveyId, responseId, questionId, themes: [...new Set(themes)], user });
}
