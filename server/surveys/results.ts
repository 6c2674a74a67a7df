/**
 * A survey's results, read from its latest snapshot of the running counts (snapshots.ts: published
 * after every K new responses, never live), for residents (public polls) and for staff (any survey of
 * their ward). Every count goes through disclosure
 * control (shared/surveys/disclosure.ts) for the whole survey at once, every breakdown together, so
 * asking for another breakdown never shows what this one hides; number answers are counted in
 * their question's fixed ranges (shared/surveys/ranges.ts).
 */
import { answeredKey, type Breakdown, noAnswerKey, responsesKey, segmentFor } from "../../shared/surveys/aggregates";
import { type DisclosedTables, disclose, type QuestionCounts } from "../../shared/surveys/disclosure";
import type { Question, SurveyDefinition } from "../../shared/surveys/model";
import { numberRanges, rangeOf } from "../../shared/surveys/ranges";
import type { SurveyResults } from "../../shared/surveys/results";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { definitionOf } from "./read";
import { latestSnapshot, type Publication } from "./snapshots";

/** What was disclosed for a survey's snapshot (solving takes a moment): by snapshot id and K. */
const disclosedCache = new WeakMap<Database, Map<string, { snapshot: string; disclosed: DisclosedTables; minCell: number }>>();

/**
 * A survey's results as last published (snapshots.ts), with small cells hidden. By default for
 * everyone (polls whose results the ward made public, and sampled surveys whose results staff published:
 * follow-up.ts); staff see any survey of their ward.
 */
export async function surveyResults(
  database: Database,
  surveyId: string,
  options: Publication & { breakdown?: Breakdown | undefined; publicOnly: boolean; includeDrafts?: boolean },
): Promise<SurveyResults> {
  const row = await database.db.selectFrom("surveys").selectAll().where("id", "=", surveyId).executeTakeFirst();
  if (!row || (row.status === "draft" && !options.includeDrafts)) throw new AppError("surveys.not_found", { survey: surveyId });
  if (options.publicOnly && row.resultsPublic !== 1) throw new AppError("results.not_public", { survey: surveyId });
  const definition = definitionOf(row);
  const snapshot = await latestSnapshot(database, surveyId, row, options);
  const counts = countsFrom(snapshot?.rows ?? [], definition);
  const disclosed = snapshot ? disclosedFor(database, surveyId, snapshot.id, options.minCell, counts) : null;

  const shownSegments = options.breakdown
    ? counts.segments.filter((s) => s.startsWith(segmentFor(options.breakdown as Breakdown, "")))
    : ["all"];
  return {
    surveyId,
    minCell: options.minCell,
    breakdown: options.breakdown ?? null,
    publishedAt: snapshot?.madeAt ?? null,
    segments: shownSegments.map((segment) => ({
      segment,
      // Nothing published yet: every number hidden, the total too.
      responses: disclosed?.responses.get(segment) ?? null,
      questions: counts.questions.map((question) => {
        const shown = disclosed?.questions.get(question.id)?.get(segment) ?? [];
        // A number's small ranges are merged by disclosure control: its keys are the ones it published.
        const keys = disclosed?.keys.get(question.id) ?? question.keys;
        const options = keys.map((key, i) => ({ key, count: shown[i] ?? null }));
        return {
          id: question.id,
          answered: shown[keys.length] ?? null,
          // A number's range is listed only when its count is shown.
          options: question.number ? options.filter((o) => o.count !== null) : options,
        };
      }),
    })),
  };
}

/**
 * A survey's true running counts in every segment, as disclosure control takes them: live, for the
 * tests that solve the published tables against what is stored.
 */
export async function countsOf(database: Database, surveyId: string, definition: SurveyDefinition) {
  // Counts of responses already acknowledged may still be on their way (db/group-commit.ts).
  await database.settleCounts();
  const rows = await database.db
    .selectFrom("surveyAggregates")
    .select(["questionId", "optionKey", "segment", "count"])
    .where("surveyId", "=", surveyId)
    .execute();
  return { counts: countsFrom(rows, definition), rows };
}

