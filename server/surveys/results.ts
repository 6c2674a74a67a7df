/**
 * A survey's results, read from its running counts (never a scan of its responses), with small
 * cells hidden: for residents (public polls) and for staff (any survey of their ward).
 */
import { answeredKey, type Breakdown, responsesKey, segmentFor, suppress } from "../../shared/surveys/aggregates";
import type { SurveyDefinition } from "../../shared/surveys/model";
import type { SurveyResults } from "../../shared/surveys/results";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { definitionOf } from "./read";

/**
 * A survey's results from its running counts, with small cells hidden. By default for everyone
 * (only polls whose results the ward made public); staff see any survey of their ward.
 */
export async function surveyResults(
  database: Database,
  surveyId: string,
  options: { breakdown?: Breakdown | undefined; minCell: number; publicOnly: boolean; includeDrafts?: boolean },
): Promise<SurveyResults> {
  const row = await database.db.selectFrom("surveys").selectAll().where("id", "=", surveyId).executeTakeFirst();
  if (!row || (row.status === "draft" && !options.includeDrafts)) throw new AppError("surveys.not_found", { survey: surveyId });
  if (options.publicOnly && !(row.kind === "poll" && row.resultsPublic === 1))
    throw new AppError("results.not_public", { survey: surveyId });
  const definition = definitionOf(row);

  // Counts of responses already acknowledged may still be on their way (db/group-commit.ts).
  await database.settleCounts();
  const query = database.db
    .selectFrom("surveyAggregates")
    .select(["questionId", "optionKey", "segment", "count"])
    .where("surveyId", "=", surveyId);
  const counts = await (options.breakdown
    ? query.where("segment", "like", `${segmentFor(options.breakdown, "")}%`)
    : query.where("segment", "=", "all")
  ).execute();

  const bySegment = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const cell = bySegment.get(c.segment) ?? new Map<string, number>();
    cell.set(`${c.questionId}\u0000${c.optionKey}`, Number(c.count));
    bySegment.set(c.segment, cell);
  }
  const segments = options.breakdown ? [...bySegment.keys()].sort() : ["all"];
  return {
    surveyId,
    minCell: options.minCell,
    breakdown: options.breakdown ?? null,
    segments: segments.map((segment) => {
      const cells = bySegment.get(segment) ?? new Map<string, number>();
      const get = (q: string, k: string) => cells.get(`${q}\u0000${k}`) ?? 0;
      const responses = get(responsesKey, answeredKey);
      const tooFew = responses < options.minCell;
      return {
        segment,
        responses: tooFew && responses > 0 ? null : responses,
        questions: definition.questions.map((question) => {
          const keys = optionKeysOf(
            question,
            [...cells.keys()].filter((k) => k.startsWith(`${question.id}\u0000`)).map((k) => k.split("\u0000")[1] as string),
          );
          const shown = tooFew
            ? keys.map(() => null)
            : suppress(
                keys.map((k) => get(question.id, k)),
                options.minCell,
              );
          const answered = get(question.id, answeredKey);
          return {
            id: question.id,
            answered: tooFew || (answered > 0 && answered < options.minCell) ? (answered === 0 ? 0 : null) : answered,
            options: keys.map((key, i) => ({ key, count: shown[i] ?? null })),
          };
        }),
      };
    }),
  };
}

function optionKeysOf(question: SurveyDefinition["questions"][number], present: string[]): string[] {
  switch (question.type) {
    case "single":
    case "multiple":
      return [...question.options.map((o) => o.id), ...(question.other ? ["other"] : [])];
    case "rating":
      return ["1", "2", "3", "4", "5"];
    case "number":
      return present.filter((k) => k !== answeredKey).sort((a, b) => Number(a) - Number(b));
    case "text":
      return [];
  }
}
