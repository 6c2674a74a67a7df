/**
 * Surveys as residents see them: which are open, one survey, whether it takes responses now, and a
 * stored survey's parsed definition and a response's profile (used by every other survey module).
 * Knows nothing of HTTP.
 */
import type { Selectable } from "kysely";
import {
  estimatedMinutes,
  type FollowUp,
  LocalizedText,
  type Profile,
  type Survey,
  SurveyDefinition,
  type SurveySummary,
} from "../../shared/surveys/model";
import type { Database } from "../platform/db/database";
import type { ResponseTable, SurveyTable } from "../platform/db/schema";
import { AppError } from "../platform/errors";

export type SurveyRow = Selectable<SurveyTable>;

/** Parsed definitions by survey id, for the version parsed: a derived cache, safe on every instance. */
const parsed = new Map<string, { version: number; definition: SurveyDefinition }>();
export function definitionOf(row: Pick<SurveyRow, "id" | "version" | "definition">): SurveyDefinition {
  const cached = parsed.get(row.id);
  if (cached && cached.version === row.version) return cached.definition;
  const definition = SurveyDefinition.parse(JSON.parse(row.definition));
  parsed.set(row.id, { version: row.version, definition });
  return definition;
}

/** 区の対応 as stored (published or not); null when none was written or it does not parse. */
export function followUpTextOf(row: Pick<SurveyRow, "followUp">): LocalizedText | null {
  if (!row.followUp) return null;
  const parsed = LocalizedText.safeParse(JSON.parse(row.followUp));
  return parsed.success ? parsed.data : null;
}

/** 区の対応 as residents see it: only once published. */
function publishedFollowUp(row: Pick<SurveyRow, "followUp" | "followUpAt">): FollowUp | null {
  const text = row.followUpAt ? followUpTextOf(row) : null;
  return text && row.followUpAt ? { text, publishedAt: row.followUpAt } : null;
}

export function toSurvey(row: SurveyRow): Survey {
  const definition = definitionOf(row);
  return {
    id: row.id,
    ward: row.wardCode,
    kind: row.kind,
    status: row.status,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    resultsPublic: row.resultsPublic === 1,
    version: row.version,
    estimatedMinutes: estimatedMinutes(definition),
    followUp: publishedFollowUp(row),
    definition,
  };
}

function toSummary(row: SurveyRow): SurveySummary {
  const { definition, ...survey } = toSurvey(row);
  return { ...survey, questionCount: definition.questions.length, title: definition.title, description: definition.description };
}

/** Whether a survey takes responses now. */
export function acceptance(row: Pick<SurveyRow, "status" | "opensAt" | "closesAt">, now: Date): "open" | "not_open" | "closed" {
  if (row.status === "closed" || now.getTime() >= Date.parse(row.closesAt)) return "closed";
  if (row.status !== "open" || now.getTime() < Date.parse(row.opensAt)) return "not_open";
  return "open";
}

/** The surveys taking responses now for a ward's residents: the ward's own and the city's. */
export async function listOpenSurveys({ db }: Database, ward: string | undefined, now = new Date()): Promise<SurveySummary[]> {
  const rows = await db
    .selectFrom("surveys")
    .selectAll()
    .where("status", "=", "open")
    .where((eb) => (ward ? eb.or([eb("wardCode", "=", ward), eb("wardCode", "is", null)]) : eb("wardCode", "is", null)))
    .orderBy("closesAt")
    .execute();
  return rows.filter((row) => acceptance(row, now) === "open").map(toSummary);
}

/** Surveys whose 区の対応 is published, for a ward's residents (the ward's and the city's), latest first: at most `limit`. */
export async function listFollowUps({ db }: Database, ward: string | undefined, limit = 20): Promise<SurveySummary[]> {
  const rows = await db
    .selectFrom("surveys")
    .selectAll()
    .where("status", "!=", "draft")
    .where("followUpAt", "is not", null)
    .where((eb) => (ward ? eb.or([eb("wardCode", "=", ward), eb("wardCode", "is", null)]) : eb("wardCode", "is", null)))
    .orderBy("followUpAt", "desc")
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/** A survey residents may see (open or closed; a draft is not public). */
export async function getSurvey({ db }: Database, id: string): Promise<Survey> {
  const row = await db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || row.status === "draft") throw new AppError("surveys.not_found", { survey: id });
  return toSurvey(row);
}

/** A stored response's profile, as the respondent gave it (fields left out stay out). */
export function profileOf(row: Pick<Selectable<ResponseTable>, "ageBand" | "areaId" | "childrenUnder6" | "yearsInWard">): Profile {
  return {
    ...(row.ageBand ? { ageBand: row.ageBand } : {}),
    ...(row.areaId ? { area: row.areaId } : {}),
    ...(row.childrenUnder6 ? { childrenUnder6: row.childrenUnder6 } : {}),
    ...(row.yearsInWard ? { yearsInWard: row.yearsInWard } : {}),
  } as Profile;
}
