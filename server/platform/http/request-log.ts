/** One structured log line per request, with its request id, status and duration. */
import type { MiddlewareHandler } from "hono";
import type { PlatformEnv } from "./env";

export function requestLog(): MiddlewareHandler<PlatformEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const { logger } = c.var.deps;
    const status = c.res.status;
    const fields = {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) logger.error("request", fields);
    else logger.info("request", fields);
  };
}
