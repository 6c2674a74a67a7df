/**
 * 地域 (areas) in the console: a ward's areas as CSV in the columns the import reads (so an export
 * imports back unchanged), and the import itself. A city administrator may write any ward's rows; ward
 * staff only their own ward's, and every other ward's row is named as a problem. Nothing of HTTP here.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { toCsvFile } from "../../../shared/csv";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { type AreaRow, areaColumns, importAreas } from "../import";
import { readAreaImport } from "./import-pool";

/** The ward's areas, in its usual order, with what the console shows and the export writes. */
export async function staffAreas({ db }: Database, user: StaffUser, ward: string) {
  if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
  return db
    .selectFrom("areas")
    .select(["id", "wardCode", "name", "reading", "nameEn", "population", "sortOrder"])
    .where("wardCode", "=", ward)
    .orderBy("sortOrder")
    .orderBy("id")
    .execute();
}

/** The ward's areas as a CSV file for Excel, in areaColumns. */
export async function exportAreas(database: Database, user: StaffUser, ward: string): Promise<string> {
  const areas = await staffAreas(database, user, ward);
  return toCsvFile([areaColumns, ...areas.map((a) => [a.wardCode, a.id, a.name, a.reading, a.nameEn, a.population, a.sortOrder])]);
}

const importStaffAreas = defineWrite(
  "wards.importStaffAreas",
  async (trx, { user, rows, lines }: { user: StaffUser; rows: AreaRow[]; lines: number[] }, counts) => {
    // An ID of another ward's area would move it: only someone who may act for that ward may.
    const ids = rows.map((row) => row.id);
    const owners = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const found = await trx
        .selectFrom("areas")
        .select(["id", "wardCode"])
        .where("id", "in", ids.slice(i, i + 500))
        .execute();
      for (const area of found) owners.set(area.id, area.wardCode);
    }
    const problems = rows.flatMap((row, i) => {
      const owner = owners.get(row.id);
      return owner !== undefined && owner !== row.wardCode && !mayActFor(user, owner)
        ? [{ line: lines[i] ?? 0, column: "ID", reason: "ward" }]
        : [];
    });
    if (problems.length > 0) throw new AppError("import.invalid", { problems });
    const result = await importAreas.run(trx, rows, counts);
    await audit(trx, actorOf(user), { action: "area.import", ward: user.ward, details: result });
    return result;
  },
);

/** Imports a file of areas (its bytes, UTF-8 or Shift_JIS), read on a worker thread; one bad row and nothing is written. */
export async function importAreasAs(database: Database, user: StaffUser, bytes: ArrayBuffer): Promise<{ added: number; updated: number }> {
  const wards = (await database.db.selectFrom("wards").select("code").execute()).map((row) => row.code);
  const { rows, problems, lines } = await readAreaImport(user, wards, bytes);
  if (problems.length > 0) throw new AppError("import.invalid", { problems });
  if (rows.length === 0) throw new AppError("import.invalid", { problems: [{ line: 1, column: null, reason: "required" }] });
  return database.write(importStaffAreas, { user, rows, lines });
}
