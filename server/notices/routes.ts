import { Hono } from "hono";
import { z } from "zod/mini";
import { PushRegistration, PushRemoval } from "../../shared/notices/schemas";
import type { AppEnv } from "../env";
import { describeRoute } from "../platform/http/openapi";
import { validate } from "../platform/http/validate";
import { registerSubscription, unregisterSubscription } from "./service";

export const PushKey = z.object({ publicKey: z.string() });

export const pushRoutes = new Hono<AppEnv>()
  .get(
    "/key",
    describeRoute({
      summary: "The server's VAPID public key: the applicationServerKey to subscribe with",
      tags: ["push"],
      responses: { 200: { description: "The key", schema: PushKey } },
    }),
    (c) => c.json({ publicKey: c.var.deps.notices.publicKey }, 200),
  )
  .put(
    "/subscription",
    describeRoute({
      summary: "Register a browser's push subscription (or update its ward, language and cohorts)",
      description:
        "Cohorts are months (born:YYYY-MM, due:YYYY-MM), never dates. The endpoint must be https on 443, on a push service of the allow-list, and resolve to public addresses.",
      tags: ["push"],
      responses: { 200: { description: "Updated" }, 201: { description: "Registered" } },
    }),
    validate("json", PushRegistration),
    async (c) => {
      const { created } = await registerSubscription(c.var.deps.database, c.var.deps.notices.network, c.req.valid("json"));
      return c.json({ registered: true as const }, created ? 201 : 200);
    },
  )
  .delete(
    "/subscription",
    describeRoute({
      summary: "Stop notifications and delete this browser's record: the endpoint and its auth secret prove it is theirs",
      tags: ["push"],
      responses: { 200: { description: "Removed (or there was nothing to remove)" } },
    }),
    validate("json", PushRemoval),
    async (c) => c.json(await unregisterSubscription(c.var.deps.database, c.req.valid("json")), 200),
  );
