/**
 * The staff API under /api/staff. Every route but login needs a session (staffSession), every
 * change needs the session's CSRF token, and every read or change is scoped to the staff member's
 * ward: another ward's survey answers 404, exactly as one that does not exist.
 */
import { Hono } from "hono";
import { z } from "zod/mini";
import { PaperCorrection, PaperEntry, SurveyEdit, SurveyInput } from "../../shared/staff/editor";
import { IndicatorInput, IndicatorList, IndicatorYearInput } from "../../shared/staff/indicators";
import { MatchingMatrix, MatchingQuery, Policy, PolicyInput, WardComparison } from "../../shared/staff/matching";
import { LoginInput, StaffSession, StaffUser } from "../../shared/staff/schemas";
import { PopulationTable, ResultsOptions } from "../../shared/staff/surveys";
import { Receipt, ResponseId } from "../../shared/surveys/answers";
import { QuestionId, Theme } from "../../shared/surveys/model";
import { ResultsQuery } from "../../shared/surveys/results";
import { WardCode } from "../../shared/wards/schemas";
import type { AppEnv } from "../env";
import { clientAddress } from "../http/client-address";
import { AppError } from "../http/errors";
import { describeRoute } from "../http/openapi";
import { validate } from "../http/validate";
import { countAttempt } from "../security/rate-limit";
import { setCommentThemes, surveyComments } from "./comments";
import {
  closeSurvey,
  correctPaperEntry,
  createDraft,
  duplicateSurvey,
  editSurvey,
  enterPaper,
  myPaperEntries,
  publishSurvey,
  staffSurvey,
} from "./editor";
import { exportFor, toCsv } from "./export";
import { createIndicator, deleteIndicator, listIndicators, removeIndicatorYear, setIndicatorYear, updateIndicator } from "./indicators";
import { generateLetters, letterBatches } from "./letters";
import {
  comparisonCsv,
  createPolicy,
  deletePolicy,
  listPolicies,
  matchingMatrix,
  matrixCsv,
  recordMatchingExport,
  segmentNamesJa,
  updatePolicy,
  wardComparison,
  wardNamesJa,
} from "./matching";
import { adminOnly, clearSessionCookie, foreignOrigin, setSessionCookie, staffSession } from "./middleware";
import { type Population, setPopulation, staffPopulation } from "./population";
import { actorOf, endSessionsOf, listStaffUsers, login, logout, wardFor } from "./service";
import { auditEntries, StaffResults, StaffSurveyList, staffSurveyResults, staffSurveys } from "./surveys";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
const WardQuery = z.object({ ward: z.optional(WardCode) });

