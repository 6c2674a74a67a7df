import { Hono } from "hono";
import { HealthStatus } from "../../../shared/health/schemas";
import type { PlatformEnv } from "../http/env";
import { describeRoute } from "../http/openapi";
import { checkHealth } from "./service";

export const healthRoutes = new Hono<PlatformEnv>().get(
  "/",
  describeRoute({
    summary: "Liveness and a real write: version, database dialect, and whether a durable write succeeds",
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
);
