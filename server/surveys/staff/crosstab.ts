/**
 * Cross-tabs for staff (issue 16): a choice question by a profile field — the breakdown tables that
 * disclosure control already published with the whole survey — or by another choice question, crossed
 * from the published responses (joint.ts) and put through shared/surveys/crosstab-disclosure.ts beside
 * the one-way tables. A pair is disclosed once, in the order its questions have in the survey, so
 * B by A shows exactly what A by B shows. Another ward's survey is "not found".
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { WeightedShare } from "../../../shared/stats/weighting";
import type { Breakdown } from "../../../shared/surveys/aggregates";
import { disclosePair, type PairCounts, type PairShown, tabulate, transpose } from "../../../shared/surveys/crosstab-disclosure";
import { mergeSmallRanges } from "../../../shared/surveys/disclosure-ranges";
import type { Question, SurveyDefinition } from "../../../shared/surveys/model";
import { numberRanges, rangeOf, rangeOfKey } from "../../../shared/surveys/ranges";
import type { Crosstab, CrosstabQuery, CrosstabRow } from "../../../shared/surveys/staff/crosstab";
import { mayActFor } from "../../accounts/access";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { definitionOf } from "../read";
import { countsFrom, surveyResults } from "../results";
import { latestSnapshot, type Publication, type Snapshot } from "../snapshots";
import { breakdownGrid, pairWeighting, profileWeighting, questionSide, type Weighting } from "./crosstab-weighting";
import { jointAnswers, masksFor } from "./joint";
import { withProfile } from "./joint-profile";
import { ageCells, shareOf, staffSurveyResults } from "./results";

/** What can be read across: a choice question's options, a rating's points or a number's published ranges. */
const tabulable = (q: Question | undefined): q is Question => q !== undefined && q.type !== "text";
/** What can be read down (the groups): a choice question's options or a rating's points. */
const grouping = (q: Question | undefined): q is Question => q?.type === "single" || q?.type === "multiple" || q?.type === "rating";

/**
 * A question's keys as published: its options (or points), or a number's ranges after disclosure control
 * merged the small ones (from the snapshot's "all" row, as disclosure.ts merges them).
 */
function keysOf(
  question: Question,
  all: Segment | undefined,
  snapshot: Snapshot | null,
  definition: SurveyDefinition,
  minCell: number,
): string[] {
  if (question.type !== "number") return all?.questions.find((x) => x.id === question.id)?.options.map((o) => o.key) ?? [];
  if (!snapshot) return [];
  return [...(mergeSmallRanges(countsFrom(snapshot.rows, definition), minCell).questions.find((q) => q.id === question.id)?.keys ?? [])];
}

/** The index of the published range a number answer is counted in (-1: none). */
function rangeIndex(question: Question, keys: readonly string[]): ((value: number) => number) | undefined {
  if (question.type !== "number") return undefined;
  const ranges = numberRanges(question);
  return (value) => {
    const { low } = rangeOf(ranges, value);
    return keys.findIndex((key) => {
      const range = rangeOfKey(key);
      return range !== null && range.low <= low && low <= range.high;
    });
  };
}

/** Disclosed pairs by survey, for its latest snapshot and K only (a new snapshot drops the older ones). */
const disclosedPairs = new WeakMap<
  Database,
  Map<string, { snapshot: string; minCell: number; pairs: Map<string, { counts: PairCounts; shown: PairShown }> }>
>();

