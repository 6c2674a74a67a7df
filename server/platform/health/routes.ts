/**
 * Health for load balancers and monitors: `/api/health/live` (the process answers; never touches the
 * database) and `/api/health` (the database takes a durable write: one probe per few seconds, shared).
 */
import { Hono } from "hono";
import { HealthStatus, Liveness } from "../../../shared/health/schemas";
import type { PlatformEnv } from "../http/env";
import { describeRoute } from "../http/openapi";
import { checkHealth, probeEveryMs } from "./service";

export const healthRoutes = new Hono<PlatformEnv>()
  .get(
    "/",
    describeRoute({
      summary: "Readiness: version, database dialect, and whether a durable write succeeds",
      description: `One probe row is written at most every ${probeEveryMs / 1000} s per instance; checks in between share its answer (database.checkedAt).`,
      tags: ["operations"],
      responses: {
        200: { description: "Healthy", schema: HealthStatus },
        503: { description: "The database cannot write", schema: HealthStatus },
      },
    }),
    async (c) => {
      const { database, version } = c.var.deps;
      const health = await checkHealth(database, version);
      c.header("Cache-Control", "no-store");
      return health.status === "ok" ? c.json(health, 200) : c.json(health, 503);
    },
  )
  .get(
    "/live",
    describeRoute({
      summary: "Liveness: the process answers (no database read or write)",
      tags: ["operations"],
      responses: { 200: { description: "Alive", schema: Liveness } },
    }),
    (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ status: "ok" as const, version: c.var.deps.version }, 200);
    },
  );
