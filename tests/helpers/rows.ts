/**
 * Rows the integration suites start from: real wards (from the reference data), areas, and a survey
 * open from yesterday to tomorrow. Each suite says only what differs from these.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "../../server/platform/db/database";
import type { AreaTable, SurveyTable } from "../../server/platform/db/schema";
import { insertInto } from "../../server/platform/db/write";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { wardRecords } from "../../shared/wards/data";

export const dayMs = 86_400_000;

/** Stores the wards with these codes, as the reference data describes them. */
export async function insertWards(database: Database, ...codes: string[]): Promise<void> {
  await insertInto(
    database,
    "wards",
    wardRecords.filter((w) => codes.includes(w.code)),
  );
}

/** An area (地域) of the ward its id starts with. */
export function areaRow(id: string, overrides: Partial<AreaTable> = {}): AreaTable {
  return {
    id,
    wardCode: id.slice(0, 5),
    name: `地域${id}`,
    reading: "ちいき",
    nameEn: `Area ${id}`,
    population: 1000,
    sortOrder: 1,
    ...overrides,
  };
}

/** A 北区 poll open since a day ago until a day from now, results not public, created now. */
export function surveyRow(definition: SurveyDefinition, overrides: Partial<SurveyTable> = {}): SurveyTable {
  const now = Date.now();
  return {
    id: randomUUID(),
    wardCode: "27127",
    kind: "poll",
    status: "open",
    opensAt: new Date(now - dayMs).toISOString(),
    closesAt: new Date(now + dayMs).toISOString(),
    resultsPublic: 0,
    version: 1,
    definition: JSON.stringify(definition),
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
    followUp: null,
    followUpAt: null,
    followUpFirstAt: null,
    ...overrides,
  };
}
