/**
 * `npm run areas -- import FILE`: the city's 地域 (areas) from a CSV in UTF-8 (BOM or none) or Shift_JIS
 * (what Japanese Excel saves), columns 全国地方公共団体コード, ID, 名称, 名称_カナ, 名称_英語, 人口, 表示順.
 * All rows or none; the console's import (wards/staff) reads the same file.
 */
import { readFileSync } from "node:fs";
import { errorCatalog } from "../../shared/errors/catalog";
import { ConfigError, loadConfig } from "../config";
import { databaseOptionsFrom, openDatabase } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { csvText } from "../platform/http/csv-upload";
import { loadReferenceData } from "../reference/load";
import { registry } from "../registry";
import { importAreas, readAreaCsv } from "../wards/import";

const [command, file, ...rest] = process.argv.slice(2);

try {
  if (command !== "import" || !file || rest.length > 0) {
    console.error("usage: npm run areas -- import FILE");
    process.exitCode = 2;
  } else {
    const text = csvText(readFileSync(file));
    const database = await openDatabase(databaseOptionsFrom(loadConfig()), registry);
    try {
      await loadReferenceData(database); // the wards the areas belong to
      const wards = new Set((await database.db.selectFrom("wards").select("code").execute()).map((row) => row.code));
      const { rows, problems } = readAreaCsv(text, wards);
      if (problems.length > 0) {
        console.error(`import.invalid: ${errorCatalog["import.invalid"].message}`);
        for (const p of problems) console.error(`  line ${p.line}, ${p.column}: ${p.reason}`);
        process.exitCode = 1;
      } else {
        const { added, updated } = await database.write(importAreas, rows);
        console.log(`Imported ${rows.length} areas from ${file}: ${added} added, ${updated} updated.`);
      }
    } finally {
      await database.close();
    }
  }
} catch (error) {
  if (error instanceof AppError) console.error(`${error.code}: ${error.message}`, JSON.stringify(error.details));
  else console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
