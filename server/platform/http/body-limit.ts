/**
 * The body limit for /api. A request that declares its length is judged by that header alone: Node's
 * HTTP parser never reads past it, so the body cannot be longer. Only a chunked body, whose length
 * is unknown until it has arrived, is counted while it is read (Hono's bodyLimit). Asking Hono for
 * the body stream builds a full web Request, which costs more than the rest of a small write.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit as countingBodyLimit } from "hono/body-limit";

export function bodyLimit(maxBytes: number, onError: (c: Context) => Response): MiddlewareHandler {
  const counting = countingBodyLimit({ maxSize: maxBytes, onError });
  return (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number.parseInt(declared, 10) > maxBytes ? Promise.resolve(onError(c)) : next();
    }
    return counting(c, next);
  };
}
