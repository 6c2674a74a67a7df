/**
 * What the platform's middleware and routes reach through `c.var.deps`: the database, the logger
 * and how the server is deployed. The app's own deps (server/env.ts) extend these with what its
 * features need; the platform sees only this part.
 */
import type { RequestIdVariables } from "hono/request-id";
import type { Database } from "../db/database";
import type { Logger } from "../logger";

/** false/0: no proxy; true: one hop; a number: that many hops; a list: the proxies' addresses or CIDR ranges (client-address.ts). */
export type TrustProxy = boolean | number | readonly string[];

export interface PlatformDeps {
  database: Database;
  logger: Logger;
  version: string;
  /** The proxies in front, whose X-Forwarded-For entries are believed (client-address.ts). */
  trustProxy: TrustProxy;
}

export interface PlatformEnv {
  Variables: RequestIdVariables & { deps: PlatformDeps };
}
