/**
 * 区の対応 and public results under /api/staff/surveys/:id: staff save or publish what the ward did with
 * a survey's results, and make a sampled survey's results public. Behind the staff session, scoped to
 * the staff member's ward (another ward's survey answers 404).
 */
import { z } from "zod/mini";
import { FollowUpInput, FollowUpSaved, ResultsPublicInput } from "../../../shared/surveys/staff/follow-up";
import { staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { saveFollowUp, setResultsPublic } from "./follow-up";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export const followUpStaffRoutes = staffApp()
  .put(
    "/:id/follow-up",
    describeRoute({
      summary: "Save 区の対応 (what the ward did with the results) in six languages; `publish` shows it to residents, false withdraws it",
      tags: ["staff"],
      responses: { 200: { description: "When it was published (null: not shown)", schema: FollowUpSaved } },
    }),
    validate("param", IdParam),
    validate("json", FollowUpInput),
    async (c) => {
      const saved = await saveFollowUp(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json"));
      // The first publication made a "ward news" notice (follow-up.ts): send it now rather than at the next round.
      if (saved.firstPublication) c.var.deps.notices.sender?.kick();
      return c.json(saved, 200);
    },
  )
  .put(
    "/:id/results-public",
    describeRoute({
      summary: "Make a survey's published results public to residents (sampled surveys too), or private again",
      tags: ["staff"],
      responses: { 200: { description: "Whether they are public", schema: z.object({ resultsPublic: z.boolean() }) } },
    }),
    validate("param", IdParam),
    validate("json", ResultsPublicInput),
    async (c) =>
      c.json(await setResultsPublic(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json").public), 200),
  );
