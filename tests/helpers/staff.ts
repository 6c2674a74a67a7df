/**
 * Staff accounts for integration tests: every account has the same password, hashed once per test
 * file; the usual three (北区 and 中央区 staff, a city administrator) stored in one call; and a JSON
 * client that logs in as a browser would.
 */

import { randomUUID } from "node:crypto";
import { hashPassword } from "../../server/accounts/passwords";
import type { Database } from "../../server/platform/db/database";
import type { StaffUserTable } from "../../server/platform/db/schema";
import { insertInto } from "../../server/platform/db/write";
import { StaffSession } from "../../shared/accounts/schemas";

export const staffPassword = "correct horse battery";

let passwordHash: Promise<string> | undefined;
/** The shared password's hash, worked out once per test file (hashing is slow on purpose). */
export const staffPasswordHash = (): Promise<string> => {
  passwordHash ??= hashPassword(staffPassword);
  return passwordHash;
};

export function staffRow(login: string, role: StaffUserTable["role"], wardCode: string | null, passwordHash: string): StaffUserTable {
  return {
    id: randomUUID(),
    login,
    displayName: login,
    role,
    wardCode,
    passwordHash,
    failedLogins: 0,
    lockedUntil: null,
    disabled: 0,
    readsPersonal: 1,
    createdAt: new Date().toISOString(),
    mustChangePassword: 0,
    lastLoginAt: null,
  };
}

/** The accounts the suites log in as: staff of 北区 (27127) and 中央区 (27128), and a city administrator. */
export const testStaff = {
  "kita.staff": { role: "ward_staff", wardCode: "27127" },
  "chuo.staff": { role: "ward_staff", wardCode: "27128" },
  "city.admin": { role: "city_admin", wardCode: null },
} as const satisfies Record<string, Pick<StaffUserTable, "role" | "wardCode">>;
export type TestStaffLogin = keyof typeof testStaff;

/** Stores these test accounts (all three by default) with the shared password. */
export async function insertStaff(
  database: Database,
  logins: readonly TestStaffLogin[] = ["kita.staff", "chuo.staff", "city.admin"],
): Promise<void> {
  const hash = await staffPasswordHash();
  await insertInto(
    database,
    "staffUsers",
    logins.map((login) => staffRow(login, testStaff[login].role, testStaff[login].wardCode, hash)),
  );
}

/** JSON requests to an app under test, and a staff login that answers the headers its changes need. */
export function jsonClient(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }) {
  /** A request with a JSON body, or a text body (a string) of another content type. */
  const request = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown, contentType = "application/json") =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: { ...headers, "content-type": contentType },
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      }),
    );
  /** Logs in with the shared test password: the session, its cookie, and the headers a browser then sends. */
  const login = async (login: string) => {
    const response = await request("POST", "/api/staff/login", {}, { login, password: staffPassword });
    if (response.status !== 200) throw new Error(`login as ${login}: ${response.status} ${await response.text()}`);
    const session = StaffSession.parse(await response.json());
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
    return { session, cookie, headers: { cookie, "x-csrf-token": session.csrfToken } };
  };
  /** The session cookie and CSRF header for later requests. */
  const loginAs = async (name: string): Promise<{ cookie: string; "x-csrf-token": string }> => (await login(name)).headers;
  return { request, login, loginAs };
}
