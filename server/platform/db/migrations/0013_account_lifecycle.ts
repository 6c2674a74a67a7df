import type { Kysely } from "kysely";

// Accounts made and kept in the console: a temporary password must be changed at first login, the
// last login is shown, and one-time links (the first run's setup, a password reset) are kept only
// as the SHA-256 of their token, with an expiry. One setup link at a time, one reset link per account.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("staff_users")
    .addColumn("must_change_password", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("staff_users").addColumn("last_login_at", "varchar(32)").execute();

  await db.schema
    .createTable("staff_tokens")
    .addColumn("token_hash", "varchar(64)", (col) => col.primaryKey())
    .addColumn("purpose", "varchar(16)", (col) => col.notNull())
    .addColumn("user_id", "varchar(36)", (col) => col.references("staff_users.id").onDelete("cascade"))
    .addColumn("created_at", "varchar(32)", (col) => col.notNull())
    .addColumn("expires_at", "varchar(32)", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("staff_tokens_purpose_user_idx").on("staff_tokens").columns(["purpose", "user_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("staff_tokens").execute();
  await db.schema.alterTable("staff_users").dropColumn("last_login_at").execute();
  await db.schema.alterTable("staff_users").dropColumn("must_change_password").execute();
}