export async function staffCrosstab(
  database: Database,
  user: StaffUser,
  surveyId: string,
  query: CrosstabQuery,
  publication: Publication,
): Promise<Crosstab> {
  const row = await database.db.selectFrom("surveys").selectAll().where("id", "=", surveyId).executeTakeFirst();
  if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  const definition = definitionOf(row);
  const question = definition.questions.find((q) => q.id === query.question);
  const byQuestion = query.by.startsWith("q:") ? definition.questions.find((q) => q.id === query.by.slice(2)) : null;
  if (!tabulable(question) || byQuestion === undefined || (byQuestion && (!grouping(byQuestion) || byQuestion.id === question.id)))
    throw new AppError("crosstab.invalid_pair", { question: query.question, by: query.by });
  const sampled = row.kind === "sampled";
  const shares = (cells: { key: string; count: number | null }[], answered: number | null, weighted?: (c: number) => WeightedShare) =>
    cells.map(({ key, count }, c) => ({ key, count, ...shareOf(count, answered, sampled), ...(weighted ? weighted(c) : {}) }));
  /** Weighting by age band, when asked for (not by age band itself): the snapshot's answers with their profiles. */
  const wantsWeights = query.weight === "age" && query.by !== "ageBand";
  const weighting = async (snapshot: Snapshot | null): Promise<Weighting | null> => {
    const joint = snapshot && (await withProfile(database, surveyId, await jointAnswers(database, surveyId, snapshot, definition)));
    if (!joint) return null;
    const cells = await ageCells(database, surveyId, row.wardCode, publication);
    return { joint, byAge: cells.bands, population: cells.population, minCell: publication.minCell, sampled };
  };
  const base = { surveyId, kind: row.kind, minCell: publication.minCell, question: question.id, by: query.by };

  if (!byQuestion) {
    // By a profile field: the breakdown as published with every other table of the survey.
    const by = query.by as Breakdown;
    const [groups, whole] = await Promise.all([
      staffSurveyResults(database, user, surveyId, { ...publication, breakdown: by }),
      staffSurveyResults(database, user, surveyId, publication),
    ]);
    const all = whole.segments.find((s) => s.segment === "all");
    const snapshot = question.type === "number" ? await latestSnapshot(database, surveyId, row, publication) : null;
    const keys = keysOf(question, all, snapshot, definition, publication.minCell);
    // A number's range is listed only where shown: a range a row does not list is hidden there.
    const w = wantsWeights ? await weighting(snapshot ?? (await latestSnapshot(database, surveyId, row, publication))) : null;
    const segments = groups.segments.filter((s) => s.segment !== "all");
    const weighted =
      w &&
      (await profileWeighting(
        { ...w, segments },
        by,
        segments.map((s) => s.segment),
        { id: question.id, ...questionSide(w, question.id, keys, question.type !== "multiple", rangeIndex(question, keys)) },
        breakdownGrid(segments, all, question.id, keys),
      ));
    const rowOf = (segment: (typeof groups.segments)[number], total: boolean, r: number): CrosstabRow => {
      const q = segment.questions.find((x) => x.id === question.id);
      const cells = keys.map((key) => ({ key, count: q?.options.find((o) => o.key === key)?.count ?? null }));
      const line = weighted ? (c: number) => weighted(r, c) : undefined;
      return { group: segment.segment, total, answered: q?.answered ?? null, cells: shares(cells, q?.answered ?? null, line) };
    };
    return {
      ...base,
      publishedAt: groups.publishedAt,
      keys,
      // The row of everyone is the grid's last (after "answered"); it is weighted from the one-way tables by age band.
      rows: [...segments.map((s, r) => rowOf(s, false, r)), ...(all ? [rowOf(all, true, -1)] : [])],
    };
  }

  // By another choice question: the pair in survey order, disclosed once per snapshot.
  const snapshot = await latestSnapshot(database, surveyId, row, publication);
  const oneWay = await surveyResults(database, surveyId, { ...publication, publicOnly: false, includeDrafts: true });
  const all = oneWay.segments.find((s) => s.segment === "all");
  const order = (q: Question) => definition.questions.indexOf(q);
  const [first, second] = order(byQuestion) < order(question) ? [byQuestion, question] : [question, byQuestion];
  const keysFor = (q: Question) => keysOf(q, all, snapshot, definition, publication.minCell);
  let pair: { counts: PairCounts; shown: PairShown } | null = null;
  if (snapshot && all) {
    const surveys = disclosedPairs.get(database) ?? new Map();
    disclosedPairs.set(database, surveys);
    let cache = surveys.get(surveyId);
    if (cache?.snapshot !== snapshot.id || cache.minCell !== publication.minCell) {
      cache = { snapshot: snapshot.id, minCell: publication.minCell, pairs: new Map() };
      surveys.set(surveyId, cache);
    }
    const cacheKey = `${first.id}:${second.id}`;
    pair = cache.pairs.get(cacheKey) ?? null;
    if (!pair) {
      const joint = await jointAnswers(database, surveyId, snapshot, definition);
      const rowsSide = { keys: keysFor(first), addsUp: first.type !== "multiple" };
      const columnsSide = { keys: keysFor(second), addsUp: second.type !== "multiple" };
      const a = masksFor(joint, first.id, rowsSide.keys, rangeIndex(first, rowsSide.keys));
      const b = masksFor(joint, second.id, columnsSide.keys, rangeIndex(second, columnsSide.keys));
      const counts = tabulate(rowsSide, columnsSide, {
        rowMasks: a.masks,
        rowAnswered: a.answered,
        columnMasks: b.masks,
        columnAnswered: b.answered,
      });
      const shown = disclosePair(
        counts,
        oneWayGrid(all, all.responses, first.id, second.id, rowsSide.keys, columnsSide.keys),
        publication.minCell,
      );
      pair = { counts, shown: consistent(counts, shown) ? shown : hideAll(shown) };
      cache.pairs.set(cacheKey, pair);
    }
  }
  const grid = pair ? (first === byQuestion ? pair.shown : transpose(pair.shown)) : null;
  const groups = keysFor(byQuestion);
  const keys = keysFor(question);
  const w = pair && wantsWeights ? await weighting(snapshot) : null;
  const side = (q: Question, keys: readonly string[]) => ({
    id: q.id,
    ...questionSide(w as Weighting, q.id, keys, q.type !== "multiple", rangeIndex(q, keys)),
  });
  const weighted =
    w && pair && (await pairWeighting(w, side(first, keysFor(first)), side(second, keysFor(second)), pair, first === byQuestion));
  const rowAt = (r: number, group: string, total: boolean): CrosstabRow => {
    const line = grid?.[r] ?? [];
    const answered = line[keys.length] ?? null;
    return {
      group,
      total,
      answered,
      cells: shares(
        keys.map((key, c) => ({ key, count: line[c] ?? null })),
        answered,
        weighted ? (c) => weighted(r, c) : undefined,
      ),
    };
  };
  return {
    ...base,
    publishedAt: snapshot?.madeAt ?? null,
    keys,
    rows: [...groups.map((g, r) => rowAt(r, g, false)), rowAt(groups.length, "_answered", true)],
  };
}

