import type { Kysely } from "kysely";

// Each ward's population by age band, for weighting survey results to the population
// (post-stratification). Staff keep it current; the demo data supplies believable values.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("ward_population")
    .addColumn("ward_code", "varchar(5)", (col) => col.notNull().references("wards.code"))
    .addColumn("age_band", "varchar(16)", (col) => col.notNull())
    .addColumn("population", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("ward_population_pk", ["ward_code", "age_band"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("ward_population").execute();
}
