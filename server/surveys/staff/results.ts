/** Surveys as staff read them, always within the staff member's ward (a city administrator: all). */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { poststratify } from "../../../shared/stats/weighting";
import { wilsonInterval } from "../../../shared/stats/wilson";
import type { Breakdown } from "../../../shared/surveys/aggregates";
import { answeredKey, responsesKey } from "../../../shared/surveys/aggregates";
import { ageBands } from "../../../shared/surveys/model";
import type { StaffResults, StaffSurveyList } from "../../../shared/surveys/staff/results";
import { mayActFor } from "../../accounts/access";
import { type Population, populationOf } from "../../planning/staff/population";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { toSurvey } from "../read";
import { surveyResults } from "../results";

export { StaffResults, StaffSurveyList } from "../../../shared/surveys/staff/results";

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
  options: { breakdown?: Breakdown | undefined; minCell: number; weight?: "age" | undefined },
): Promise<StaffResults> {
  const row = await database.db.selectFrom("surveys").select(["wardCode", "kind"]).where("id", "=", surveyId).executeTakeFirst();
  if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  const results = await surveyResults(database, surveyId, { ...options, publicOnly: false, includeDrafts: true });
  const sampled = row.kind === "sampled";
  const weighting = options.weight === "age" && !options.breakdown ? await ageCells(database, surveyId, row.wardCode) : null;
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
            ...(weighting ? { weighted: shown ? weightedShare(weighting, question.id, option.key, sampled) : null } : {}),
          };
        }),
      })),
    })),
  };
}

interface AgeCells {
  population: Population;
  /** `${question}\u0000${option}\u0000${band}` → count; option "_answered" for a question's respondents. */
  counts: Map<string, number>;
}

async function ageCells(database: Database, surveyId: string, ward: string | null): Promise<AgeCells> {
  const rows = await database.db
    .selectFrom("surveyAggregates")
    .select(["questionId", "optionKey", "segment", "count"])
    .where("surveyId", "=", surveyId)
    .where("segment", "like", "age:%")
    .execute();
  const counts = new Map(rows.map((r) => [`${r.questionId}\u0000${r.optionKey}\u0000${r.segment.slice(4)}`, Number(r.count)]));
  return { population: await populationOf(database, ward), counts };
}

/** Only shown counts get a weighted share: weighting never reveals a hidden cell. */
function weightedShare(cells: AgeCells, questionId: string, optionKey: string, sampled: boolean) {
  const result = poststratify(
    ageBands.map((band) => ({
      answered: cells.counts.get(`${questionId}\u0000${answeredKey}\u0000${band}`) ?? 0,
      chose: cells.counts.get(`${questionId}\u0000${optionKey}\u0000${band}`) ?? 0,
      population: cells.population[band],
    })),
  );
  return result ? { share: result.share, interval: sampled ? result.interval : null } : null;
}
