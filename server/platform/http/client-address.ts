/** The sender's network address, for rate limits: the socket's, or the proxy's X-Forwarded-For when trusted. */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { PlatformEnv } from "./env";

export function clientAddress<E extends PlatformEnv>(c: Context<E>): string {
  if (c.var.deps.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // no socket: an in-process request (tests)
  }
}
