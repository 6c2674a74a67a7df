import type { Kysely } from "kysely";

// Staff accounts (a ward's staff, or a city administrator), their sessions (the cookie's token is
// stored only as a hash), and the audit log of what staff did.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("staff_users")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("login", "varchar(64)", (col) => col.notNull().unique())
    .addColumn("display_name", "text", (col) => col.notNull())
    .addColumn("role", "varchar(16)", (col) => col.notNull())
    .addColumn("ward_code", "varchar(5)", (col) => col.references("wards.code"))
    .addColumn("password_hash", "text", (col) => col.notNull())
    .addColumn("failed_logins", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("locked_until", "varchar(32)")
    .addColumn("disabled", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("created_at", "varchar(32)", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("staff_sessions")
    .addColumn("token_hash", "varchar(64)", (col) => col.primaryKey())
    .addColumn("user_id", "varchar(36)", (col) => col.notNull().references("staff_users.id").onDelete("cascade"))
    .addColumn("csrf_token", "varchar(64)", (col) => col.notNull())
    .addColumn("created_at", "varchar(32)", (col) => col.notNull())
    .addColumn("last_seen_at", "varchar(32)", (col) => col.notNull())
    .addColumn("expires_at", "varchar(32)", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("staff_sessions_user_idx").on("staff_sessions").column("user_id").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("at", "varchar(32)", (col) => col.notNull())
    .addColumn("user_id", "varchar(36)")
    .addColumn("login", "varchar(64)", (col) => col.notNull())
    .addColumn("ward_code", "varchar(5)")
    .addColumn("action", "varchar(48)", (col) => col.notNull())
    .addColumn("target", "varchar(64)")
    .addColumn("details", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("audit_log_ward_at_idx").on("audit_log").columns(["ward_code", "at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["audit_log", "staff_sessions", "staff_users"]) await db.schema.dropTable(table).execute();
}
