import { Hono } from "hono";
import { z } from "zod/mini";
import { Receipt, ResponseInput, SendAnswer } from "../../shared/surveys/answers";
import { CodeCheck, CodeCheckInput, CodeResolution } from "../../shared/surveys/code-check";
import { Survey, SurveyId, SurveySummary } from "../../shared/surveys/model";
import { ResultsQuery, SurveyResults } from "../../shared/surveys/results";
import { WardCode } from "../../shared/wards/schemas";
import type { AppEnv } from "../env";
import { clientAddress } from "../platform/http/client-address";
import { describeRoute } from "../platform/http/openapi";
import { validate } from "../platform/http/validate";
import { checkInvitationCode } from "./code-check";
import { resolveInvitationCode } from "./code-resolve";
import { submitResponse } from "./ingest";
import { getSurvey, listFollowUps, listOpenSurveys } from "./read";
import { surveyResults } from "./results";

const SurveyParam = z.object({ id: SurveyId });

export const surveyRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "Surveys open now for a ward's residents: the ward's own and the city's",
      tags: ["surveys"],
      responses: { 200: { description: "Open surveys, soonest closing first", schema: z.object({ surveys: z.array(SurveySummary) }) } },
    }),
    validate("query", z.object({ ward: z.optional(WardCode) })),
    async (c) => {
      const { ward } = c.req.valid("query");
      return c.json({ surveys: await listOpenSurveys(c.var.deps.database, ward) }, 200);
    },
  )
  .get(
    "/follow-ups",
    describeRoute({
      summary: "Surveys (open or closed) whose 区の対応 — what the ward did with the results — is published, for a ward's residents",
      tags: ["surveys"],
      responses: { 200: { description: "Latest published first, at most 20", schema: z.object({ surveys: z.array(SurveySummary) }) } },
    }),
    validate("query", z.object({ ward: z.optional(WardCode) })),
    async (c) => c.json({ surveys: await listFollowUps(c.var.deps.database, c.req.valid("query").ward) }, 200),
  )
  .post(
    "/codes/resolve",
    describeRoute({
      summary:
        "Find the survey a letter's code belongs to (its short link /c/CODE, or the code typed by hand), without using it up: `valid` or `used` with the survey's id and ward, or `unknown` (anything else, alike)",
      description:
        "Found by the code's hash. Counted against the same per-address limit as the code check (`CODE_CHECK_RATE_LIMIT_PER_MIN`). Refusals: `rate.limited`.",
      tags: ["surveys"],
      responses: {
        200: { description: "The code's survey, or unknown", schema: CodeResolution },
        429: { description: "Too many checks from this address" },
      },
    }),
    validate("json", CodeCheckInput),
    async (c) => {
      const result = await resolveInvitationCode(c.var.deps.database, c.var.deps.surveys, {
        code: c.req.valid("json").code,
        clientAddress: clientAddress(c),
      });
      return c.json(result, 200);
    },
  )
  .get(
    "/:id",
    describeRoute({
      summary: "One survey with its questions in every locale",
      tags: ["surveys"],
      responses: { 200: { description: "The survey", schema: Survey }, 404: { description: "No such survey (`surveys.not_found`)" } },
    }),
    validate("param", SurveyParam),
    async (c) => c.json(await getSurvey(c.var.deps.database, c.req.valid("param").id), 200),
  )
  .post(
    "/:id/invitations/check",
    describeRoute({
      summary:
        "Check a letter's invitation code before answering, without using it up: `valid` (this survey takes it), `used`, or `unknown` (anything else, alike)",
      description:
        "Rate-limited per address (`CODE_CHECK_RATE_LIMIT_PER_MIN`), every check counted. Refusals: `surveys.not_found`, `rate.limited`.",
      tags: ["surveys"],
      responses: {
        200: { description: "What the survey would make of the code now", schema: CodeCheck },
        404: { description: "No such survey (`surveys.not_found`)" },
        429: { description: "Too many checks from this address" },
      },
    }),
    validate("param", SurveyParam),
    validate("json", CodeCheckInput),
    async (c) => {
      const result = await checkInvitationCode(c.var.deps.database, c.var.deps.surveys, {
        surveyId: c.req.valid("param").id,
        code: c.req.valid("json").code,
        clientAddress: clientAddress(c),
      });
      return c.json(result, 200);
    },
  )
  .post(
    "/:id/responses",
    describeRoute({
      summary:
        'Send a response. Idempotent by response id: a repeat counts nothing, and gets the first receipt only with the secret the original was sent with; otherwise `{ status: "already_received" }`.',
      description:
        "Refusals: `surveys.closed`, `surveys.not_open`, `responses.invalid` (details.issues), `invitations.required`, `invitations.invalid`, `invitations.used`, `polls.already_answered`, `rate.limited`.",
      tags: ["surveys"],
      responses: {
        201: { description: "Stored and counted", schema: Receipt },
        200: {
          description: "Received before: the first receipt (with the original's secret), else only `already_received`",
          schema: SendAnswer,
        },
        409: { description: "Closed, code used, or already answered from this device" },
        422: { description: "The answers do not fit the survey" },
        429: { description: "Too many responses from this address" },
      },
    }),
    validate("param", SurveyParam),
    validate("json", ResponseInput),
    async (c) => {
      const { receipt, created } = await submitResponse(c.var.deps.database, c.var.deps.surveys, {
        surveyId: c.req.valid("param").id,
        response: c.req.valid("json"),
        clientAddress: clientAddress(c),
      });
      return created ? c.json(receipt, 201) : c.json(receipt, 200);
    },
  )
  .get(
    "/:id/results",
    describeRoute({
      summary: "Results of a poll whose ward made them public; counts under the minimum cell size are null",
      tags: ["surveys"],
      responses: {
        200: { description: "Counts per option, optionally by a profile field", schema: SurveyResults },
        403: { description: "Not public" },
      },
    }),
    validate("param", SurveyParam),
    validate("query", ResultsQuery),
    async (c) => {
      const results = await surveyResults(c.var.deps.database, c.req.valid("param").id, {
        breakdown: c.req.valid("query").by,
        minCell: c.var.deps.surveys.minCell,
        refreshHours: c.var.deps.surveys.refreshHours,
        publicOnly: true,
      });
      return c.json(results, 200);
    },
  );
