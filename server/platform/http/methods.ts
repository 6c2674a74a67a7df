/**
 * 405 for a known path asked with a method it does not take: the methods every route registered on
 * the app gives that path, for the Allow header. Middleware (method ALL) does not count.
 */
import type { Context } from "hono";
import { errorResponse } from "./errors";

interface RouteEntry {
  method: string;
  path: string;
}

const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .split("/")
      .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
      .join("/")}/?$`,
  );

/** Works out, once, which methods each registered path takes; answers those for a request path. */
export function methodsFor(routes: readonly RouteEntry[]): (path: string) => string[] {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) {
    if (route.method === "ALL" || route.path.endsWith("*")) continue;
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === "GET") methods.add("HEAD");
    byPath.set(route.path, methods);
  }
  const patterns = [...byPath].map(([path, methods]) => ({ pattern: patternOf(path), methods }));
  return (path) => {
    const allowed = new Set<string>();
    for (const { pattern, methods } of patterns) if (pattern.test(path)) for (const method of methods) allowed.add(method);
    return [...allowed].sort();
  };
}

/** The answer for an API path no route took: 405 with Allow when the path is known, else 404. */
export function unmatched(c: Context, allowed: string[]): Response {
  if (allowed.length > 0 && !allowed.includes(c.req.method)) {
    c.header("allow", allowed.join(", "));
    return errorResponse(c, "route.method_not_allowed", { method: c.req.method, allow: allowed });
  }
  return errorResponse(c, "route.not_found", { path: c.req.path });
}
