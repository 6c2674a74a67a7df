/**
 * A copy of the SQLite database while the server runs: SQLite's online backup API (better-sqlite3's
 * `backup`), which copies a consistent snapshot page by page, restarting when a write lands in between,
 * so every write committed before it began is in the copy. Written beside the target and renamed into
 * place, so a half-written copy never stands under the target's name.
 */
import { renameSync, rmSync, statSync } from "node:fs";
import SQLite from "better-sqlite3";

export interface BackupResult {
  pages: number;
  bytes: number;
  ms: number;
}

export async function backupSqlite(file: string, target: string): Promise<BackupResult> {
  statSync(file); // a missing database is an error here, not a new empty file
  const started = Date.now();
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  const partial = `${target}.partial`;
  try {
    source.pragma("busy_timeout = 5000");
    const { totalPages } = await source.backup(partial);
    renameSync(partial, target);
    return { pages: totalPages, bytes: statSync(target).size, ms: Date.now() - started };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}
