/**
 * The staff API under /api/staff. Every route but login needs a session (staffSession), every
 * change needs the session's CSRF token, and every read or change is scoped to the staff member's
 * ward: another ward's survey answers 404, exactly as one that does not exist.
 */
import { Hono } from "hono";
import { z } from "zod/mini";
import { LoginInput, StaffSession, StaffUser } from "../../shared/staff/schemas";
import { ResultsQuery } from "../../shared/surveys/results";
import type { AppEnv } from "../env";
import { clientAddress } from "../http/client-address";
import { AppError } from "../http/errors";
import { describeRoute } from "../http/openapi";
import { validate } from "../http/validate";
import { countAttempt } from "../security/rate-limit";
import { adminOnly, clearSessionCookie, foreignOrigin, setSessionCookie, staffSession } from "./middleware";
import { actorOf, endSessionsOf, listStaffUsers, login, logout } from "./service";
import { auditEntries, StaffResults, StaffSurveyList, staffSurveyResults, staffSurveys } from "./surveys";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

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
    validate("query", ResultsQuery),
    async (c) => {
      const results = await staffSurveyResults(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, {
        breakdown: c.req.valid("query").by,
        minCell: c.var.deps.surveys.minCell,
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
  );
