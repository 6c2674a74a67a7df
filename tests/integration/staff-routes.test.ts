/**
 * Every staff route needs a session. The routes are read from the app itself (app.routes), so a
 * route a request reaches before any staffSession (a sub-app made without staffApp(), mounted
 * before the staff sub-apps of /api/staff) fails here: each must answer 401 staff.unauthenticated
 * without a session cookie and with a cookie no session has. Only POST /api/staff/login, /setup and
 * /reset are open (each checks its own credential: a password, or a one-time link's token).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app";
import { dialects, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";

/** A value for each path parameter, of the right shape where the shape matters to routing. */
const parameterValues: Record<string, string> = {
  id: "01900000-0000-7000-8000-000000000000",
  responseId: "01900000-0000-7000-8000-000000000001",
  questionId: "q1",
  kind: "place",
  ward: "27127",
  year: "2026",
  batchId: "01900000-0000-7000-8000-000000000002",
};

const sqlite = dialects.find((d) => d.name === "sqlite") as (typeof dialects)[number];
let testDb: TestDatabase;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  testDb = await sqlite.open();
  app = testApp(testDb.database);
});
afterAll(async () => {
  await testDb.cleanup();
});

const openRoutes = ["/api/staff/login", "/api/staff/setup", "/api/staff/reset"];

/** Every staff endpoint the app mounts (middleware, registered for ALL, aside), with its parameters filled in. */
function staffEndpoints(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const endpoints: { method: string; path: string }[] = [];
  for (const route of app.routes) {
    if (route.method === "ALL" || !route.path.startsWith("/api/staff/")) continue;
    if (route.method === "POST" && openRoutes.includes(route.path)) continue;
    const path = route.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => {
      const value = parameterValues[name];
      if (!value) throw new Error(`no test value for the parameter :${name} of ${route.path}`);
      return value;
    });
    const key = `${route.method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    endpoints.push({ method: route.method, path });
  }
  return endpoints;
}

describe("the staff API without a session", () => {
  it("finds the staff routes of every feature", () => {
    const paths = staffEndpoints().map((e) => `${e.method} ${e.path}`);
    expect(paths.length).toBeGreaterThan(40);
    for (const expected of [
      "GET /api/staff/session",
      "GET /api/staff/surveys",
      "GET /api/staff/local/place",
      "POST /api/staff/notices",
      "GET /api/staff/matching",
      "GET /api/staff/indicators",
      "GET /api/staff/users",
    ])
      expect(paths).toContain(expected);
  });

  it("answers staff.unauthenticated on every staff route but login, with no cookie", async () => {
    for (const { method, path } of staffEndpoints()) {
      const response = await app.request(path, {
        method,
        headers: { "content-type": "application/json" },
        ...(method === "GET" || method === "HEAD" ? {} : { body: "{}" }),
      });
      expect(response.status, `${method} ${path}`).toBe(401);
      await expectErrorResponse(response, "staff.unauthenticated");
    }
  });

  it("answers staff.unauthenticated with a cookie no session has, and clears it", async () => {
    for (const { method, path } of staffEndpoints()) {
      const response = await app.request(path, {
        method,
        headers: { "content-type": "application/json", cookie: "machikoe_staff=not-a-session" },
        ...(method === "GET" || method === "HEAD" ? {} : { body: "{}" }),
      });
      expect(response.status, `${method} ${path}`).toBe(401);
      await expectErrorResponse(response, "staff.unauthenticated");
      expect(response.headers.get("set-cookie"), `${method} ${path}`).toMatch(/^machikoe_staff=;/);
    }
  });

  it("leaves login open: it answers a wrong password, not a missing session", async () => {
    const response = await app.request("/api/staff/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "nobody", password: "not-the-password" }),
    });
    await expectErrorResponse(response, "staff.login_failed");
  });

  it("leaves the setup and reset links open: a token no link has is refused as such", async () => {
    for (const [path, body] of [
      ["/api/staff/setup", { token: "x".repeat(43), login: "city.first", displayName: "管理者", password: "a long enough password" }],
      ["/api/staff/reset", { token: "x".repeat(43), password: "a long enough password" }],
    ] as const) {
      const response = await app.request(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      await expectErrorResponse(response, "staff.link_invalid");
    }
  });
});
