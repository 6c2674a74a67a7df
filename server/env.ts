/**
 * What every handler can reach through `c.var.deps`, set once per app: the platform's part
 * (platform/http/env.ts: database, logger, version, trustProxy) and what the features need.
 */
import type { RequestIdVariables } from "hono/request-id";
import type { MapTiles, StaffRules, SurveyRules } from "./config";
import type { NoticeSender, PushNetwork } from "./notices/sender/sender";
import type { PlatformDeps } from "./platform/http/env";

export interface AppDeps extends PlatformDeps {
  bodyLimitBytes: number;
  /** The built client to serve, or undefined for an API-only server (tests, `npm run dev`). */
  clientDir?: string | undefined;
  surveys: SurveyRules;
  staff: StaffRules;
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
