/**
 * Staff accounts under /api/staff: login (the one staff route without a session), then the session,
 * logout, the accounts and the audit log, behind the session like every other staff sub-app.
 */
import { Hono } from "hono";
import { z } from "zod/mini";
import { AuditPage, AuditQuery } from "../../shared/accounts/audit";
import { LoginInput, StaffSession, StaffUser } from "../../shared/accounts/schemas";
import type { AppEnv } from "../env";
import { AppError } from "../platform/errors";
import { clientAddress } from "../platform/http/client-address";
import { describeRoute } from "../platform/http/openapi";
import { validate } from "../platform/http/validate";
import { countAttempt } from "../platform/rate-limit";
import { actorOf } from "./access";
import { auditCsv } from "./audit-csv";
import { auditEntriesFor, auditPage, recordAuditExport } from "./audit-log";
import { adminOnly, clearSessionCookie, foreignOrigin, setSessionCookie, staffApp } from "./middleware";
import { login, logout } from "./sessions";
import { endSessionsOf, listStaffUsers } from "./users";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export const loginRoutes = new Hono<AppEnv>().post(
  "/login",
  describeRoute({
    summary: "Log in: sets the session cookie (HttpOnly, SameSite=Strict) and answers the CSRF token",
    description: "Refusals: `staff.login_failed` (any wrong name or password), `staff.locked` (details.retryAfterSeconds), `rate.limited`.",
    tags: ["staff"],
    responses: { 200: { description: "The session", schema: StaffSession }, 401: { description: "Wrong login" } },
  }),
  validate("json", LoginInput),
  async (c) => {
    const { deps } = c.var;
    if (foreignOrigin(c)) throw new AppError("staff.csrf");
    const address = clientAddress(c);
    if (deps.staff.loginRateLimitPerMinute > 0) {
      const count = await deps.database.write(countAttempt, { scope: "staff-login", address, now: new Date() });
      if (count > deps.staff.loginRateLimitPerMinute)
        throw new AppError("rate.limited", { limitPerMinute: deps.staff.loginRateLimitPerMinute });
    }
    const { login: name, password } = c.req.valid("json");
    const { session, token } = await login(deps.database, deps.staff, name, password, address);
    setSessionCookie(c, token, session.expiresAt);
    c.header("cache-control", "no-store");
    return c.json(session, 200);
  },
);

export const accountRoutes = staffApp()
  .get(
    "/session",
    describeRoute({
      summary: "The current session, with its CSRF token",
      tags: ["staff"],
      responses: { 200: { description: "The session", schema: StaffSession }, 401: { description: "No session" } },
    }),
    (c) => {
      c.header("cache-control", "no-store");
      return c.json(c.var.staff, 200);
    },
  )
  .post(
    "/logout",
    describeRoute({ summary: "Log out: ends this session", tags: ["staff"], responses: { 204: { description: "Ended" } } }),
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
    async (c) => c.json({ users: await listStaffUsers(c.var.deps.database, c.var.staff.user) }, 200),
  )
  .post(
    "/users/:id/end-sessions",
    describeRoute({
      summary: "End every session of an account at once (city administrators)",
      tags: ["staff"],
      responses: { 200: { description: "How many sessions ended", schema: z.object({ ended: z.int() }) } },
    }),
    adminOnly,
    validate("param", IdParam),
    async (c) => {
      const ended = await endSessionsOf(c.var.deps.database, c.req.valid("param").id, actorOf(c.var.staff.user));
      return c.json({ ended }, 200);
    },
  )
  .get(
    "/audit",
    describeRoute({
      summary: "The audit log, newest first, 50 a page: the staff member's ward (a city administrator: all, or ?ward=)",
      description: "Filters: login, action, from and to (days in Japan, YYYY-MM-DD), ward (administrators), page.",
      tags: ["staff"],
      responses: { 200: { description: "One page of entries", schema: AuditPage } },
    }),
    validate("query", AuditQuery),
    async (c) => c.json(await auditPage(c.var.deps.database, c.var.staff.user, c.req.valid("query")), 200),
  )
  .get(
    "/audit.csv",
    describeRoute({
      summary: "The audit log as CSV (the same filters; columns and labels in ?lang=), itself recorded as audit.export",
      tags: ["staff"],
      responses: { 200: { description: "text/csv" } },
    }),
    validate("query", AuditQuery),
    async (c) => {
      const { database } = c.var.deps;
      const query = c.req.valid("query");
      const entries = await auditEntriesFor(database, c.var.staff.user, query);
      await recordAuditExport(database, c.var.staff.user, query, entries.length);
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", 'attachment; filename="audit-log.csv"');
      c.header("cache-control", "no-store");
      return c.body(auditCsv(entries, query.lang ?? "ja"), 200);
    },
  );
