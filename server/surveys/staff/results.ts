/** Surveys as staff read them, always within the staff member's ward (a city administrator: all). */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { roundedCount } from "../../../shared/stats/rounded";
import { weightedFromShown } from "../../../shared/stats/weighting";
import { wilsonInterval } from "../../../shared/stats/wilson";
import type { Breakdown } from "../../../shared/surveys/aggregates";
import { ageBands } from "../../../shared/surveys/model";
import type { SurveyResults } from "../../../shared/surveys/results";
import type { StaffResults, StaffSurveyList } from "../../../shared/surveys/staff/results";
import { mayActFor } from "../../accounts/access";
import { type Population, populationOf } from "../../planning/staff/population";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { toSurvey } from "../read";
import { surveyResults } from "../results";
import type { Publication } from "../snapshots";
import { receivedTotals } from "../snapshots";

export { StaffResults, StaffSurveyList } from "../../../shared/surveys/staff/results";

type WeightedOption = StaffResults["segments"][number]["questions"][number]["options"][number];

/**
 * The surveys in the staff member's scope, each with the responses its published results count (exact:
 * they are published) and, while more come in, about how many have been received: rounded to tens and
 * hidden under K, so the list never changes by one response.
 */
export async function staffSurveys(database: Database, user: StaffUser, minCell: number): Promise<StaffSurveyList> {
  let query = database.db
    .selectFrom("surveys")
    .leftJoin("resultSnapshots", "resultSnapshots.surveyId", "surveys.id")
    .selectAll("surveys")
    .select(["resultSnapshots.responses as published", "resultSnapshots.madeAt as publishedAt"])
    .orderBy("createdAt", "desc");
  if (user.role !== "city_admin") query = query.where("wardCode", "=", user.ward);
  const rows = await query.execute();
  const counts = await receivedTotals(database);
  return {
    minCell,
    surveys: rows.map((row) => {
      const { definition, ...survey } = toSurvey(row);
      return {
        ...survey,
        questionCount: definition.questions.length,
        title: definition.title,
        description: definition.description,
        responses: row.published === null ? null : Number(row.published),
        publishedAt: row.publishedAt,
        received: roundedCount(counts.get(row.id) ?? 0, minCell),
      };
    }),
  };
}

/** A survey's results for staff; another ward's survey is "not found", as if it did not exist. */
export async function staffSurveyResults(
  database: Database,
  user: StaffUser,
  surveyId: string,
  options: Publication & { breakdown?: Breakdown | undefined; weight?: "age" | undefined },
): Promise<StaffResults> {
  const row = await database.db.selectFrom("surveys").select(["wardCode", "kind"]).where("id", "=", surveyId).executeTakeFirst();
  if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  const results = await surveyResults(database, surveyId, { ...options, publicOnly: false, includeDrafts: true });
  const sampled = row.kind === "sampled";
  const weighting = options.weight === "age" && !options.breakdown ? await ageCells(database, surveyId, row.wardCode, options) : null;
  return {
    ...results,
    kind: row.kind,
    segments: results.segments.map((segment) => ({
      ...segment,
      questions: segment.questions.map((question) => ({
        ...question,
        options: question.options.map((option) => {
          const { share, interval } = shareOf(option.count, question.answered, sampled);
          const shown = share !== null;
          return {
            ...option,
            share,
            interval,
            ...(weighting
              ? shown
                ? weightedShare(weighting, question.id, option.key, sampled)
                : { weighted: null, weightedUnavailable: "hidden_cells" as const }
              : {}),
          };
        }),
      })),
    })),
  };
}

/** A shown count's share of its respondents and, for a sampled survey, its 95 % Wilson interval (null where either is hidden). */
export function shareOf(
  count: number | null,
  answered: number | null,
  sampled: boolean,
): { share: number | null; interval: [number, number] | null } {
  if (count === null || answered === null || answered <= 0) return { share: null, interval: null };
  return { share: count / answered, interval: sampled ? wilsonInterval(count, answered) : null };
}

export interface AgeCells {
  population: Population;
  /** The age-band breakdown as published: weighting reads only what disclosure control shows. */
  bands: SurveyResults["segments"];
}

export async function ageCells(database: Database, surveyId: string, ward: string | null, publication: Publication): Promise<AgeCells> {
  const byAge = await surveyResults(database, surveyId, {
    breakdown: "ageBand",
    minCell: publication.minCell,
    refreshHours: publication.refreshHours,
    publicOnly: false,
    includeDrafts: true,
  });
  return { population: await populationOf(database, ward), bands: byAge.segments };
}

/** An option's weighted share from the age-band breakdown as published (a band without a segment had nobody: 0, not hidden). */
function weightedShare(
  cells: AgeCells,
  questionId: string,
  optionKey: string,
  sampled: boolean,
): Pick<WeightedOption, "weighted" | "weightedUnavailable"> {
  const bands = ageBands.map((band) => {
    const question = cells.bands.find((s) => s.segment === `age:${band}`)?.questions.find((q) => q.id === questionId);
    const answered = question ? question.answered : 0;
    const chose = question ? (question.options.find((o) => o.key === optionKey)?.count ?? null) : 0;
    return { answered, chose, population: cells.population[band] };
  });
  return weightedFromShown(bands, sampled);
}
