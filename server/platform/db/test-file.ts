/**
 * For unit tests on a real SQLite file: a fresh folder per test, and Kyselys over their own
 * connections to its file, migrated, all closed and removed after the test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect } from "kysely";
import { afterEach, beforeEach } from "vitest";
import { migrateToLatest } from "./migrate";
import type { DB } from "./schema";

export function sqliteTestFile(prefix: string) {
  let dir = "";
  const opened: { destroy(): Promise<void> }[] = [];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), `machikoe-${prefix}-`));
  });
  afterEach(async () => {
    for (const resource of opened.splice(0)) await resource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = () => path.join(dir, "machikoe.db");
  return {
    file,
    /** Closed after the test, with every other resource handed to it. */
    closeAfter: (resource: { destroy(): Promise<void> }) => void opened.push(resource),
    /** A Kysely over its own better-sqlite3 connection to the test file, migrated. */
    async migratedKysely(): Promise<Kysely<DB>> {
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(file()) }), plugins: [new CamelCasePlugin()] });
      opened.push(db);
      await migrateToLatest(db as Kysely<unknown>);
      return db;
    },
  };
}
