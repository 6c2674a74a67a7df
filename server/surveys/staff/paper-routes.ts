/**
 * Paper entry's helper routes under /api/staff/surveys/:id/paper: the letter's code checked as it is
 * typed (paper-code.ts). Behind the staff session, scoped to the staff member's ward (another ward's
 * survey answers 404). Entering and correcting paper answers are in routes.ts.
 */
import { z } from "zod/mini";
import { CodeCheck, CodeCheckInput } from "../../../shared/surveys/code-check";
import { staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { checkPaperCode } from "./paper-code";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export const paperStaffRoutes = staffApp().post(
  "/:id/paper/code-check",
  describeRoute({
    summary: "Check a letter's code while typing in its paper answers: valid, used or unknown; nothing is used up",
    description: "Limited per staff member (120 a minute). Refusals: `surveys.not_found`, `rate.limited`.",
    tags: ["staff"],
    responses: { 200: { description: "Whether the survey would take the code now", schema: CodeCheck } },
  }),
  validate("param", IdParam),
  validate("json", CodeCheckInput),
  async (c) => c.json(await checkPaperCode(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json").code), 200),
);
