/**
 * The staff API for local data under /api/staff/local: every route needs a session (and a change,
 * the CSRF token), and is scoped to the staff member's ward like the rest of the console.
 */
import { z } from "zod/mini";
import { joinRequestStates } from "../../../shared/local/schemas";
import { WardCode } from "../../../shared/wards/schemas";
import { wardFor } from "../../accounts/access";
import { personalData, staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import type { LocalKind } from "../service";
import { newJoinRequests } from "./join-count";
import { createLocal, deleteLocal, exportLocal, importLocal, joinInbox, listLocal, setJoinStatus, updateLocal } from "./service";

const kinds = { places: "place", associations: "association", councils: "council", meetings: "meeting" } as const satisfies Record<
  string,
  LocalKind
>;
const KindParam = z.object({ kind: z.enum(["places", "associations", "councils", "meetings"]) });
const ItemParam = z.object({ ...KindParam.shape, id: z.uuid() });
const WardQuery = z.object({ ward: z.optional(WardCode) });

export const localStaffRoutes = staffApp()
  .get(
    "/:kind/export.csv",
    describeRoute({
      summary: "A ward's items of one kind as CSV in the 自治体標準オープンデータセット columns (UTF-8 with BOM)",
      tags: ["staff", "local"],
      responses: { 200: { description: "text/csv" } },
    }),
    validate("param", KindParam),
    validate("query", WardQuery),
    async (c) => {
      const { kind } = c.req.valid("param");
      const ward = wardFor(c.var.staff.user, c.req.valid("query").ward);
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="${kind}-${ward}.csv"`);
      return c.body(await exportLocal(c.var.deps.database, c.var.staff.user, kinds[kind], ward), 200);
    },
  )
  .post(
    "/:kind/import",
    describeRoute({
      summary: "Import items of one kind from CSV: rows with a known ID replace it, others are added. One bad row and nothing is written.",
      description:
        "The body is the file's bytes, UTF-8 (BOM or none) or Shift_JIS (CP932); other encodings are refused with `import.encoding`. At most 5,000 rows (`import.too_many_rows`) and the ward's limit of the kind (`local.ward_full`). Refusal `import.invalid` lists every bad row in details.problems: { line, column, reason }.",
      tags: ["staff", "local"],
      responses: { 200: { description: "Counts", schema: z.object({ created: z.int(), updated: z.int(), unchanged: z.int() }) } },
    }),
    validate("param", KindParam),
    async (c) =>
      c.json(await importLocal(c.var.deps.database, c.var.staff.user, kinds[c.req.valid("param").kind], await c.req.arrayBuffer()), 200),
  )
  .get(
    "/join-requests/count",
    describeRoute({
      summary: "How many join requests are still new (neither contacted nor done): the ward's, or every ward's for an administrator",
      tags: ["staff", "local"],
      responses: { 200: { description: "The count", schema: z.object({ new: z.int() }) } },
    }),
    personalData,
    validate("query", WardQuery),
    async (c) => c.json({ new: await newJoinRequests(c.var.deps.database, c.var.staff.user, c.req.valid("query").ward) }, 200),
  )
  .get(
    "/join-requests",
    describeRoute({
      summary: "The ward's 町会 join requests, newest first; personal fields are cleared after the retention period",
      tags: ["staff", "local"],
      responses: { 200: { description: "Requests" } },
    }),
    personalData,
    validate("query", WardQuery),
    async (c) => {
      const { deps } = c.var;
      const ward = wardFor(c.var.staff.user, c.req.valid("query").ward);
      return c.json({ requests: await joinInbox(deps.database, c.var.staff.user, ward, deps.staff.joinRetentionDays) }, 200);
    },
  )
  .put(
    "/join-requests/:id",
    describeRoute({
      summary: "Mark a join request new, contacted or done",
      tags: ["staff", "local"],
      responses: { 204: { description: "Saved" } },
    }),
    personalData,
    validate("param", z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) })),
    validate("json", z.object({ status: z.enum(joinRequestStates) })),
    async (c) => {
      await setJoinStatus(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json").status);
      return c.body(null, 204);
    },
  )
  .get(
    "/:kind",
    describeRoute({
      summary: "A ward's places, associations, councils or meetings",
      tags: ["staff", "local"],
      responses: { 200: { description: "Items" } },
    }),
    validate("param", KindParam),
    validate("query", WardQuery),
    async (c) => {
      const kind = kinds[c.req.valid("param").kind];
      const ward = wardFor(c.var.staff.user, c.req.valid("query").ward);
      return c.json({ items: await listLocal(c.var.deps.database, c.var.staff.user, kind, ward) }, 200);
    },
  )
  .post(
    "/:kind",
    describeRoute({
      summary: "Add a place, association, council or meeting",
      tags: ["staff", "local"],
      responses: { 201: { description: "The new id" } },
    }),
    validate("param", KindParam),
    validate("json", z.record(z.string(), z.unknown())),
    async (c) => {
      const id = await createLocal(c.var.deps.database, c.var.staff.user, kinds[c.req.valid("param").kind], c.req.valid("json"));
      return c.json({ id }, 201);
    },
  )
  .put(
    "/:kind/:id",
    describeRoute({ summary: "Replace an item", tags: ["staff", "local"], responses: { 204: { description: "Saved" } } }),
    validate("param", ItemParam),
    validate("json", z.record(z.string(), z.unknown())),
    async (c) => {
      const { kind, id } = c.req.valid("param");
      await updateLocal(c.var.deps.database, c.var.staff.user, kinds[kind], id, c.req.valid("json"));
      return c.body(null, 204);
    },
  )
  .delete(
    "/:kind/:id",
    describeRoute({
      summary: "Remove an item (devices learn of it at their next sync)",
      tags: ["staff", "local"],
      responses: { 204: { description: "Removed" } },
    }),
    validate("param", ItemParam),
    async (c) => {
      const { kind, id } = c.req.valid("param");
      await deleteLocal(c.var.deps.database, c.var.staff.user, kinds[kind], id);
      return c.body(null, 204);
    },
  );
