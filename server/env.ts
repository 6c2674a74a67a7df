/** What every handler can reach through `c.var`: the database and the logger, set once per app. */
import type { RequestIdVariables } from "hono/request-id";
import type { MapTiles, StaffRules, SurveyRules } from "./config";
import type { NoticeSender, PushNetwork } from "./notices/sender/sender";
import type { Database } from "./platform/db/database";
import type { Logger } from "./platform/logger";

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
  /** The 通いの場 map's tile server, or null for no map. */
  map: MapTiles | null;
  /** Push: the VAPID public key, where pushes may go, and the sender (null where it does not run, as in most tests). */
  notices: { publicKey: string; network: PushNetwork; sender: NoticeSender | null };
}

export interface AppEnv {
  Variables: RequestIdVariables & { deps: AppDeps };
}
