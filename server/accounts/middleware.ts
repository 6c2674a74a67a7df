/**
 * Staff requests: the session from the cookie (401 without a valid one), a CSRF check on every
 * request that changes something (the session's token in X-CSRF-Token, and no foreign Origin), and
 * role checks. Every staff sub-app is made with `staffApp()`, so every route in it runs behind
 * `staffSession`; only login, the first run's setup and the reset link (accounts/routes.ts) are
 * outside. An account that must change its password reaches only its session, logout and the change.
 */
import { timingSafeEqual } from "node:crypto";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { csrfHeader, type StaffSession } from "../../shared/accounts/schemas";
import type { AppEnv } from "../env";
import { errorResponse } from "../platform/http/errors";
import { requestIsHttps } from "../platform/http/https";
import { sessionOf } from "./sessions";

export interface StaffEnv extends AppEnv {
  Variables: AppEnv["Variables"] & { staff: StaffSession; staffToken: string };
}

/** Whether the app is reached over https (directly, by its public URL, or through a trusted proxy). */
function secure<E extends AppEnv>(c: Context<E>): boolean {
  if (c.var.deps.publicUrl?.startsWith("https:")) return true;
  return requestIsHttps(c);
}

/** Over https the cookie takes the __Host- prefix: Secure, no Domain, Path=/ — the browser enforces all three. */
const cookieName = <E extends AppEnv>(c: Context<E>) => (secure(c) ? "__Host-machikoe_staff" : "machikoe_staff");

export function setSessionCookie<E extends AppEnv>(c: Context<E>, token: string, expiresAt: string): void {
  setCookie(c, cookieName(c), token, {
    httpOnly: true,
    secure: secure(c),
    sameSite: "Strict",
    path: "/",
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie<E extends AppEnv>(c: Context<E>): void {
  deleteCookie(c, cookieName(c), { path: "/", secure: secure(c) });
}

const changes = (method: string) => method !== "GET" && method !== "HEAD" && method !== "OPTIONS";

/** A request from another site's page: its Origin names another host. */
export function foreignOrigin<E extends AppEnv>(c: Context<E>): boolean {
  const origin = c.req.header("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return true;
  }
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** What an account that must change its password may still ask for. */
const whileChangingPassword = new Set(["GET /api/staff/session", "POST /api/staff/logout", "POST /api/staff/password"]);

export const staffSession = createMiddleware<StaffEnv>(async (c, next) => {
  // Sub-apps mounted on the same path each bring this middleware: the first one that runs decides.
  if (c.get("staff")) return next();
  const token = getCookie(c, cookieName(c));
  const session = token ? await sessionOf(c.var.deps.database, c.var.deps.staff, token) : null;
  if (!token || !session) {
    if (token) clearSessionCookie(c);
    return errorResponse(c, "staff.unauthenticated");
  }
  if (changes(c.req.method) && (foreignOrigin(c) || !sameToken(c.req.header(csrfHeader) ?? "", session.csrfToken))) {
    return errorResponse(c, "staff.csrf");
  }
  // A temporary password is changed before anything else, whatever the console shows.
  if (session.mustChangePassword && !whileChangingPassword.has(`${c.req.method} ${c.req.path}`)) {
    return errorResponse(c, "staff.password_change_required");
  }
  c.set("staff", session);
  c.set("staffToken", token);
  await next();
});

export const adminOnly = createMiddleware<StaffEnv>(async (c, next) => {
  if (c.var.staff.user.role !== "city_admin") return errorResponse(c, "staff.forbidden");
  await next();
});

/** Free-text answers and 町会 join requests (personal data, possibly 要配慮個人情報): only with the permission of their own. */
export const personalData = createMiddleware<StaffEnv>(async (c, next) => {
  if (!c.var.staff.permissions.includes("personal")) return errorResponse(c, "staff.personal_permission_required");
  await next();
});

/** A staff sub-app: every route in it needs a session, and every change the session's CSRF token. */
export const staffApp = () => new Hono<StaffEnv>().use(staffSession);
