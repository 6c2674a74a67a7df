import type { Kysely } from "kysely";

// A paper answer typed in by staff records who entered it, so that only they may correct it (until
// the survey closes). Online responses leave it empty; no resident is ever named.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("responses").addColumn("entered_by", "varchar(36)").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("responses").dropColumn("entered_by").execute();
}
