import type { Kysely } from "kysely";

// Rate limits are counted in memory (server/platform/rate-limit.ts): the table of hashed addresses and
// their minutes goes, with every row in it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rate_limits").ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "varchar(96)", (col) => col.primaryKey())
    .addColumn("window_start", "varchar(32)", (col) => col.notNull())
    .addColumn("count", "integer", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("rate_limits_window_idx").on("rate_limits").column("window_start").execute();
}
