/**
 * The staff API under /api/staff/wards: the ward's 地域 (areas), their CSV, and the import of a
 * city-supplied file; the ward's 問い合わせ先 printed on its letters. Every route needs a session (and a change, the CSRF token).
 */
import { z } from "zod/mini";
import { LetterContact, LetterContactInput } from "../../../shared/wards/letter-contact";
import { WardCode } from "../../../shared/wards/schemas";
import { wardFor } from "../../accounts/access";
import { staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { saveLetterContact, staffLetterContact } from "./letter-contact";
import { exportAreas, importAreasAs, staffAreas } from "./service";

const WardQuery = z.object({ ward: z.optional(WardCode) });

export const wardStaffRoutes = staffApp()
  .get(
    "/areas",
    describeRoute({
      summary: "A ward's 地域 (areas), in the ward's usual order",
      tags: ["staff", "wards"],
      responses: { 200: { description: "Areas" } },
    }),
    validate("query", WardQuery),
    async (c) => {
      const ward = wardFor(c.var.staff.user, c.req.valid("query").ward);
      return c.json({ ward, areas: await staffAreas(c.var.deps.database, c.var.staff.user, ward) }, 200);
    },
  )
  .get(
    "/areas/export.csv",
    describeRoute({
      summary: "A ward's 地域 as CSV (UTF-8 with BOM), in the columns the import reads",
      tags: ["staff", "wards"],
      responses: { 200: { description: "text/csv" } },
    }),
    validate("query", WardQuery),
    async (c) => {
      const ward = wardFor(c.var.staff.user, c.req.valid("query").ward);
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="areas-${ward}.csv"`);
      return c.body(await exportAreas(c.var.deps.database, c.var.staff.user, ward), 200);
    },
  )
  .post(
    "/areas/import",
    describeRoute({
      summary:
        "Import 地域 from CSV (columns 全国地方公共団体コード, ID, 名称, 名称_カナ, 名称_英語, 人口, 表示順): upserted by ID, all rows or none",
      description:
        "The body is the file's bytes, UTF-8 (BOM or none) or Shift_JIS (CP932); other encodings are refused with `import.encoding`, more than 5,000 rows with `import.too_many_rows`. Ward staff may import only their own ward's rows: another ward's row is a problem (reason `ward`). Refusal `import.invalid` lists every bad row in details.problems: { line, column, reason }.",
      tags: ["staff", "wards"],
      responses: { 200: { description: "Counts", schema: z.object({ added: z.int(), updated: z.int() }) } },
    }),
    async (c) => c.json(await importAreasAs(c.var.deps.database, c.var.staff.user, await c.req.arrayBuffer()), 200),
  )
  .get(
    "/contact",
    describeRoute({
      summary:
        "A ward's 問い合わせ先 as its letters print it (section, phone, hours, e-mail); the ward office's main line until one is saved",
      tags: ["staff", "wards"],
      responses: { 200: { description: "The contact", schema: LetterContact }, 403: { description: "Another ward's (`staff.forbidden`)" } },
    }),
    validate("query", WardQuery),
    async (c) =>
      c.json(await staffLetterContact(c.var.deps.database, c.var.staff.user, wardFor(c.var.staff.user, c.req.valid("query").ward)), 200),
  )
  .put(
    "/contact",
    describeRoute({
      summary:
        "Save a ward's 問い合わせ先 for its letters: ward staff their own ward's, a city administrator any ward's; audited (`ward.contact`)",
      tags: ["staff", "wards"],
      responses: {
        200: { description: "The saved contact", schema: LetterContact },
        403: { description: "Another ward's (`staff.forbidden`)" },
      },
    }),
    validate("query", WardQuery),
    validate("json", LetterContactInput),
    async (c) => {
      const ward = wardFor(c.var.staff.user, c.req.valid("query").ward);
      return c.json(await saveLetterContact(c.var.deps.database, c.var.staff.user, ward, c.req.valid("json")), 200);
    },
  );