type Segment = Awaited<ReturnType<typeof surveyResults>>["segments"][number];

/** The one-way tables as published, as the pair grid's last row and column (null elsewhere and where hidden). */
function oneWayGrid(
  all: Segment,
  responses: number | null,
  rowsId: string,
  columnsId: string,
  rowKeys: readonly string[],
  columnKeys: readonly string[],
): PairShown {
  const line = (id: string, keys: readonly string[]) => {
    const q = all.questions.find((x) => x.id === id);
    return [...keys.map((key) => q?.options.find((o) => o.key === key)?.count ?? null), q?.answered ?? null, responses];
  };
  const rows = line(rowsId, rowKeys);
  const columns = line(columnsId, columnKeys);
  return rows.map((total, r) => (r === rows.length - 1 ? columns : [...new Array<number | null>(columnKeys.length + 1).fill(null), total]));
}

/**
 * Whether every shown one-way number is the one the published responses add up to. They always are,
 * unless a snapshot was made while this was read: then nothing of the cross-tab is shown (the next
 * reading is consistent again).
 */
function consistent(counts: PairCounts, shown: PairShown): boolean {
  const m = counts.rows.keys.length;
  const n = counts.columns.keys.length;
  const value = (r: number, c: number) => (counts.values[r] as number[])[c] as number;
  for (let r = 0; r < m + 2; r++) {
    const v = (shown[r] as (number | null)[])[n + 1];
    if (v !== null && v !== undefined && v !== value(r, n + 1)) return false;
  }
  for (let c = 0; c < n + 2; c++) {
    const v = (shown[m + 1] as (number | null)[])[c];
    if (v !== null && v !== undefined && v !== value(m + 1, c)) return false;
  }
  return true;
}

function hideAll(shown: PairShown): PairShown {
  const m = shown.length - 2;
  return shown.map((row, r) => row.map((v, c) => (r <= m && c <= row.length - 2 ? null : v)));
}
