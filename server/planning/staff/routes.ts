/**
 * Planning under /api/staff: policies (施策), the needs matrix and the comparison of wards, yearly
 * indicators, and each ward's population by age band. Every route is behind the staff session and
 * scoped to the staff member's ward; the comparison of wards is for city administrators.
 */
import { z } from "zod/mini";
import { IndicatorInput, IndicatorList, IndicatorYearInput } from "../../../shared/planning/indicators";
import { MatchingMatrix, MatchingQuery, Policy, PolicyInput, WardComparison } from "../../../shared/planning/matching";
import { PopulationTable } from "../../../shared/surveys/staff/results";
import { WardCode } from "../../../shared/wards/schemas";
import { wardFor } from "../../accounts/access";
import { adminOnly, staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { publication } from "../../surveys/snapshots";
import { listIndicators } from "./indicator-series";
import { createIndicator, deleteIndicator, removeIndicatorYear, setIndicatorYear, setPollInTrend, updateIndicator } from "./indicators";
import { matchingMatrix, wardComparison } from "./matching";
import { comparisonCsv, matrixCsv, recordMatchingExport, segmentNamesJa, wardNamesJa } from "./matching-export";
import { createPolicy, deletePolicy, listPolicies, updatePolicy } from "./policies";
import { type Population, setPopulation, staffPopulation } from "./population";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
const WardQuery = z.object({ ward: z.optional(WardCode) });
const YearParam = z.object({
  id: IdParam.shape.id,
  ward: WardCode,
  year: z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
});

export const planningStaffRoutes = staffApp()
  .get(
    "/population",
    describeRoute({
      summary: "A ward's population by age band (the weights of age-weighted results); ward staff: their ward",
      tags: ["staff"],
      responses: { 200: { description: "The table", schema: PopulationTable } },
    }),
    validate("query", z.object({ ward: z.optional(WardCode) })),
    async (c) => {
      const ward = wardFor(c.var.staff.user, c.req.valid("query").ward);
      return c.json({ ward, bands: await staffPopulation(c.var.deps.database, c.var.staff.user, ward) }, 200);
    },
  )
  .put(
    "/population",
    describeRoute({ summary: "Replace a ward's population table", tags: ["staff"], responses: { 204: { description: "Saved" } } }),
    validate("json", PopulationTable),
    async (c) => {
      const { ward, bands } = c.req.valid("json");
      await setPopulation(c.var.deps.database, c.var.staff.user, ward, bands as Population);
      return c.body(null, 204);
    },
  )
  .get(
    "/policies",
    describeRoute({
      summary: "A ward's policies (施策) with their themes; ward staff: their ward",
      tags: ["staff"],
      responses: { 200: { description: "Policies", schema: z.object({ policies: z.array(Policy) }) } },
    }),
    validate("query", WardQuery),
    async (c) => {
      const { user } = c.var.staff;
      return c.json({ policies: await listPolicies(c.var.deps.database, user, wardFor(user, c.req.valid("query").ward)) }, 200);
    },
  )
  .post(
    "/policies",
    describeRoute({ summary: "Add a policy to a ward", tags: ["staff"], responses: { 201: { description: "The new policy's id" } } }),
    validate("json", z.object({ ...PolicyInput.shape, ward: z.optional(WardCode) })),
    async (c) => {
      const { ward, ...input } = c.req.valid("json");
      const { user } = c.var.staff;
      return c.json({ id: await createPolicy(c.var.deps.database, user, wardFor(user, ward), input) }, 201);
    },
  )
  .put(
    "/policies/:id",
    describeRoute({ summary: "Change a policy", tags: ["staff"], responses: { 204: { description: "Saved" } } }),
    validate("param", IdParam),
    validate("json", PolicyInput),
    async (c) => {
      await updatePolicy(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  )
  .delete(
    "/policies/:id",
    describeRoute({
      summary: "Delete a policy; answers it as it was, so it can be put back",
      tags: ["staff"],
      responses: { 200: { description: "The deleted policy", schema: z.object({ policy: Policy }) } },
    }),
    validate("param", IdParam),
    async (c) => c.json({ policy: await deletePolicy(c.var.deps.database, c.var.staff.user, c.req.valid("param").id) }, 200),
  )
  .get(
    "/matching",
    describeRoute({
      summary: "The needs matrix: each theme's need (overall and by 地域 or age band) beside the ward's policies",
      tags: ["staff"],
      responses: { 200: { description: "The matrix", schema: MatchingMatrix } },
    }),
    validate("query", MatchingQuery),
    async (c) => {
      const { user } = c.var.staff;
      const query = c.req.valid("query");
      const matrix = await matchingMatrix(c.var.deps.database, user, {
        ward: wardFor(user, query.ward),
        survey: query.survey,
        year: query.year,
        by: query.by ?? "area",
        minCell: c.var.deps.surveys.minCell,
        refreshHours: c.var.deps.surveys.refreshHours,
      });
      return c.json(matrix, 200);
    },
  )
  .get(
    "/matching.csv",
    describeRoute({ summary: "The needs matrix as CSV for Excel", tags: ["staff"], responses: { 200: { description: "text/csv" } } }),
    validate("query", MatchingQuery),
    async (c) => {
      const { database, surveys } = c.var.deps;
      const { user } = c.var.staff;
      const query = c.req.valid("query");
      const ward = wardFor(user, query.ward);
      const matrix = await matchingMatrix(database, user, {
        ward,
        survey: query.survey,
        year: query.year,
        by: query.by ?? "area",
        ...publication(surveys),
      });
      await database.write(recordMatchingExport, { user, ward, what: "matrix" });
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="needs-${ward}.csv"`);
      return c.body(matrixCsv(matrix, await segmentNamesJa(database, ward)), 200);
    },
  )
  .get(
    "/matching/wards",
    describeRoute({
      summary: "Every ward's need per theme beside its number of policies (city administrators)",
      tags: ["staff"],
      responses: { 200: { description: "The comparison", schema: WardComparison } },
    }),
    adminOnly,
    async (c) => c.json(await wardComparison(c.var.deps.database, publication(c.var.deps.surveys)), 200),
  )
  .get(
    "/matching/wards.csv",
    describeRoute({ summary: "The comparison of wards as CSV", tags: ["staff"], responses: { 200: { description: "text/csv" } } }),
    adminOnly,
    async (c) => {
      const { database, surveys } = c.var.deps;
      const comparison = await wardComparison(database, publication(surveys));
      await database.write(recordMatchingExport, { user: c.var.staff.user, ward: null, what: "wards" });
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", 'attachment; filename="needs-wards.csv"');
      return c.body(comparisonCsv(comparison, await wardNamesJa(database)), 200);
    },
  )
  .get(
    "/indicators",
    describeRoute({
      summary: "Indicators with each year's value and margin, baseline and target; administrators also get the city average",
      tags: ["staff"],
      responses: { 200: { description: "Indicators", schema: IndicatorList } },
    }),
    async (c) => c.json({ indicators: await listIndicators(c.var.deps.database, c.var.staff.user, publication(c.var.deps.surveys)) }, 200),
  )
  .post(
    "/indicators",
    describeRoute({
      summary: "Define an indicator: a question and its options, a baseline year and a target in points (city-wide: administrators)",
      tags: ["staff"],
      responses: { 201: { description: "The new indicator's id" } },
    }),
    validate("json", IndicatorInput),
    async (c) => c.json({ id: await createIndicator(c.var.deps.database, c.var.staff.user, c.req.valid("json")) }, 201),
  )
  .put(
    "/indicators/:id",
    describeRoute({ summary: "Change an indicator's definition", tags: ["staff"], responses: { 204: { description: "Saved" } } }),
    validate("param", IdParam),
    validate("json", IndicatorInput),
    async (c) => {
      await updateIndicator(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  )
  .delete(
    "/indicators/:id",
    describeRoute({
      summary: "Delete an indicator and its yearly values",
      tags: ["staff"],
      responses: { 204: { description: "Deleted" } },
    }),
    validate("param", IdParam),
    async (c) => {
      await deleteIndicator(c.var.deps.database, c.var.staff.user, c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .put(
    "/indicators/:id/years",
    describeRoute({
      summary: "Set a ward's value for a year: a survey in the app, or a recorded share and number of respondents",
      tags: ["staff"],
      responses: { 204: { description: "Saved" } },
    }),
    validate("param", IdParam),
    validate("json", IndicatorYearInput),
    async (c) => {
      await setIndicatorYear(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  )
  .delete(
    "/indicators/:id/years/:ward/:year",
    describeRoute({ summary: "Remove a ward's value for a year", tags: ["staff"], responses: { 204: { description: "Removed" } } }),
    validate("param", YearParam),
    async (c) => {
      const { id, ward, year } = c.req.valid("param");
      await removeIndicatorYear(c.var.deps.database, c.var.staff.user, id, ward, year);
      return c.body(null, 204);
    },
  )
  .put(
    "/indicators/:id/years/:ward/:year/trend",
    describeRoute({
      summary: "Take a year from a self-selected poll into the trend (staff confirm it), or back out of it; audited",
      tags: ["staff"],
      responses: { 204: { description: "Saved" } },
    }),
    validate("param", YearParam),
    validate("json", z.object({ inTrend: z.boolean() })),
    async (c) => {
      const { id, ward, year } = c.req.valid("param");
      await setPollInTrend(c.var.deps.database, c.var.staff.user, id, ward, year, c.req.valid("json").inTrend);
      return c.body(null, 204);
    },
  );
