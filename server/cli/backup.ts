/**
 * `npm run backup -- FILE [--force]`: copies the SQLite database to FILE while the server runs (SQLite's
 * online backup API). Refuses to overwrite FILE without --force. On PostgreSQL (DATABASE_URL set) it says
 * to use pg_dump and prints the command.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config";
import { backupSqlite } from "../platform/db/backup";
import { databaseOptionsFrom } from "../platform/db/database";

const usage = "usage: npm run backup -- FILE [--force]";

function pgDumpCommand(databaseUrl: string, target: string): string {
  // The password stays out of the printed command: pg_dump asks for it, or reads PGPASSWORD / ~/.pgpass.
  const url = new URL(databaseUrl);
  url.password = "";
  return `pg_dump --format=custom --file=${JSON.stringify(target)} ${JSON.stringify(url.toString())}`;
}

function run(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  const target = positionals[0];
  if (positionals.length !== 1 || !target) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const options = databaseOptionsFrom(config);
  if (options.dialect === "postgres") {
    console.error(
      `The database is PostgreSQL (DATABASE_URL): back it up with pg_dump, which copies a consistent snapshot while the server runs:\n  ${pgDumpCommand(options.connectionString, target)}\nRestore into an empty database with pg_restore --dbname=URL ${JSON.stringify(target)}.`,
    );
    return 2;
  }
  if (existsSync(target) && !values.force) {
    console.error(`${target} already exists; nothing written. Use --force to overwrite it.`);
    return 1;
  }
  void backupSqlite(options.file, target).then(
    (result) => {
      console.log(
        `Backed up ${path.resolve(options.file)} to ${path.resolve(target)}: ${result.pages} pages, ${result.bytes} bytes, in ${result.ms} ms.`,
      );
    },
    (error: unknown) => {
      console.error(`Backup failed; nothing written to ${target}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
  return 0;
}

try {
  process.exitCode = run();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
