/**
 * Staff accounts under /api/staff: login, the first run's setup and a reset link's use (the staff
 * routes without a session), then the session, logout, one's own password and the audit log, behind
 * the session like every other staff sub-app. The accounts themselves are in users-routes.ts.
 */
import { type Context, Hono } from "hono";
import { z } from "zod/mini";
import { AuditPage, AuditQuery } from "../../shared/accounts/audit";
import { LoginInput, PasswordChangeInput, ResetInput, SetupInput, StaffSession } from "../../shared/accounts/schemas";
import type { AppEnv } from "../env";
import { AppError } from "../platform/errors";
import { clientAddress } from "../platform/http/client-address";
import { describeRoute } from "../platform/http/openapi";
import { validate } from "../platform/http/validate";
import { countAttempt } from "../platform/rate-limit";
import { auditCsv } from "./audit-csv";
import { auditEntriesFor, auditPage, recordAuditExport } from "./audit-log";
import { clearSessionCookie, foreignOrigin, setSessionCookie, staffApp } from "./middleware";
import { changePassword, resetPassword } from "./password-change";
import { login, logout } from "./sessions";
import { setupFirstAdmin } from "./setup";

/** The open routes' guard: no other site's page may post to them, and an address gets the login's rate. */
async function openRouteGuard(c: Context<AppEnv>, scope: string): Promise<void> {
  const { deps } = c.var;
  if (foreignOrigin(c)) throw new AppError("staff.csrf");
  if (deps.staff.loginRateLimitPerMinute > 0) {
    const count = countAttempt(deps.database, { scope, address: clientAddress(c), now: new Date() });
    if (count > deps.staff.loginRateLimitPerMinute)
      throw new AppError("rate.limited", { limitPerMinute: deps.staff.loginRateLimitPerMinute });
  }
}

export const loginRoutes = new Hono<AppEnv>()
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
      await openRouteGuard(c, "staff-login");
      const { login: name, password } = c.req.valid("json");
      const { session, token } = await login(deps.database, deps.staff, name, password, clientAddress(c));
      setSessionCookie(c, token, session.expiresAt);
      c.header("cache-control", "no-store");
      return c.json(session, 200);
    },
  )
  .post(
    "/setup",
    describeRoute({
      summary: "First run: make the first city administrator with the setup link's token (printed at start while no account exists)",
      description: "Works once, and only while no staff account exists. Refusals: `staff.link_invalid`, `request.invalid`, `rate.limited`.",
      tags: ["staff"],
      responses: { 201: { description: "Made; log in with the chosen login and password" }, 410: { description: "Not a valid link" } },
    }),
    validate("json", SetupInput),
    async (c) => {
      await openRouteGuard(c, "staff-setup");
      await setupFirstAdmin(c.var.deps.database, c.req.valid("json"));
      return c.body(null, 201);
    },
  )
  .post(
    "/reset",
    describeRoute({
      summary: "Set a password with a reset link's token: once; every session of the account ends",
      description: "Refusals: `staff.link_invalid` (used, expired or replaced), `request.invalid`, `rate.limited`.",
      tags: ["staff"],
      responses: {
        200: { description: "Set; log in with it", schema: z.object({ login: z.string() }) },
        410: { description: "Not a valid link" },
      },
    }),
    validate("json", ResetInput),
    async (c) => {
      await openRouteGuard(c, "staff-reset");
      const { token, password } = c.req.valid("json");
      return c.json(await resetPassword(c.var.deps.database, token, password), 200);
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
  .post(
    "/password",
    describeRoute({
      summary: "Change one's own password (a temporary one must be changed first): the account's other sessions end",
      description: "Refusals: `staff.password_wrong`, `staff.password_same`, `request.invalid` (under 12 characters).",
      tags: ["staff"],
      responses: { 204: { description: "Changed" }, 403: { description: "The current password is wrong" } },
    }),
    validate("json", PasswordChangeInput),
    async (c) => {
      const { current, next } = c.req.valid("json");
      await changePassword(c.var.deps.database, c.var.staff.user.id, c.var.staffToken, current, next);
      return c.body(null, 204);
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
