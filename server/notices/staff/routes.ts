/**
 * The staff API for notices under /api/staff/notices: a session on every route (and the CSRF token
 * on changes), scoped to the staff member's ward; the city as a whole is an administrator's.
 */
import { z } from "zod/mini";
import { BroadcastInput, Segment } from "../../../shared/notices/schemas";
import { WardCode } from "../../../shared/wards/schemas";
import { staffApp } from "../../accounts/middleware";
import { AppError } from "../../platform/errors";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { audience, cancel, createNotice, listNotices } from "./service";

/** ?ward=27127, or ?ward=city for the whole city (administrators); a ward's staff get their ward by default. */
const ListQuery = z.object({ ward: z.optional(z.union([WardCode, z.literal("city")])) });

export const noticeStaffRoutes = staffApp()
  .get(
    "/",
    describeRoute({
      summary: "A ward's notices (its own and the city's), or every notice of the city, newest first, with sent, failed and expired counts",
      tags: ["staff", "notices"],
      responses: { 200: { description: "Notices" } },
    }),
    validate("query", ListQuery),
    async (c) => {
      const user = c.var.staff.user;
      const named = c.req.valid("query").ward;
      const ward = named === "city" ? null : (named ?? user.ward);
      return c.json({ notices: await listNotices(c.var.deps.database, user, ward), enabled: c.var.deps.notices.sender !== null }, 200);
    },
  )
  .post(
    "/",
    describeRoute({
      summary: "Write a notice in up to six languages (Japanese required) to a segment; send it now (sendAt null) or at a time",
      tags: ["staff", "notices"],
      responses: { 201: { description: "The new notice's id" } },
    }),
    validate("json", BroadcastInput),
    async (c) => c.json(await createNotice(c.var.deps.database, c.var.deps.notices.sender, c.var.staff.user, c.req.valid("json")), 201),
  )
  .post(
    "/audience",
    describeRoute({
      summary: "About how many browsers a segment reaches now: rounded to tens, null under RESULTS_MIN_CELL (minimum)",
      tags: ["staff", "notices"],
      responses: { 200: { description: "{ subscribers: number | null, minimum }" } },
    }),
    validate("json", Segment),
    async (c) => c.json(await audience(c.var.deps.database, c.var.staff.user, c.req.valid("json"), c.var.deps.surveys.minCell), 200),
  )
  .post(
    "/:id/cancel",
    describeRoute({
      summary: "Cancel a notice still waiting to be sent",
      tags: ["staff", "notices"],
      responses: { 204: { description: "Cancelled" } },
    }),
    validate("param", z.object({ id: z.uuid() })),
    async (c) => {
      await cancel(c.var.deps.database, c.var.staff.user, c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .post(
    "/run",
    describeRoute({
      summary: "City administrators: plan today's timeline notices and send what is due, now",
      tags: ["staff", "notices"],
      responses: { 200: { description: "What the run did" } },
    }),
    async (c) => {
      const sender = c.var.deps.notices.sender;
      if (c.var.staff.user.role !== "city_admin") throw new AppError("staff.forbidden", {});
      if (!sender) throw new AppError("service.unavailable", { reason: "the notice sender is turned off (NOTICES=false)" });
      return c.json(await sender.runOnce({ plan: "now" }), 200);
    },
  );
