import type { Kysely } from "kysely";

// The audit log read by time across wards (a city administrator's pages, the retention purge), and by
// person and by action within a time range (the log's filters).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
  await db.schema.createIndex("audit_log_login_at_idx").on("audit_log").columns(["login", "at"]).execute();
  await db.schema.createIndex("audit_log_action_at_idx").on("audit_log").columns(["action", "at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ["audit_log_action_at_idx", "audit_log_login_at_idx", "audit_log_at_idx"]) await db.schema.dropIndex(index).execute();
}
