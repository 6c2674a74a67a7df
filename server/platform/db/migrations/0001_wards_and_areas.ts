import type { Kysely } from "kysely";

// Migrations take Kysely<unknown>: they must not depend on today's schema types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("wards")
    .addColumn("code", "varchar(5)", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("reading", "text", (col) => col.notNull())
    .addColumn("name_en", "text", (col) => col.notNull())
    .addColumn("name_zh", "text", (col) => col.notNull())
    .addColumn("name_ko", "text", (col) => col.notNull())
    .addColumn("name_vi", "text", (col) => col.notNull())
    .addColumn("population", "integer", (col) => col.notNull())
    .addColumn("births", "integer", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("areas")
    .addColumn("id", "varchar(8)", (col) => col.primaryKey())
    .addColumn("ward_code", "varchar(5)", (col) => col.notNull().references("wards.code").onDelete("cascade"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("reading", "text", (col) => col.notNull())
    .addColumn("name_en", "text", (col) => col.notNull())
    .addColumn("population", "integer", (col) => col.notNull())
    .addColumn("sort_order", "integer", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("areas_ward_code_idx").on("areas").columns(["ward_code", "sort_order"]).execute();

  await db.schema
    .createTable("write_probes")
    .addColumn("id", "varchar(64)", (col) => col.primaryKey())
    .addColumn("checked_at", "varchar(32)", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("write_probes_checked_at_idx").on("write_probes").column("checked_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("write_probes").execute();
  await db.schema.dropTable("areas").execute();
  await db.schema.dropTable("wards").execute();
}
