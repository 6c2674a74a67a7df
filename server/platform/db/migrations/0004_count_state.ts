import type { Kysely } from "kysely";

// Whether survey_aggregates is exact. The SQLite writer thread writes counts a moment after the
// responses they come from (db/group-commit.ts); it marks the counts unclean while it runs and
// clean when it stops cleanly, so after a crash it knows to recount them from the responses.
// Until now every count was written with its response, so existing counts start clean.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("count_state")
    .addColumn("name", "varchar(32)", (col) => col.primaryKey())
    .addColumn("clean", "integer", (col) => col.notNull())
    .execute();
  await (db as Kysely<{ count_state: { name: string; clean: number } }>)
    .insertInto("count_state")
    .values({ name: "survey_aggregates", clean: 1 })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("count_state").execute();
}
