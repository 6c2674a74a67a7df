import type { Kysely } from "kysely";

// Honest targets and everyday friction (issue 16). A year of an indicator taken from a self-selected
// poll stays out of the trend until staff confirm it (`poll_confirmed_at`: when; the audit log keeps
// who). Each ward keeps its own stop words for the free-text keywords, beside the built-in list.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("indicator_years").addColumn("poll_confirmed_at", "varchar(32)").execute();
  await db.schema
    .createTable("keyword_stop_words")
    .addColumn("ward_code", "varchar(5)", (col) => col.notNull())
    .addColumn("word", "varchar(40)", (col) => col.notNull())
    .addColumn("created_at", "varchar(32)", (col) => col.notNull())
    .addPrimaryKeyConstraint("keyword_stop_words_pk", ["ward_code", "word"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("keyword_stop_words").execute();
  await db.schema.alterTable("indicator_years").dropColumn("poll_confirmed_at").execute();
}
