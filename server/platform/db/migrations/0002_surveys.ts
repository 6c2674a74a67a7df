import type { Kysely } from "kysely";

// Surveys, responses and their answers, invitation codes, poll device marks, running aggregates
// and rate-limit counters. Booleans are integers (0/1) and JSON is text, the same on both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("surveys")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("ward_code", "varchar(5)", (col) => col.references("wards.code"))
    .addColumn("kind", "varchar(16)", (col) => col.notNull())
    .addColumn("status", "varchar(16)", (col) => col.notNull())
    .addColumn("opens_at", "varchar(32)", (col) => col.notNull())
    .addColumn("closes_at", "varchar(32)", (col) => col.notNull())
    .addColumn("results_public", "integer", (col) => col.notNull())
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("definition", "text", (col) => col.notNull())
    .addColumn("created_at", "varchar(32)", (col) => col.notNull())
    .addColumn("updated_at", "varchar(32)", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("surveys_ward_status_idx").on("surveys").columns(["ward_code", "status"]).execute();

  // No device, code or network address is stored with a response: answers stay anonymous.
  await db.schema
    .createTable("responses")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("survey_id", "varchar(36)", (col) => col.notNull().references("surveys.id"))
    .addColumn("receipt_code", "varchar(16)", (col) => col.notNull())
    .addColumn("mode", "varchar(16)", (col) => col.notNull())
    .addColumn("received_at", "varchar(32)", (col) => col.notNull())
    .addColumn("age_band", "varchar(16)")
    .addColumn("area_id", "varchar(8)")
    .addColumn("children_under6", "varchar(8)")
    .addColumn("years_in_ward", "varchar(16)")
    .execute();
  await db.schema.createIndex("responses_survey_idx").on("responses").column("survey_id").execute();

  await db.schema
    .createTable("answers")
    .addColumn("response_id", "varchar(36)", (col) => col.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("question_id", "varchar(32)", (col) => col.notNull())
    .addColumn("value", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("answers_pk", ["response_id", "question_id"])
    .execute();

  // Only the hash of a code, and only whether it was used: never which response used it.
  await db.schema
    .createTable("invitation_codes")
    .addColumn("code_hash", "varchar(64)", (col) => col.primaryKey())
    .addColumn("survey_id", "varchar(36)", (col) => col.notNull().references("surveys.id"))
    .addColumn("batch_id", "varchar(36)")
    .addColumn("used_at", "varchar(32)")
    .execute();
  await db.schema.createIndex("invitation_codes_survey_idx").on("invitation_codes").columns(["survey_id", "batch_id"]).execute();

  await db.schema
    .createTable("poll_devices")
    .addColumn("survey_id", "varchar(36)", (col) => col.notNull().references("surveys.id"))
    .addColumn("device_hash", "varchar(64)", (col) => col.notNull())
    .addPrimaryKeyConstraint("poll_devices_pk", ["survey_id", "device_hash"])
    .execute();

  await db.schema
    .createTable("survey_aggregates")
    .addColumn("survey_id", "varchar(36)", (col) => col.notNull().references("surveys.id"))
    .addColumn("question_id", "varchar(32)", (col) => col.notNull())
    .addColumn("option_key", "varchar(40)", (col) => col.notNull())
    .addColumn("segment", "varchar(40)", (col) => col.notNull())
    .addColumn("count", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("survey_aggregates_pk", ["survey_id", "question_id", "option_key", "segment"])
    .execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "varchar(96)", (col) => col.primaryKey())
    .addColumn("window_start", "varchar(32)", (col) => col.notNull())
    .addColumn("count", "integer", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("rate_limits_window_idx").on("rate_limits").column("window_start").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["rate_limits", "survey_aggregates", "poll_devices", "invitation_codes", "answers", "responses", "surveys"]) {
    await db.schema.dropTable(table).execute();
  }
}
