/**
 * 地域 (areas) as the city supplies them, from CSV: one row per area, upserted by its ID in one
 * transaction. A file with any bad row writes nothing and names every bad row by line and column
 * (error import.invalid). Areas missing from the file are kept: responses and places refer to them.
 * The columns are those of the console's export (staff/service.ts), so an export imports back unchanged.
 */

import { defineWrite } from "../platform/db/write";
import { csvRows } from "../platform/http/csv-upload";

export const areaColumns = ["全国地方公共団体コード", "ID", "名称", "名称_カナ", "名称_英語", "人口", "表示順"] as const;
const required = ["全国地方公共団体コード", "ID", "名称", "名称_カナ", "人口"] as const;

export interface AreaProblem {
  line: number;
  column: string;
  reason: "columns" | "required" | "invalid" | "ward" | "duplicate";
}

export interface AreaRow {
  id: string;
  wardCode: string;
  name: string;
  reading: string;
  nameEn: string;
  population: number;
  sortOrder: number;
}

const digits = (text: string) => text.normalize("NFKC").replace(/,/g, "").trim();

/**
 * Reads the file's decoded text; `wards` are the ward codes that exist, `mayWrite(ward)` whether the
 * uploader may write that ward's rows (ward staff: their own ward only).
 */
export function readAreaCsv(
  text: string,
  wards: ReadonlySet<string>,
  mayWrite: (ward: string) => boolean = () => true,
): { rows: AreaRow[]; problems: AreaProblem[]; lines: number[] } {
  const { header, rows: lines } = csvRows(text);
  const missing = required.filter((column) => !header?.includes(column));
  if (!header || missing.length > 0)
    return { rows: [], lines: [], problems: missing.map((column) => ({ line: 1, column, reason: "columns" })) };
  const rows: AreaRow[] = [];
  const rowLines: number[] = [];
  const problems: AreaProblem[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of lines) {
    const cell = (column: string) => (cells[header.indexOf(column)] ?? "").trim();
    const bad = (column: string, reason: AreaProblem["reason"]) => problems.push({ line, column, reason });
    for (const column of required) if (cell(column) === "") bad(column, "required");
    // 全国地方公共団体コード: 6 digits with the check digit, or the 5 the app uses.
    const code = digits(cell("全国地方公共団体コード"));
    const wardCode = /^\d{5,6}$/.test(code) ? code.slice(0, 5) : "";
    if (code !== "" && (!wards.has(wardCode) || !mayWrite(wardCode))) bad("全国地方公共団体コード", "ward");
    const id = cell("ID");
    if (id !== "" && !/^[\w-]{1,40}$/.test(id)) bad("ID", "invalid");
    else if (id !== "" && seen.has(id)) bad("ID", "duplicate");
    seen.add(id);
    const population = Number(digits(cell("人口")));
    if (cell("人口") !== "" && !(Number.isInteger(population) && population >= 0)) bad("人口", "invalid");
    const order = cell("表示順") === "" ? rows.length + 1 : Number(digits(cell("表示順")));
    if (!Number.isInteger(order)) bad("表示順", "invalid");
    if (cell("名称").length > 100) bad("名称", "invalid");
    rows.push({ id, wardCode, name: cell("名称"), reading: cell("名称_カナ"), nameEn: cell("名称_英語"), population, sortOrder: order });
    rowLines.push(line);
  }
  return problems.length > 0 ? { rows: [], lines: [], problems } : { rows, lines: rowLines, problems };
}

export const importAreas = defineWrite("wards.importAreas", async (trx, rows: AreaRow[]) => {
  const existing = new Set((await trx.selectFrom("areas").select("id").execute()).map((row) => row.id));
  let added = 0;
  for (const row of rows) {
    const { id: _, ...fields } = row;
    // An upsert, so imports running at once on PostgreSQL never collide on the primary key.
    await trx
      .insertInto("areas")
      .values(row)
      .onConflict((oc) => oc.column("id").doUpdateSet(fields))
      .execute();
    if (!existing.has(row.id)) added += 1;
  }
  return { added, updated: rows.length - added };
});
