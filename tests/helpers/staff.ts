/** Staff accounts for integration tests: every account has the same password, hashed once per file. */

import { randomUUID } from "node:crypto";
import type { StaffUserTable } from "../../server/platform/db/schema";

export const staffPassword = "correct horse battery";

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
    createdAt: new Date().toISOString(),
  };
}

/** JSON requests to an app under test, and a staff login that answers the headers its changes need. */
export function jsonClient(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }) {
  const request = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: { ...headers, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  /** Logs in with the shared test password; answers the session cookie and CSRF header for later requests. */
  const loginAs = async (login: string): Promise<{ cookie: string; "x-csrf-token": string }> => {
    const response = await request("POST", "/api/staff/login", {}, { login, password: staffPassword });
    if (response.status !== 200) throw new Error(`login as ${login}: ${response.status} ${await response.text()}`);
    const session = (await response.json()) as { csrfToken: string };
    return { cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] as string, "x-csrf-token": session.csrfToken };
  };
  return { request, loginAs };
}
