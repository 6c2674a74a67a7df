/**
 * Tagging many free-text answers at once: one policy theme added to (or taken from) every chosen
 * answer, keeping their other themes. All or nothing: every answer must be a published one of this
 * survey, in the staff member's ward, or nothing is written. One audit entry says how many.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { Theme } from "../../../shared/surveys/model";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";

export interface CommentRef {
  responseId: string;
  questionId: string;
}

const tagComments = defineWrite(
  "staff.tagComments",
  async (
    trx,
    { user, surveyId, comments, theme, add }: { user: StaffUser; surveyId: string; comments: CommentRef[]; theme: Theme; add: boolean },
  ): Promise<number> => {
    const survey = await trx.selectFrom("surveys").select("wardCode").where("id", "=", surveyId).executeTakeFirst();
    if (!survey || !mayActFor(user, survey.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
    const ids = [...new Set(comments.map((c) => c.responseId))];
    const found = await trx
      .selectFrom("responses")
      .select("id")
      .where("id", "in", ids)
      .where("surveyId", "=", surveyId)
      .where("published", "=", 1)
      .execute();
    if (found.length !== ids.length) throw new AppError("route.not_found", { responses: ids.length - found.length });
    // One read of the tags already there, then one insert (or one delete) of the comments that change.
    const key = (c: CommentRef) => `${c.responseId}\u0000${c.questionId}`;
    const tagged = new Set(
      (
        await trx
          .selectFrom("commentThemes")
          .select(["responseId", "questionId"])
          .where("responseId", "in", ids)
          .where("theme", "=", theme)
          .execute()
      ).map(key),
    );
    const changing = [...new Map(comments.map((c) => [key(c), c])).values()].filter((c) => tagged.has(key(c)) !== add);
    if (changing.length > 0 && add)
      await trx
        .insertInto("commentThemes")
        .values(changing.map(({ responseId, questionId }) => ({ responseId, questionId, theme })))
        .execute();
    if (changing.length > 0 && !add)
      await trx
        .deleteFrom("commentThemes")
        .where("theme", "=", theme)
        .where((eb) => eb.or(changing.map((c) => eb.and([eb("responseId", "=", c.responseId), eb("questionId", "=", c.questionId)]))))
        .execute();
    const changed = changing.length;
    await audit(trx, actorOf(user), {
      action: "comment.tag",
      ward: survey.wardCode,
      target: surveyId,
      details: { theme, add, count: comments.length },
    });
    return changed;
  },
);

/** Adds `theme` to (or, with add false, takes it from) each answer; answers how many changed. */
export function tagManyComments(
  database: Database,
  user: StaffUser,
  surveyId: string,
  comments: CommentRef[],
  theme: Theme,
  add: boolean,
): Promise<number> {
  const unique = [...new Map(comments.map((c) => [`${c.responseId}\u0000${c.questionId}`, c])).values()];
  return database.write(tagComments, { user, surveyId, comments: unique, theme, add });
}
