/** Surveys as staff read them, always within the staff member's ward (a city administrator: all). */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { roundedCount } from "../../../shared/stats/rounded";
import { poststratify } from "../../../shared/stats/weighting";
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
          const n = question.answered;
          const shown = option.count !== null && n !== null && n > 0;
          return {
            ...option,
            share: shown ? (option.count as number) / (n as number) : null,
            interval: shown && sampled ? wilsonInterval(option.count as number, n as number) : null,
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

interface AgeCells {
  population: Population;
  /** The age-band breakdown as published: weighting reads only what disclosure control shows. */
  bands: SurveyResults["segments"];
}

async function ageCells(database: Database, surveyId: string, ward: string | null, publication: Publication): Promise<AgeCells> {
  const byAge = await surveyResults(database, surveyId, {
    breakdown: "ageBand",
    minCell: publication.minCell,
    refreshHours: publication.refreshHours,
    publicOnly: false,
    includeDrafts: true,
  });
  return { population: await populationOf(database, ward), bands: byAge.segments };
}

/**
 * A weighted share only from shown counts: every band the weighting uses (a population above 0 and
 * anyone in it) must show both its "answered" and the option's count. Otherwise it is not worked out
 * at all (finding 8: a population of 10,000,000 for one band and 1 for another read a band's hidden
 * share back out of the weighted one).
 */
function weightedShare(
  cells: AgeCells,
  questionId: string,
  optionKey: string,
  sampled: boolean,
): Pick<WeightedOption, "weighted" | "weightedUnavailable"> {
  const bands = ageBands.map((band) => {
    const question = cells.bands.find((s) => s.segment === `age:${band}`)?.questions.find((q) => q.id === questionId);
    // A band without a segment had nobody in it: 0 is known, not hidden.
    const answered = question ? question.answered : 0;
    const chose = question ? (question.options.find((o) => o.key === optionKey)?.count ?? null) : 0;
    return { answered, chose, population: cells.population[band] };
  });
  const used = bands.filter((b) => b.population > 0 && b.answered !== 0);
  if (used.some((b) => b.answered === null || b.chose === null)) return { weighted: null, weightedUnavailable: "hidden_cells" };
  const result = poststratify(used.map((b) => ({ answered: b.answered as number, chose: b.chose as number, population: b.population })));
  if (!result) return { weighted: null, weightedUnavailable: "no_population" };
  return { weighted: { share: result.share, interval: sampled ? result.interval : null } };
}
