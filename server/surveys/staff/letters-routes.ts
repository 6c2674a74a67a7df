/**
 * 督促状 under /api/staff/surveys/:id/letters: a batch's one reminder, for its codes not yet used
 * (reminders.ts). Behind the staff session, scoped to the staff member's ward (another ward's survey
 * answers 404). The letters themselves are made and counted in routes.ts.
 */
import { z } from "zod/mini";
import { staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { makeReminder } from "./reminders";

const BatchParam = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  batchId: z.string().check(z.minLength(1), z.maxLength(64)),
});

export const lettersStaffRoutes = staffApp().post(
  "/:id/letters/:batchId/reminder",
  describeRoute({
    summary:
      "Make a batch's one reminder (督促状): answers, once, the SHA-256 hashes of its codes not used now, for the console to match against the batch's mail-merge CSV",
    description:
      "`digest` proves the caller holds the batch's list: SHA-256 of its codes' SHA-256 hashes (hex), sorted, joined by newlines. Refusals: `letters.not_this_batch`, `letters.reminder_exists` (one per batch), `letters.reminder_too_early` (fewer than RESULTS_MIN_CELL used), `surveys.closed`, `surveys.not_found`.",
    tags: ["staff"],
    responses: {
      201: {
        description: "The reminder's id and the unused codes' hashes",
        schema: z.object({ reminderId: z.string(), unused: z.array(z.string()) }),
      },
    },
  }),
  validate("param", BatchParam),
  validate("json", z.object({ digest: z.string().check(z.regex(/^[0-9a-f]{64}$/, "a SHA-256 digest in hex")) })),
  async (c) => {
    const { id, batchId } = c.req.valid("param");
    const made = await makeReminder(
      c.var.deps.database,
      c.var.staff.user,
      { surveyId: id, batchId, digest: c.req.valid("json").digest },
      c.var.deps.surveys.minCell,
    );
    return c.json(made, 201);
  },
);
