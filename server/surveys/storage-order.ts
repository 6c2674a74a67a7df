/**
 * The order rows are stored in must not line used codes or device marks up with responses. SQLite keeps
 * both tables WITHOUT ROWID (migration 0018), in their hashes' order from the first row on. PostgreSQL
 * keeps a table's rows in the order they were written, and an update writes its row anew (a code used
 * is a new row at the end): CLUSTER rewrites both tables in their keys' order, the hashes, and drops the
 * earlier versions of their rows. Housekeeping runs it on a timer (housekeeping.ts).
 */
import { sql } from "kysely";
import type { Database } from "../platform/db/database";

const tables = [
  { table: "invitation_codes", key: "invitation_codes_pk" },
  { table: "poll_devices", key: "poll_devices_pk" },
] as const;

/** Rewrites the codes and device marks in their hashes' order (PostgreSQL); false where nothing needs it (SQLite). */
export async function reorderByHash(database: Database): Promise<boolean> {
  if (database.dialect !== "postgres") return false;
  // Table and index names come from the code, never from a request.
  for (const { table, key } of tables) await sql`cluster ${sql.table(table)} using ${sql.id(key)}`.execute(database.db);
  return true;
}
