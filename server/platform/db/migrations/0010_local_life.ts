import type { Kysely } from "kysely";

// Local life: 通いの場 (places), 町会 (associations), 地域活動協議会 (councils) and 区政会議 (meetings),
// each with updated_at (for incremental sync: "what changed since") and deleted_at (a removal is kept as
// a tombstone, so a device that synced before learns of it). Structured fields are JSON text.
// join_requests: a resident's request to join a 町会, delivered to the ward once (the client's id);
// its personal fields are cleared after the retention period (purged_at).
export async function up(db: Kysely<unknown>): Promise<void> {
  const common = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn("id", "varchar(36)", (col) => col.primaryKey())
      .addColumn("ward_code", "varchar(5)", (col) => col.notNull().references("wards.code"))
      .addColumn("data", "text", (col) => col.notNull())
      .addColumn("updated_at", "varchar(40)", (col) => col.notNull())
      .addColumn("deleted_at", "varchar(40)");
  await common("places")
    .addColumn("kind", "varchar(20)", (col) => col.notNull())
    .execute();
  await common("associations").execute();
  await common("councils").execute();
  await common("meetings")
    .addColumn("starts_at", "varchar(40)", (col) => col.notNull())
    .execute();
  for (const table of ["places", "associations", "councils", "meetings"]) {
    await db.schema.createIndex(`${table}_ward_updated`).on(table).columns(["ward_code", "updated_at"]).execute();
  }

  await db.schema
    .createTable("join_requests")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("association_id", "varchar(36)", (col) => col.notNull().references("associations.id"))
    .addColumn("ward_code", "varchar(5)", (col) => col.notNull().references("wards.code"))
    .addColumn("name", "text")
    .addColumn("contact", "text")
    .addColumn("address", "text")
    .addColumn("message", "text")
    .addColumn("status", "varchar(12)", (col) => col.notNull())
    .addColumn("received_at", "varchar(40)", (col) => col.notNull())
    .addColumn("status_changed_at", "varchar(40)", (col) => col.notNull())
    .addColumn("purged_at", "varchar(40)")
    .execute();
  await db.schema.createIndex("join_requests_ward").on("join_requests").columns(["ward_code", "received_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("join_requests").execute();
  for (const table of ["meetings", "councils", "associations", "places"]) await db.schema.dropTable(table).execute();
}
