import type { Kysely } from "kysely";

// Staff tag free-text answers with policy themes (for needs matching): one row per (response,
// question, theme). No profile is stored with a tag.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("comment_themes")
    .addColumn("response_id", "varchar(36)", (col) => col.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("question_id", "varchar(32)", (col) => col.notNull())
    .addColumn("theme", "varchar(16)", (col) => col.notNull())
    .addPrimaryKeyConstraint("comment_themes_pk", ["response_id", "question_id", "theme"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("comment_themes").execute();
}