export const staffRoutes = new Hono<AppEnv>()
  .post(
    "/login",
    describeRoute({
      summary: "Log in: sets the session cookie (HttpOnly, SameSite=Strict) and answers the CSRF token",
      description:
        "Refusals: `staff.login_failed` (any wrong name or password), `staff.locked` (details.retryAfterSeconds), `rate.limited`.",
      tags: ["staff"],
      responses: { 200: { description: "The session", schema: StaffSession }, 401: { description: "Wrong login" } },
    }),
    validate("json", LoginInput),
    async (c) => {
      const { deps } = c.var;
      if (foreignOrigin(c)) throw new AppError("staff.csrf");
      if (deps.staff.loginRateLimitPerMinute > 0) {
        const count = await deps.database.write(countAttempt, { scope: "staff-login", address: clientAddress(c), now: new Date() });
        if (count > deps.staff.loginRateLimitPerMinute)
          throw new AppError("rate.limited", { limitPerMinute: deps.staff.loginRateLimitPerMinute });
      }
      const { login: name, password } = c.req.valid("json");
      const { session, token } = await login(deps.database, deps.staff, name, password);
      setSessionCookie(c, token, session.expiresAt);
      c.header("cache-control", "no-store");
      return c.json(session, 200);
    },
  )
  .get(
    "/session",
    describeRoute({
      summary: "The current session, with its CSRF token",
      tags: ["staff"],
      responses: { 200: { description: "The session", schema: StaffSession }, 401: { description: "No session" } },
    }),
    staffSession,
    (c) => {
      c.header("cache-control", "no-store");
      return c.json(c.var.staff, 200);
    },
  )
  .post(
    "/logout",
    describeRoute({ summary: "Log out: ends this session", tags: ["staff"], responses: { 204: { description: "Ended" } } }),
    staffSession,
    async (c) => {
      await logout(c.var.deps.database, c.var.staffToken);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .get(
    "/users",
    describeRoute({
      summary: "Staff accounts: every account for a city administrator, the ward's own for ward staff",
      tags: ["staff"],
      responses: { 200: { description: "Accounts", schema: z.object({ users: z.array(StaffUser) }) } },
    }),
    staffSession,
    async (c) => c.json({ users: await listStaffUsers(c.var.deps.database, c.var.staff.user) }, 200),
  )
  .post(
    "/users/:id/end-sessions",
    describeRoute({
      summary: "End every session of an account at once (city administrators)",
      tags: ["staff"],
      responses: { 200: { description: "How many sessions ended", schema: z.object({ ended: z.int() }) } },
    }),
    staffSession,
    adminOnly,
    validate("param", IdParam),
    async (c) => {
      const ended = await endSessionsOf(c.var.deps.database, c.req.valid("param").id, actorOf(c.var.staff.user));
      return c.json({ ended }, 200);
    },
  )
  .get(
    "/surveys",
    describeRoute({
      summary: "The surveys staff may see: their ward's (a city administrator: every survey), drafts and closed ones too",
      tags: ["staff"],
      responses: { 200: { description: "Surveys with their response counts", schema: StaffSurveyList } },
    }),
    staffSession,
    async (c) => c.json(await staffSurveys(c.var.deps.database, c.var.staff.user), 200),
  )
  .get(
    "/surveys/:id/results",
    describeRoute({
      summary: "A survey's results for staff: counts, shares and, for sampled surveys, 95 % Wilson intervals; small cells hidden",
      tags: ["staff"],
      responses: { 200: { description: "Results", schema: StaffResults }, 404: { description: "No such survey in this ward" } },
    }),
    staffSession,
    validate("param", IdParam),
    validate("query", ResultsOptions),
    async (c) => {
      const results = await staffSurveyResults(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, {
        breakdown: c.req.valid("query").by,
        minCell: c.var.deps.surveys.minCell,
        weight: c.req.valid("query").weight,
      });
      return c.json(results, 200);
    },
  )
  .get(
    "/audit",
    describeRoute({
      summary: "The audit log of the staff member's ward (a city administrator: all), newest first",
      tags: ["staff"],
      responses: { 200: { description: "Entries" } },
    }),
    staffSession,
    async (c) => c.json({ entries: await auditEntries(c.var.deps.database, c.var.staff.user) }, 200),
  )
  .get(
    "/surveys/:id",
    describeRoute({
      summary: "A survey as the builder edits it, any status, with the locales its texts lack",
      tags: ["staff"],
      responses: { 200: { description: "The survey" }, 404: { description: "No such survey in this ward" } },
    }),
    staffSession,
    validate("param", IdParam),
    async (c) => c.json(await staffSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id), 200),
  )
  .post(
    "/surveys",
    describeRoute({
      summary: "Create a draft survey in the staff member's ward (city-wide: administrators)",
      tags: ["staff"],
      responses: { 201: { description: "The new draft's id", schema: z.object({ id: z.string() }) } },
    }),
    staffSession,
    validate("json", SurveyInput),
    async (c) => c.json({ id: await createDraft(c.var.deps.database, c.var.staff.user, c.req.valid("json")) }, 201),
  )
  .put(
    "/surveys/:id",
    describeRoute({
      summary: "Save an edit made from `version`. An open survey takes wording only (`surveys.unsafe_edit` lists why not).",
      tags: ["staff"],
      responses: { 200: { description: "The new version", schema: z.object({ version: z.int() }) } },
    }),
    staffSession,
    validate("param", IdParam),
    validate("json", SurveyEdit),
    async (c) =>
      c.json({ version: await editSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json")) }, 200),
  )
  .post(
    "/surveys/:id/publish",
    describeRoute({ summary: "Publish a draft", tags: ["staff"], responses: { 200: { description: "Published" } } }),
    staffSession,
    validate("param", IdParam),
    async (c) => c.json(await publishSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id), 200),
  )
  .post(
    "/surveys/:id/close",
    describeRoute({ summary: "Close an open survey now", tags: ["staff"], responses: { 200: { description: "Closed" } } }),
    staffSession,
    validate("param", IdParam),
    async (c) => c.json(await closeSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id), 200),
  )
  .post(
    "/surveys/:id/duplicate",
    describeRoute({
      summary: "Copy a survey as a new draft (e.g. last year's 区民意識調査)",
      tags: ["staff"],
      responses: { 200: { description: "The copy's id" } },
    }),
    staffSession,
    validate("param", IdParam),
    async (c) => c.json(await duplicateSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id), 200),
  )
  .post(
    "/surveys/:id/paper",
    describeRoute({
      summary: "Enter a mailed paper answer; its letter's code is used up, so the same letter cannot be entered twice",
      tags: ["staff"],
      responses: {
        201: { description: "Stored", schema: Receipt },
        200: { description: "This entry id was stored before", schema: Receipt },
      },
    }),
    staffSession,
    validate("param", IdParam),
    validate("json", PaperEntry),
    async (c) => {
      const { receipt, created } = await enterPaper(
        c.var.deps.database,
        c.var.deps.surveys,
        c.var.staff.user,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return created ? c.json(receipt, 201) : c.json(receipt, 200);
    },
  )
  .get(
    "/surveys/:id/paper",
    describeRoute({
      summary: "The paper entries this staff member made in a survey",
      tags: ["staff"],
      responses: { 200: { description: "Entries" } },
    }),
    staffSession,
    validate("param", IdParam),
    async (c) => c.json({ entries: await myPaperEntries(c.var.deps.database, c.var.staff.user, c.req.valid("param").id) }, 200),
  )
  .put(
    "/surveys/:id/paper/:responseId",
    describeRoute({
      summary: "Correct one's own paper entry, until the survey closes",
      tags: ["staff"],
      responses: { 204: { description: "Corrected" } },
    }),
    staffSession,
    validate("param", z.object({ id: IdParam.shape.id, responseId: ResponseId })),
    validate("json", PaperCorrection),
    async (c) => {
      const { id, responseId } = c.req.valid("param");
      await correctPaperEntry(c.var.deps.database, c.var.staff.user, id, responseId, c.req.valid("json"));
      return c.body(null, 204);
    },
  )
  .get(
    "/surveys/:id/export.csv",
    describeRoute({
      summary: "Results as CSV for Excel (UTF-8 with BOM, formula-safe cells, small cells hidden), then free-text answers",
      tags: ["staff"],
      responses: { 200: { description: "text/csv" } },
    }),
    staffSession,
    validate("param", IdParam),
    validate("query", ResultsQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      const options = { breakdown: c.req.valid("query").by, minCell: c.var.deps.surveys.minCell };
      const data = await exportFor(c.var.deps.database, c.var.staff.user, id, options, "csv");
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="survey-${id}.csv"`);
      return c.body(toCsv(data), 200);
    },
  )
  .get(
    "/surveys/:id/export.json",
    describeRoute({
      summary: "Results as JSON (the same data as the CSV)",
      tags: ["staff"],
      responses: { 200: { description: "Results" } },
    }),
    staffSession,
    validate("param", IdParam),
    validate("query", ResultsQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      const options = { breakdown: c.req.valid("query").by, minCell: c.var.deps.surveys.minCell };
      const data = await exportFor(c.var.deps.database, c.var.staff.user, id, options, "json");
      c.header("content-disposition", `attachment; filename="survey-${id}.json"`);
      return c.json({ results: data.results, comments: data.comments }, 200);
    },
  )
  .post(
    "/surveys/:id/letters",
    describeRoute({
      summary: "Make a batch of invitation codes for a sampled survey; answers them once, as CSV for mail-merge",
      tags: ["staff"],
      responses: { 201: { description: "text/csv: number, code, the link for the QR code" } },
    }),
    staffSession,
    validate("param", IdParam),
    validate("json", z.object({ count: z.int().check(z.minimum(1), z.maximum(5000)) })),
    async (c) => {
      const { deps } = c.var;
      const base = (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, "");
      const { batchId, csv } = await generateLetters(
        deps.database,
        c.var.staff.user,
        c.req.valid("param").id,
        c.req.valid("json").count,
        base,
      );
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="letters-${batchId}.csv"`);
      return c.body(csv, 201);
    },
  )
  .get(
    "/surveys/:id/letters",
    describeRoute({
      summary: "Batches of letters with their response rates",
      tags: ["staff"],
      responses: { 200: { description: "Batches" } },
    }),
    staffSession,
    validate("param", IdParam),
    async (c) => c.json({ batches: await letterBatches(c.var.deps.database, c.var.staff.user, c.req.valid("param").id) }, 200),
  )
  .get(
    "/population",
    describeRoute({
      summary: "A ward's population by age band (the weights of age-weighted results); ward staff: their ward",
      tags: ["staff"],
      responses: { 200: { description: "The table", schema: PopulationTable } },
    }),
    staffSession,
    validate("query", z.object({ ward: z.optional(WardCode) })),
    async (c) => {
      const ward = wardFor(c.var.staff.user, c.req.valid("query").ward);
      return c.json({ ward, bands: await staffPopulation(c.var.deps.database, c.var.staff.user, ward) }, 200);
    },
  )
  .put(
    "/population",
    describeRoute({ summary: "Replace a ward's population table", tags: ["staff"], responses: { 204: { description: "Saved" } } }),
    staffSession,
    validate("json", PopulationTable),
    async (c) => {
      const { ward, bands } = c.req.valid("json");
      await setPopulation(c.var.deps.database, c.var.staff.user, ward, bands as Population);
      return c.body(null, 204);
    },
  )
  .get(
    "/surveys/:id/comments",
    describeRoute({
      summary: "Free-text answers: searchable (q), by theme, with compound-noun keyword counts; hidden under the minimum cell",
      tags: ["staff"],
      responses: { 200: { description: "Comments and keywords" } },
    }),
    staffSession,
    validate("param", IdParam),
    validate("query", z.object({ q: z.optional(z.string().check(z.maxLength(100))), theme: z.optional(Theme) })),
    async (c) => {
      const { q, theme } = c.req.valid("query");
      return c.json(
        await surveyComments(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, {
          q,
          theme,
          minCell: c.var.deps.surveys.minCell,
        }),
        200,
      );
    },
  )
  .put(
    "/surveys/:id/comments/:responseId/:questionId/themes",
    describeRoute({ summary: "Tag a free-text answer with policy themes", tags: ["staff"], responses: { 204: { description: "Tagged" } } }),
    staffSession,
    validate("param", z.object({ id: IdParam.shape.id, responseId: ResponseId, questionId: QuestionId })),
    validate("json", z.object({ themes: z.array(Theme).check(z.maxLength(8)) })),
    async (c) => {
      const { id, responseId, questionId } = c.req.valid("param");
      await setCommentThemes(c.var.deps.database, c.var.staff.user, id, responseId, questionId, c.req.valid("json").themes);
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
    staffSession,
    validate("query", WardQuery),
    async (c) => {
      const { user } = c.var.staff;
      return c.json({ policies: await listPolicies(c.var.deps.database, user, wardFor(user, c.req.valid("query").ward)) }, 200);
    },
  )
  .post(
    "/policies",
    describeRoute({ summary: "Add a policy to a ward", tags: ["staff"], responses: { 201: { description: "The new policy's id" } } }),
    staffSession,
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
    staffSession,
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
    staffSession,
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
    staffSession,
    validate("query", MatchingQuery),
    async (c) => {
      const { user } = c.var.staff;
      const query = c.req.valid("query");
      const matrix = await matchingMatrix(c.var.deps.database, user, {
        ward: wardFor(user, query.ward),
        survey: query.survey,
        by: query.by ?? "area",
        minCell: c.var.deps.surveys.minCell,
      });
      return c.json(matrix, 200);
    },
  )
  .get(
    "/matching.csv",
    describeRoute({ summary: "The needs matrix as CSV for Excel", tags: ["staff"], responses: { 200: { description: "text/csv" } } }),
    staffSession,
    validate("query", MatchingQuery),
    async (c) => {
      const { database, surveys } = c.var.deps;
      const { user } = c.var.staff;
      const query = c.req.valid("query");
      const ward = wardFor(user, query.ward);
      const matrix = await matchingMatrix(database, user, { ward, survey: query.survey, by: query.by ?? "area", minCell: surveys.minCell });
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
    staffSession,
    adminOnly,
    async (c) => c.json(await wardComparison(c.var.deps.database, c.var.deps.surveys.minCell), 200),
  )
  .get(
    "/matching/wards.csv",
    describeRoute({ summary: "The comparison of wards as CSV", tags: ["staff"], responses: { 200: { description: "text/csv" } } }),
    staffSession,
    adminOnly,
    async (c) => {
      const { database, surveys } = c.var.deps;
      const comparison = await wardComparison(database, surveys.minCell);
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
    staffSession,
    async (c) => c.json({ indicators: await listIndicators(c.var.deps.database, c.var.staff.user, c.var.deps.surveys.minCell) }, 200),
  )
  .post(
    "/indicators",
    describeRoute({
      summary: "Define an indicator: a question and its options, a baseline year and a target in points (city-wide: administrators)",
      tags: ["staff"],
      responses: { 201: { description: "The new indicator's id" } },
    }),
    staffSession,
    validate("json", IndicatorInput),
    async (c) => c.json({ id: await createIndicator(c.var.deps.database, c.var.staff.user, c.req.valid("json")) }, 201),
  )
  .put(
    "/indicators/:id",
    describeRoute({ summary: "Change an indicator's definition", tags: ["staff"], responses: { 204: { description: "Saved" } } }),
    staffSession,
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
    staffSession,
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
    staffSession,
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
    staffSession,
    validate(
      "param",
      z.object({ id: IdParam.shape.id, ward: WardCode, year: z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100)) }),
    ),
    async (c) => {
      const { id, ward, year } = c.req.valid("param");
      await removeIndicatorYear(c.var.deps.database, c.var.staff.user, id, ward, year);
      return c.body(null, 204);
    },
  );
