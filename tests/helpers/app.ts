/** The app under test, on a given database, with quiet logs and test-sized limits. */
import { createApp } from "../../server/app";
import type { StaffRules, SurveyRules } from "../../server/config";
import type { AppDeps } from "../../server/env";
import type { PushNetwork } from "../../server/notices/sender/sender";
import { generateVapidKeys } from "../../server/notices/sender/webpush";
import type { Database } from "../../server/platform/db/database";
import { createLogger } from "../../server/platform/logger";

/** Push services the tests know: push.test and push2.test, "resolving" to a public documentation address (TEST-NET-3). */
export const testPushNetwork: PushNetwork = {
  allowList: ["push.test", "push2.test", "*.push.test"],
  resolve: async (host) => (host.endsWith("push.test") || host === "push2.test" ? ["203.0.113.7"] : []),
};
export const testVapidKeys = generateVapidKeys();

export const testSurveyRules: SurveyRules = {
  rateLimitPerMinute: 0,
  codeCheckPerMinute: 0,
  pollOnePerDevice: true,
  pollAnswersPerAddress: 0,
  minCell: 10,
  // A snapshot whenever K new responses are in (a deployment waits RESULTS_REFRESH_HOURS, 24, between them).
  refreshHours: 0,
  letterBatchMin: 1,
};

/** Staff rules with a short lockout, so tests can see it end. */
export const testStaffRules: StaffRules = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  lockoutAfter: 5,
  lockoutMinutes: 15,
  loginRateLimitPerMinute: 0,
  joinRetentionDays: 90,
  auditRetentionDays: 400,
  joinRateLimitPerMinute: 0,
  joinInboxMax: 0,
};

export function testApp(database: Database, overrides: Partial<AppDeps> = {}) {
  return createApp({
    database,
    logger: createLogger("silent"),
    version: "test",
    bodyLimitBytes: 1024,
    clientDir: undefined,
    surveys: testSurveyRules,
    staff: testStaffRules,
    trustProxy: false,
    publicUrl: undefined,
    map: { tileUrl: "https://tiles.example.jp/{z}/{x}/{y}.png", attribution: "© test" },
    notices: { publicKey: testVapidKeys.publicKey, network: testPushNetwork, sender: null },
    ...overrides,
  });
}

/** A resident's POST of JSON to the test app, from the given client address (rate limits count by it). */
export function postJson(app: ReturnType<typeof testApp>, path: string, body: unknown, address = "198.51.100.7"): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify(body),
    }),
  );
}
