/** The app under test, on a given database, with quiet logs and test-sized limits. */
import { createApp } from "../../server/app";
import type { SurveyRules } from "../../server/config";
import type { Database } from "../../server/db/database";
import type { AppDeps } from "../../server/env";
import { createLogger } from "../../server/logger";

export const testSurveyRules: SurveyRules = { rateLimitPerMinute: 0, pollOnePerDevice: true, minCell: 10, trustProxy: false };

export function testApp(database: Database, overrides: Partial<AppDeps> = {}) {
  return createApp({
    database,
    logger: createLogger("silent"),
    version: "test",
    bodyLimitBytes: 1024,
    clientDir: undefined,
    surveys: testSurveyRules,
    ...overrides,
  });
}
