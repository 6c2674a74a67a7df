/**
 * 結果報告書 under /api/staff/surveys/:id/report: the printable report's data in one answer, read only
 * from the survey's published snapshot. Behind the staff session, scoped to the staff member's ward
 * (another ward's survey answers 404); each read is in the audit log (results.report).
 */
import { z } from "zod/mini";
import { SurveyReport } from "../../../shared/surveys/staff/report";
import { staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { surveyReport } from "./report";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export const reportStaffRoutes = staffApp().get(
  "/:id/report",
  describeRoute({
    summary: "A survey's results report (結果報告書): the method, every question's published table, free-text counts and 区の対応",
    tags: ["staff"],
    responses: { 200: { description: "The report", schema: SurveyReport }, 404: { description: "No such survey in this ward" } },
  }),
  validate("param", IdParam),
  async (c) =>
    c.json(
      await surveyReport(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, {
        minCell: c.var.deps.surveys.minCell,
        refreshHours: c.var.deps.surveys.refreshHours,
        // Words out of free text, even counted, are for staff who may read free text (readsPersonal).
        withKeywords: c.var.staff.permissions.includes("personal"),
      }),
      200,
    ),
);