/** Counts in every segment from counted cells (a snapshot's, or the running ones). */
export function countsFrom(
  rows: readonly { questionId: string; optionKey: string; segment: string; count: unknown }[],
  definition: SurveyDefinition,
) {
  const cells = new Map<string, Map<string, number>>();
  for (const c of rows) {
    const segment = cells.get(c.segment) ?? new Map<string, number>();
    segment.set(`${c.questionId}\u0000${c.optionKey}`, Number(c.count));
    cells.set(c.segment, segment);
  }
  const segments = ["all", ...[...cells.keys()].filter((s) => s !== "all").sort()];
  const get = (segment: string, q: string, k: string) => cells.get(segment)?.get(`${q}\u0000${k}`) ?? 0;
  return {
    segments,
    responses: new Map(segments.map((s) => [s, get(s, responsesKey, answeredKey)])),
    questions: definition.questions.map((question) => questionCounts(question, segments, cells, get)),
  };
}

function disclosedFor(
  database: Database,
  surveyId: string,
  snapshot: string,
  minCell: number,
  counts: Parameters<typeof disclose>[0],
): DisclosedTables {
  const cache = disclosedCache.get(database) ?? new Map();
  disclosedCache.set(database, cache);
  const cached = cache.get(surveyId);
  if (cached && cached.snapshot === snapshot && cached.minCell === minCell) return cached.disclosed;
  const disclosed = disclose(counts, minCell);
  cache.set(surveyId, { snapshot, disclosed, minCell });
  return disclosed;
}

/**
 * One question's counts in every segment: its keys (options, ratings or a number's ranges, then 無回答
 * when any was recorded), then "answered" (its base: the answers and the 無回答).
 */
function questionCounts(
  question: Question,
  segments: string[],
  cells: Map<string, Map<string, number>>,
  get: (segment: string, q: string, k: string) => number,
): QuestionCounts & { number: boolean } {
  const ranges = question.type === "number" ? numberRanges(question) : null;
  // 無回答 is its own category, last, in every segment alike, whenever the counts hold any.
  const noAnswer = segments.some((segment) => get(segment, question.id, noAnswerKey) > 0);
  const keys = [...(ranges ? ranges.map((r) => r.key) : optionKeysOf(question)), ...(noAnswer ? [noAnswerKey] : [])];
  const perSegment = new Map(
    segments.map((segment) => {
      const values = keys.map((key) => (ranges && key !== noAnswerKey ? 0 : get(segment, question.id, key)));
      if (ranges) {
        for (const [pair, count] of cells.get(segment) ?? []) {
          const [q, key] = pair.split("\u0000") as [string, string];
          if (q !== question.id || key === answeredKey || key === noAnswerKey) continue;
          const index = ranges.indexOf(rangeOf(ranges, Number(key)));
          values[index] = (values[index] as number) + count;
        }
      }
      return [segment, [...values, get(segment, question.id, answeredKey)]] as const;
    }),
  );
  const all = perSegment.get("all") ?? [];
  const everyone = (all[keys.length] ?? 0) === get("all", responsesKey, answeredKey);
  return {
    id: question.id,
    keys,
    alwaysAnswered: question.required && !question.showIf && everyone,
    // Each respondent counts under one key (an option, a rating, a range or 無回答): they add up to "answered".
    keysAddUp: question.type === "single" || question.type === "rating" || question.type === "number",
    ranges: ranges !== null,
    cells: perSegment,
    number: ranges !== null,
  };
}

function optionKeysOf(question: Question): string[] {
  switch (question.type) {
    case "single":
    case "multiple":
      return [...question.options.map((o) => o.id), ...(question.other ? ["other"] : [])];
    case "rating":
      return ["1", "2", "3", "4", "5"];
    case "number":
    case "text":
      return [];
  }
}
