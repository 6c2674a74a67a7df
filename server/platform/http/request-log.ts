/**
 * One structured log line per request, with its request id, status and duration. `redactPath` rewrites
 * a path before it is logged (a feature's paths that carry a secret, such as a letter's code).
 */
import type { MiddlewareHandler } from "hono";
import type { PlatformEnv } from "./env";

export function requestLog(options: { redactPath?: (path: string) => string } = {}): MiddlewareHandler<PlatformEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const { logger } = c.var.deps;
    const status = c.res.status;
    const fields = {
      requestId: c.var.requestId,
      method: c.req.method,
      path: options.redactPath ? options.redactPath(c.req.path) : c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) logger.error("request", fields);
    else logger.info("request", fields);
  };
}
