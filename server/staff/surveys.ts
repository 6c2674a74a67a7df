/** Surveys as staff read them, always within the staff member's ward (a city administrator: all). */
import type { StaffUser } from "../../shared/staff/schemas";
import type { AuditEntry, StaffResults, StaffSurveyList } from "../../shared/staff/surveys";
import { wilsonInterval } from "../../shared/stats/wilson";
import type { Breakdown } from "../../shared/surveys/aggregates";
import { answeredKey, responsesKey } from "../../shared/surveys/aggregates";
import type { Database } from "../db/database";
import { AppError } from "../http/errors";
import { surveyResults, toSurvey } from "../surveys/service";
import { mayActFor } from "./service";

export { StaffResults, StaffSurveyList } from "../../shared/staff/surveys";

export async function staffSurveys(database: Database, user: StaffUser): Promise<StaffSurveyList> {
  let query = database.db.selectFrom("surveys").selectAll().orderBy("createdAt", "desc");
  if (user.role !== "city_admin") query = query.where("wardCode", "=", user.ward);
  const rows = await query.execute();
  await database.settleCounts();
  const counts = new Map(
    (
      await database.db
        .selectFrom("surveyAggregates")
        .select(["surveyId", "count"])
        .where("questionId", "=", responsesKey)
        .where("optionKey", "=", answeredKey)
        .where("segment", "=", "all")
        .execute()
    ).map((row) => [row.surveyId, Number(row.count)]),
  );
  return {
    surveys: rows.map((row) => {
      const { definition, ...survey } = toSurvey(row);
      return {
        ...survey,
        questionCount: definition.questions.length,
        title: definition.title,
        description: definition.description,
        responses: counts.get(row.id) ?? 0,
      };
    }),
  };
}

/** A survey's results for staff; another ward's survey is "not found", as if it did not exist. */
export async function staffSurveyResults(
  database: Database,
  user: StaffUser,
  surveyId: string,
  options: { breakdown?: Breakdown | undefined; minCell: number },
): Promise<StaffResults> {
  const row = await database.db.selectFrom("surveys").select(["wardCode", "kind"]).where("id", "=", surveyId).executeTakeFirst();
  if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  const results = await surveyResults(database, surveyId, { ...options, publicOnly: false, includeDrafts: true });
  const sampled = row.kind === "sampled";
  return {
    ...results,
    kind: row.kind,
    segments: results.segments.map((segment) => ({
      ...segment,
      questions: segment.questions.map((question) => ({
        ...question,
        options: question.options.map((option) => {
          const n = question.answered;
          const shown = option.count !== null && n !== null && n > 0;
          return {
            ...option,
            share: shown ? (option.count as number) / (n as number) : null,
            interval: shown && sampled ? wilsonInterval(option.count as number, n as number) : null,
          };
        }),
      })),
    })),
  };
}

export async function auditEntries(database: Database, user: StaffUser, limit = 200): Promise<AuditEntry[]> {
  let query = database.db.selectFrom("auditLog").selectAll().orderBy("at", "desc").limit(limit);
  if (user.role !== "city_admin") query = query.where("wardCode", "=", user.ward);
  return (await query.execute()).map((row) => ({
    id: row.id,
    at: row.at,
    login: row.login,
    ward: row.wardCode,
    action: row.action,
    target: row.target,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
