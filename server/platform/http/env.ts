/**
 * What the platform's middleware and routes reach through `c.var.deps`: the database, the logger
 * and how the server is deployed. The app's own deps (server/env.ts) extend these with what its
 * features need; the platform sees only this part.
 */
import type { RequestIdVariables } from "hono/request-id";
import type { Database } from "../db/database";
import type { Logger } from "../logger";

export interface PlatformDeps {
  database: Database;
  logger: Logger;
  version: string;
  /** Whether to take the client address from X-Forwarded-For. */
  trustProxy: boolean;
}

export interface PlatformEnv {
  Variables: RequestIdVariables & { deps: PlatformDeps };
}
