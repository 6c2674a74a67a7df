/**
 * Tagging many free-text answers at once under /api/staff/surveys/:id/comments/themes: behind the
 * staff session and the permission to read personal data (as the answers' own page), scoped to the
 * staff member's ward (another ward's survey answers 404).
 */
import { z } from "zod/mini";
import { StoredResponseId } from "../../../shared/surveys/answers";
import { QuestionId, Theme } from "../../../shared/surveys/model";
import { personalData, staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { tagManyComments } from "./comment-tags";

const CommentTagging = z.object({
  comments: z.array(z.object({ responseId: StoredResponseId, questionId: QuestionId })).check(z.minLength(1), z.maxLength(500)),
  theme: Theme,
  /** true: add the theme to each; false: take it from each. */
  add: z.boolean(),
});

export const commentTagStaffRoutes = staffApp().post(
  "/:id/comments/themes",
  describeRoute({
    summary: "Add one policy theme to many free-text answers at once, or take it from them; all or nothing, audited once",
    tags: ["staff"],
    responses: { 200: { description: "How many answers changed", schema: z.object({ changed: z.int() }) } },
  }),
  personalData,
  validate("param", z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) })),
  validate("json", CommentTagging),
  async (c) => {
    const { comments, theme, add } = c.req.valid("json");
    const changed = await tagManyComments(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, comments, theme, add);
    return c.json({ changed }, 200);
  },
);
