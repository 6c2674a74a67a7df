import type { Kysely } from "kysely";

// Cross-tabs (issue 16) read a survey's published responses page by page in id order: an index on
// (survey_id, id) reads each page without sorting the survey's responses again. It replaces the index on
// survey_id alone, which it serves as well, so a response still updates the same number of indexes.
// The ids are random (UUIDv4): the order says nothing of when a response came.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("responses_survey_id_idx").on("responses").columns(["survey_id", "id"]).execute();
  await db.schema.dropIndex("responses_survey_idx").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("responses_survey_idx").on("responses").column("survey_id").execute();
  await db.schema.dropIndex("responses_survey_id_idx").execute();
}
