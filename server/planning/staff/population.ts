/** Each ward's population by age band: read and kept current by staff, used to weight results. */

import type { StaffUser } from "../../../shared/accounts/schemas";
import { ageBands } from "../../../shared/surveys/model";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";

export type Population = Record<(typeof ageBands)[number], number>;

/** A ward's table (all zeros where nothing is known yet); `null` ward: the city, every ward added up. */
export async function populationOf(database: Database, ward: string | null): Promise<Population> {
  let query = database.db.selectFrom("wardPopulation").select(["ageBand", "population"]);
  if (ward) query = query.where("wardCode", "=", ward);
  const table = Object.fromEntries(ageBands.map((band) => [band, 0])) as Population;
  for (const row of await query.execute()) {
    if (row.ageBand in table) table[row.ageBand as keyof Population] += Number(row.population);
  }
  return table;
}

export async function staffPopulation(database: Database, user: StaffUser, ward: string): Promise<Population> {
  if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
  return populationOf(database, ward);
}

const storePopulation = defineWrite(
  "staff.storePopulation",
  async (trx, { ward, table, user }: { ward: string; table: Population; user: StaffUser }) => {
    for (const band of ageBands) {
      await trx
        .insertInto("wardPopulation")
        .values({ wardCode: ward, ageBand: band, population: table[band] })
        .onConflict((oc) => oc.columns(["wardCode", "ageBand"]).doUpdateSet({ population: table[band] }))
        .execute();
    }
    await audit(trx, actorOf(user), { action: "population.edit", ward, details: { ...table } });
  },
);

/**
 * A table is taken only when it fits the ward (its population in the reference data): no band above
 * the ward's whole population, and the total within half and 1.5 times it. Weighting reads only
 * shown counts anyway (server/surveys/staff/results.ts); this keeps the weights believable.
 */
export async function setPopulation(database: Database, user: StaffUser, ward: string, table: Population): Promise<void> {
  if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
  const row = await database.db.selectFrom("wards").select("population").where("code", "=", ward).executeTakeFirst();
  if (!row) throw new AppError("wards.not_found", { ward });
  const wardPopulation = Number(row.population);
  const total = ageBands.reduce((sum, band) => sum + table[band], 0);
  const bounds = { maxBand: wardPopulation, minTotal: Math.ceil(wardPopulation / 2), maxTotal: Math.floor(wardPopulation * 1.5) };
  if (ageBands.some((band) => table[band] > bounds.maxBand) || total < bounds.minTotal || total > bounds.maxTotal)
    throw new AppError("population.out_of_range", { ward, total, ...bounds });
  return database.write(storePopulation, { ward, table, user });
}
