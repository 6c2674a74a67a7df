/**
 * Cross-tabs under /api/staff/surveys/:id (issue 16): as JSON for the console and as CSV for Excel.
 * Behind the staff session, scoped to the staff member's ward (another ward's survey answers 404), and
 * each read is in the audit log as a read of the survey's results.
 */
import { z } from "zod/mini";
import { Crosstab, CrosstabQuery } from "../../../shared/surveys/staff/crosstab";
import { staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { staffCrosstab } from "./crosstab";
import { crosstabCsv } from "./crosstab-csv";
import { recordResultsRead } from "./reads";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export const crosstabStaffRoutes = staffApp()
  .get(
    "/:id/crosstab",
    describeRoute({
      summary:
        "A cross-tab: a choice question (`question`) by another choice question (`by=q:ID`) or a profile field (`by=ageBand` …), counts with row shares and, for sampled surveys, 95 % Wilson intervals; small cells hidden",
      tags: ["staff"],
      responses: { 200: { description: "The cross-tab", schema: Crosstab }, 404: { description: "No such survey in this ward" } },
    }),
    validate("param", IdParam),
    validate("query", CrosstabQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const crosstab = await staffCrosstab(c.var.deps.database, c.var.staff.user, id, query, c.var.deps.surveys);
      await recordResultsRead(c.var.deps.database, c.var.staff.user, id, `crosstab:${query.question}:${query.by}`);
      return c.json(crosstab, 200);
    },
  )
  .get(
    "/:id/crosstab.csv",
    describeRoute({
      summary: "The same cross-tab as CSV for Excel (UTF-8 with BOM, formula-safe cells, the same hidden cells)",
      tags: ["staff"],
      responses: { 200: { description: "text/csv" }, 404: { description: "No such survey in this ward" } },
    }),
    validate("param", IdParam),
    validate("query", CrosstabQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const { database } = c.var.deps;
      const crosstab = await staffCrosstab(database, c.var.staff.user, id, query, c.var.deps.surveys);
      await recordResultsRead(database, c.var.staff.user, id, `crosstab:${query.question}:${query.by}`);
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="crosstab-${id}.csv"`);
      return c.body(await crosstabCsv(database, crosstab), 200);
    },
  );
