import { Hono } from "hono";
import { z } from "zod/mini";
import { JoinReceipt, JoinRequestInput, LocalChanges, LocalQuery } from "../../shared/local/schemas";
import { WardParam } from "../../shared/wards/schemas";
import type { AppEnv } from "../env";
import { clientAddress } from "../platform/http/client-address";
import { describeRoute } from "../platform/http/openapi";
import { validate } from "../platform/http/validate";
import { localChanges, submitJoinRequest } from "./service";

export const localRoutes = new Hono<AppEnv>()
  .get(
    "/map",
    describeRoute({
      summary: "The tile server of the 通いの場 map (MAP_TILE_URL), or null when the map is turned off",
      tags: ["local"],
      responses: { 200: { description: "Map settings" } },
    }),
    (c) => c.json({ map: c.var.deps.map }, 200),
  )
  .get(
    "/wards/:ward/local",
    describeRoute({
      summary: "A ward's 通いの場, 町会, 地活協 and 区政会議: all of them, or what changed and went since `since`",
      description: "Keep `syncedAt` and send it as `since` next time. Removed items are listed by kind and id.",
      tags: ["local"],
      responses: { 200: { description: "Changes", schema: LocalChanges } },
    }),
    validate("param", WardParam),
    validate("query", LocalQuery),
    async (c) => {
      const { ward } = c.req.valid("param");
      c.header("cache-control", "no-cache");
      return c.json(await localChanges(c.var.deps.database, ward, c.req.valid("query").since), 200);
    },
  )
  .post(
    "/associations/:id/join-requests",
    describeRoute({
      summary: "Ask to join a 町会; the ward's staff get it in their inbox. Sent again with the same id, it answers the first receipt.",
      tags: ["local"],
      responses: { 201: { description: "Received", schema: JoinReceipt } },
    }),
    validate("param", z.object({ id: z.uuid() })),
    validate("json", JoinRequestInput),
    async (c) => {
      const { database, staff } = c.var.deps;
      const limits = { address: clientAddress(c), ratePerMinute: staff.joinRateLimitPerMinute, inboxMax: staff.joinInboxMax };
      return c.json(await submitJoinRequest(database, c.req.valid("param").id, c.req.valid("json"), limits), 201);
    },
  );
