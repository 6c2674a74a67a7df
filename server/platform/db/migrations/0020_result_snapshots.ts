import type { Kysely } from "kysely";

// Results are published, not live (issue 13, finding 1): a survey's counts are copied into its snapshot
// only after at least RESULTS_MIN_CELL new responses, at most once a day and at close, and every
// published table is read from that copy. A response's free text shows only once a snapshot took it in
// (`published` = 1), so no reading of results or comments ever changes by one response.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("result_snapshots")
    .addColumn("survey_id", "varchar(36)", (col) => col.primaryKey().references("surveys.id").onDelete("cascade"))
    .addColumn("id", "varchar(36)", (col) => col.notNull())
    .addColumn("made_at", "varchar(32)", (col) => col.notNull())
    .addColumn("responses", "integer", (col) => col.notNull())
    .addColumn("counts", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .alterTable("responses")
    .addColumn("published", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("responses").dropColumn("published").execute();
  await db.schema.dropTable("result_snapshots").execute();
}
