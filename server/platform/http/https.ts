/** Whether a request came over https: directly, or through a trusted proxy that says so (X-Forwarded-Proto). */
import type { Context } from "hono";
import { trustsProxy } from "./client-address";
import type { PlatformEnv } from "./env";

export function requestIsHttps<E extends PlatformEnv>(c: Context<E>): boolean {
  if (trustsProxy(c.var.deps.trustProxy) && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return c.req.url.startsWith("https:");
}

/** HSTS only on an answer that went over https: over plain http it is meaningless, and on a local address it would pin a name to https by mistake. */
export function strictTransportSecurity<E extends PlatformEnv>() {
  return async (c: Context<E>, next: () => Promise<void>) => {
    await next();
    if (requestIsHttps(c)) c.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  };
}
