import type { Kysely } from "kysely";

// Letters that work on paper (issue 16): each ward's 問い合わせ先 printed on its letters (section, phone,
// hours, e-mail; edited in the console by the ward's staff), and the 督促状 made for a batch's codes not
// yet used — one per batch (unique), kept only as counts: how many letters it had and how many of the
// batch's codes were used before it, never which codes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("ward_contacts")
    .addColumn("ward_code", "varchar(5)", (col) => col.primaryKey().references("wards.code"))
    .addColumn("section", "varchar(100)", (col) => col.notNull())
    .addColumn("phone", "varchar(20)", (col) => col.notNull())
    .addColumn("hours", "varchar(100)", (col) => col.notNull())
    .addColumn("email", "varchar(254)")
    .addColumn("updated_at", "varchar(32)", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("reminder_batches")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("survey_id", "varchar(36)", (col) => col.notNull().references("surveys.id"))
    .addColumn("batch_id", "varchar(36)", (col) => col.notNull().unique())
    .addColumn("letters", "integer", (col) => col.notNull())
    .addColumn("used_before", "integer", (col) => col.notNull())
    .addColumn("made_on", "varchar(10)", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reminder_batches").execute();
  await db.schema.dropTable("ward_contacts").execute();
}
