/** What every handler can reach through `c.var`: the database and the logger, set once per app. */
import type { RequestIdVariables } from "hono/request-id";
import type { StaffRules, SurveyRules } from "./config";
import type { Database } from "./db/database";
import type { Logger } from "./logger";

export interface AppDeps {
  database: Database;
  logger: Logger;
  version: string;
  bodyLimitBytes: number;
  /** The built client to serve, or undefined for an API-only server (tests, `npm run dev`). */
  clientDir?: string | undefined;
  surveys: SurveyRules;
  staff: StaffRules;
  /** Whether to take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** The public URL, when behind a proxy: an https one makes cookies Secure. */
  publicUrl: string | undefined;
}

export interface AppEnv {
  Variables: RequestIdVariables & { deps: AppDeps };
}
