/**
 * Reference data, on every database whatever DEMO_DATA says: the 24 wards, the plan's policies for
 * each ward and the plan's indicator. Loaded at start under the start lock, idempotently: a ward
 * missing from the database is inserted with the plan's policies; the plan's indicator is inserted
 * when its id is absent on the first load (the load that inserts the wards). A ward already present
 * is never touched again, so what staff changed or removed in its policies and indicators stays so.
 */
import type { Transaction } from "kysely";
import { wardRecords } from "../../shared/wards/data";
import type { Database, Dialect } from "../platform/db/database";
import { takeStartLock } from "../platform/db/lock";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { planIndicator, planPolicies, planPolicyId } from "./plan";

export interface ReferenceSummary {
  /** Wards inserted by this load (0 on every start after the first). */
  wards: number;
  policies: number;
  indicators: number;
}

export const wardRows = () =>
  wardRecords.map((w) => ({
    code: w.code,
    name: w.name,
    reading: w.reading,
    nameEn: w.nameEn,
    nameZh: w.nameZh,
    nameKo: w.nameKo,
    nameVi: w.nameVi,
    population: w.population,
    births: w.births,
  }));

/** Inserts what is missing; returns what it inserted. Callers hold the start lock. */
export async function insertReference(trx: Transaction<DB>, now: string): Promise<ReferenceSummary> {
  const present = new Set((await trx.selectFrom("wards").select("code").execute()).map((row) => row.code));
  const missing = wardRows().filter((ward) => !present.has(ward.code));
  if (missing.length === 0) return { wards: 0, policies: 0, indicators: 0 };
  await trx.insertInto("wards").values(missing).execute();
  const policies = missing.flatMap((ward) =>
    planPolicies.map((policy) => ({
      id: planPolicyId(ward.code, policy.key),
      wardCode: ward.code,
      title: policy.title,
      chapter: policy.chapter,
      themes: JSON.stringify(policy.themes),
      createdAt: now,
      updatedAt: now,
    })),
  );
  await trx.insertInto("policies").values(policies).execute();
  let indicators = 0;
  const firstLoad = present.size === 0;
  const known = await trx.selectFrom("indicators").select("id").where("id", "=", planIndicator.id).executeTakeFirst();
  if (firstLoad && !known) {
    await trx
      .insertInto("indicators")
      .values({
        id: planIndicator.id,
        wardCode: null,
        name: planIndicator.name,
        questionId: planIndicator.questionId,
        optionIds: JSON.stringify(planIndicator.optionIds),
        baselineYear: planIndicator.baselineYear,
        targetYear: planIndicator.targetYear,
        targetPoints: planIndicator.targetPoints,
        createdAt: now,
      })
      .execute();
    indicators = 1;
  }
  return { wards: missing.length, policies: policies.length, indicators };
}

const loadReference = defineWrite("reference.load", async (trx, input: { dialect: Dialect; now: string }) => {
  await takeStartLock(trx as Transaction<unknown>, input.dialect, "start-data");
  return insertReference(trx, input.now);
});

/** Loads the reference data (see above); safe to run on every start, by several instances at once. */
export function loadReferenceData(database: Database): Promise<ReferenceSummary> {
  return database.write(loadReference, { dialect: database.dialect, now: new Date().toISOString() });
}
