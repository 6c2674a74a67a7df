/**
 * Demo data, so a fresh start shows all 24 wards with believable content: surveys and answers, 地域,
 * local life, population, demo accounts. The wards, the plan's policies and its indicator are reference
 * data (server/reference), loaded on every database; the demo only adds to them. Runs at start on a
 * database without surveys or 地域 (unless DEMO_DATA=false) and on `npm run seed -- --reset`, which rebuilds it.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { ageBands } from "../../shared/surveys/model";
import { wardRecords } from "../../shared/wards/data";
import { hashPassword } from "../accounts/passwords";
import type { Database, Dialect } from "../platform/db/database";
import { takeStartLock } from "../platform/db/lock";
import type { DB } from "../platform/db/schema";
import { insertReference, wardRows } from "../reference/load";
import { defineCountingWrite } from "../surveys/counts";
import { areaSeeds } from "./areas";
import { seedDemoLocal } from "./demo-local";
import { seedDemoIndicators, seedDemoPolicies } from "./demo-matching";
import { seedDemoSurveys } from "./demo-surveys";

export interface SeedSummary {
  wards: number;
  areas: number;
  surveys: number;
  responses: number;
}

/**
 * Whether the database has none of the demo's kind of data: no survey and no 地域 (reference data,
 * the wards with the plan's policies and indicator, does not count).
 */
export async function isEmpty({ db }: { db: Kysely<DB> | Transaction<DB> }): Promise<boolean> {
  const count = async (table: "surveys" | "areas") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return (await count("surveys")) === 0 && (await count("areas")) === 0;
}

/** Demo only: shares of the population aged 10 and over by age band, shaped like a large Japanese city's. */
const demoAgeStructure: Record<(typeof ageBands)[number], number> = {
  "10s": 0.08,
  "20s": 0.13,
  "30s": 0.13,
  "40s": 0.15,
  "50s": 0.15,
  "60s": 0.12,
  "70s": 0.13,
  "80plus": 0.11,
};

/** The demo's staff accounts, printed at start so anyone trying the app can log in to the console. */
export const demoStaff = [
  { login: "kita.demo", displayName: "北区役所 デモ職員", role: "ward_staff", ward: "27127", password: "kita-demo-password" },
  { login: "city.demo", displayName: "大阪市 デモ管理者", role: "city_admin", ward: null, password: "city-demo-password" },
] as const;

/** The 24 wards (reference data) and the demo's 地域 as rows: the part every other part hangs on. */
export function wardAndAreaRows() {
  const wards = wardRows();
  const areas = wardRecords.flatMap((ward) =>
    (areaSeeds[ward.code] ?? []).map((area, i) => ({
      id: `${ward.code}-${String(i + 1).padStart(2, "0")}`,
      wardCode: ward.code,
      name: area.name,
      reading: area.reading,
      nameEn: area.nameEn,
      population: area.population,
      sortOrder: i + 1,
    })),
  );
  return { wards, areas };
}

const seedDemo = defineCountingWrite(
  "seed.demo",
  async (trx, options: { reset: boolean; staffHashes: string[]; dialect: Dialect }, tally): Promise<SeedSummary | null> => {
    // Under the start lock, so instances starting together seed once: the second finds the first's data.
    await takeStartLock(trx as Transaction<unknown>, options.dialect, "start-data");
    if (!options.reset && !(await isEmpty({ db: trx }))) return null;
    if (options.reset) {
      // Children before parents; every table the demo fills.
      for (const table of [
        "joinRequests",
        "places",
        "associations",
        "councils",
        "meetings",
        "indicatorYears",
        "indicators",
        "policies",
        "auditLog",
        "wardPopulation",
        "commentThemes",
        "staffSessions",
        "staffTokens",
        "staffUsers",
        "resultSnapshots",
        "surveyAggregates",
        "pollDevices",
        "invitationCodes",
        "responses",
        "surveys",
        "loginAttempts",
        "areas",
        "wards",
      ] as const) {
        await trx.deleteFrom(table).execute();
      }
    }
    const now = new Date().toISOString();
    await insertReference(trx, now);
    const { areas } = wardAndAreaRows();
    await trx.insertInto("areas").values(areas).execute();
    const areasByWard = new Map<string, string[]>();
    for (const area of areas) areasByWard.set(area.wardCode, [...(areasByWard.get(area.wardCode) ?? []), area.id]);
    const { sampledSurveyOf, ...demo } = await seedDemoSurveys(trx, tally, areasByWard);
    await seedDemoPolicies(
      trx,
      wardRecords.map((w) => w.code),
    );
    await seedDemoIndicators(trx, sampledSurveyOf, now);
    await seedDemoLocal(trx, wardRecords, areas);
    // Population by age band: each ward's population split in the demo's age structure (staff replace it with the real table).
    await trx
      .insertInto("wardPopulation")
      .values(
        wardRecords.flatMap((ward) =>
          Object.entries(demoAgeStructure).map(([ageBand, share]) => ({
            wardCode: ward.code,
            ageBand,
            population: Math.round(ward.population * share),
          })),
        ),
      )
      .execute();
    await trx
      .insertInto("staffUsers")
      .values(
        demoStaff.map((user, i) => ({
          id: randomUUID(),
          login: user.login,
          displayName: user.displayName,
          role: user.role,
          wardCode: user.ward,
          passwordHash: options.staffHashes[i] as string,
          failedLogins: 0,
          lockedUntil: null,
          disabled: 0,
          createdAt: new Date().toISOString(),
          mustChangePassword: 0,
          lastLoginAt: null,
          readsPersonal: 1,
        })),
      )
      .execute();
    return { wards: wardRecords.length, areas: areas.length, ...demo };
  },
);

/** Seeds the demo (reference data first, if missing); null when the database already had demo-kind data and `reset` is false. */
export async function seedDemoData(database: Database, options: { reset: boolean }): Promise<SeedSummary | null> {
  const staffHashes = await Promise.all(demoStaff.map((user) => hashPassword(user.password)));
  return database.write(seedDemo, { ...options, staffHashes, dialect: database.dialect });
}
