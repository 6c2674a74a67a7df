import type { Kysely } from "kysely";

// Login attempts, keyed by a hash: one row per (login name, client address) for the lock, and one
// per login name ("*" for the address) for the account's back-off. Names need not exist: an unknown
// name is counted and locked exactly as a real one, so the lock reveals nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("login_attempts")
    .addColumn("key", "varchar(64)", (col) => col.primaryKey())
    .addColumn("failures", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("locked_until", "varchar(32)")
    .addColumn("updated_at", "varchar(32)", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_updated_idx").on("login_attempts").column("updated_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("login_attempts").execute();
}
