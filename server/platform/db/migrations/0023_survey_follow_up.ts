import type { Kysely } from "kysely";

// 区の対応 (issue 14): what the ward did with a survey's results, kept with the survey in six languages
// (`follow_up`: JSON LocalizedText). `follow_up_at` is when it was published (null: saved, not shown to
// residents); `follow_up_first_at` is its first publication, kept when it is withdrawn, so a notice to
// the ward's subscribers goes out once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("surveys").addColumn("follow_up", "text").execute();
  await db.schema.alterTable("surveys").addColumn("follow_up_at", "varchar(32)").execute();
  await db.schema.alterTable("surveys").addColumn("follow_up_first_at", "varchar(32)").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("surveys").dropColumn("follow_up_first_at").execute();
  await db.schema.alterTable("surveys").dropColumn("follow_up_at").execute();
  await db.schema.alterTable("surveys").dropColumn("follow_up").execute();
}
