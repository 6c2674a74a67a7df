import { Hono } from "hono";
import { AreaList, WardList, WardParam } from "../../shared/wards/schemas";
import type { AppEnv } from "../env";
import { describeRoute } from "../platform/http/openapi";
import { validate } from "../platform/http/validate";
import { listAreas, listWards } from "./service";

export const wardRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      summary: "The 24 wards of Osaka city, by ward code",
      tags: ["wards"],
      responses: { 200: { description: "All wards", schema: WardList } },
    }),
    async (c) => c.json({ wards: await listWards(c.var.deps.database) }, 200),
  )
  .get(
    "/:ward/areas",
    describeRoute({
      summary: "The areas (地域, one per 地域活動協議会) of a ward",
      tags: ["wards"],
      responses: {
        200: { description: "The ward's areas, in the ward's usual order", schema: AreaList },
        404: { description: "No such ward (`wards.not_found`)" },
      },
    }),
    validate("param", WardParam),
    async (c) => {
      const { ward } = c.req.valid("param");
      return c.json({ ward, areas: await listAreas(c.var.deps.database, ward) }, 200);
    },
  );
