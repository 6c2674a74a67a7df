import type { Kysely } from "kysely";

// Needs matching and yearly targets (区民ニーズと施策のマッチング, 目標・指標):
// - policies: a ward's 施策, each tagged with the themes it addresses;
// - indicators: a share of respondents choosing given options of a question, with a baseline year and
//   a target change in points (ward_code null: a city-wide indicator every ward tracks);
// - indicator_years: each year's value for a ward, either from a survey in the app (worked out from
//   its counts when read) or recorded from an earlier survey (its share and number of respondents).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("policies")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("ward_code", "varchar(5)", (col) => col.notNull().references("wards.code"))
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("chapter", "varchar(40)", (col) => col.notNull())
    .addColumn("themes", "text", (col) => col.notNull())
    .addColumn("created_at", "varchar(40)", (col) => col.notNull())
    .addColumn("updated_at", "varchar(40)", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("policies_ward").on("policies").column("ward_code").execute();

  await db.schema
    .createTable("indicators")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("ward_code", "varchar(5)", (col) => col.references("wards.code"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("question_id", "varchar(32)", (col) => col.notNull())
    .addColumn("option_ids", "text", (col) => col.notNull())
    .addColumn("baseline_year", "integer", (col) => col.notNull())
    .addColumn("target_year", "integer", (col) => col.notNull())
    .addColumn("target_points", "double precision", (col) => col.notNull())
    .addColumn("created_at", "varchar(40)", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("indicator_years")
    .addColumn("indicator_id", "varchar(36)", (col) => col.notNull().references("indicators.id").onDelete("cascade"))
    .addColumn("ward_code", "varchar(5)", (col) => col.notNull().references("wards.code"))
    .addColumn("year", "integer", (col) => col.notNull())
    .addColumn("survey_id", "varchar(36)", (col) => col.references("surveys.id"))
    .addColumn("recorded_share", "double precision")
    .addColumn("recorded_n", "integer")
    .addPrimaryKeyConstraint("indicator_years_pk", ["indicator_id", "ward_code", "year"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("indicator_years").execute();
  await db.schema.dropTable("indicators").execute();
  await db.schema.dropTable("policies").execute();
}
