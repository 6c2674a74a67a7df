/**
 * Per-respondent answers for cross-tabs (issue 16): the running counts keep one question at a time, so
 * crossing two questions reads the responses themselves — only those the latest snapshot took in
 * (`published`), so a cross-tab changes with the published results and never by one response. Each is
 * kept, per snapshot and in memory, as one number per question and respondent (bit i: key i; a number
 * question's value) and an "answered" flag: about 5 bytes per answer (13 for a number), so a survey of 100 k responses is read once per snapshot
 * and every cross-tab after it is one pass over two arrays. The profile is read the same way when a weighted
 * cross-tab first asks for it (joint-profile.ts).
 */
import { sql } from "kysely";
import { answeredKey, type Breakdown, countsOf } from "../../../shared/surveys/aggregates";
import type { RecordedAnswers } from "../../../shared/surveys/answers";
import type { SurveyDefinition } from "../../../shared/surveys/model";
import type { Database } from "../../platform/db/database";

/** One question's answers, respondent by respondent. */
export interface JointQuestion {
  /** The keys met so far, in bit order. */
  bits: Map<string, number>;
  masks: Uint32Array;
  answered: Uint8Array;
  /** A number question's values as counted (rounded; NaN: none), put in ranges when crossed (masksFor). */
  values?: Float64Array;
}

export interface JointAnswers {
  snapshotId: string;
  respondents: number;
  questions: Map<string, JointQuestion>;
  /** Each respondent's row, as keyHash of its key: a later read of the same rows (joint-profile.ts) checks it reads them in this order. */
  rowKeys: Uint32Array;
}

/** Where a profile field's segments ("age:30s", "mode:paper") are kept among the questions. */
export const profileId = (breakdown: Breakdown) => `profile:${breakdown}`;

/** Published responses read per page: a bounded amount of JSON in memory at once. */
const pageSize = 2000;

/** By survey: its latest snapshot's answers, or the read of them under way (one read, however many ask at once). */
const cache = new WeakMap<Database, Map<string, { snapshotId: string; joint: Promise<JointAnswers> }>>();

/** The published answers of a survey's choice questions, for its latest snapshot (read once, then kept until the next). */
export function jointAnswers(
  database: Database,
  surveyId: string,
  snapshot: { id: string; responses: number },
  definition: SurveyDefinition,
): Promise<JointAnswers> {
  const snapshotId = snapshot.id;
  const surveys = cache.get(database) ?? new Map<string, { snapshotId: string; joint: Promise<JointAnswers> }>();
  cache.set(database, surveys);
  const cached = surveys.get(surveyId);
  if (cached?.snapshotId === snapshotId) return cached.joint;
  const joint = readJoint(database, surveyId, snapshot, definition);
  surveys.set(surveyId, { snapshotId, joint });
  // A failed read is not kept: the next request tries again.
  joint.catch(() => {
    if (surveys.get(surveyId)?.joint === joint) surveys.delete(surveyId);
  });
  return joint;
}

/** Reads the snapshot's responses: as many as it counts (those it published). */
async function readJoint(
  database: Database,
  surveyId: string,
  snapshot: { id: string; responses: number },
  definition: SurveyDefinition,
): Promise<JointAnswers> {
  const respondents = snapshot.responses;
  // Every choice question at once: the next cross-tab of this snapshot reads nothing.
  const wanted = definition.questions.filter((q) => q.type !== "text");
  const emptyQuestion = (id: string, number: boolean): [string, JointQuestion] => [
    id,
    {
      bits: new Map(),
      masks: new Uint32Array(respondents),
      answered: new Uint8Array(respondents),
      ...(number ? { values: new Float64Array(respondents).fill(Number.NaN) } : {}),
    },
  ];
  const questions = new Map<string, JointQuestion>(wanted.map((q) => emptyQuestion(q.id, q.type === "number")));
  const rowKeys = new Uint32Array(respondents);
  const remember = (question: JointQuestion, key: string, at: number) => {
    let bit = question.bits.get(key);
    if (bit === undefined) {
      bit = question.bits.size;
      if (bit >= 32) return;
      question.bits.set(key, bit);
    }
    question.masks[at] = ((question.masks[at] as number) | (1 << bit)) >>> 0;
  };
  const read = await forEachPublished(database, surveyId, "answers", respondents, (response, i) => {
    // The same keys the running counts take (aggregates.ts), so the cross-tab's margins are the one-way tables.
    const { pairs } = countsOf(definition, JSON.parse(response.value) as RecordedAnswers, {}, "online");
    for (const pair of pairs) {
      const cut = pair.indexOf("\u0000");
      const [questionId, key] = [pair.slice(0, cut), pair.slice(cut + 1)];
      const question = questions.get(questionId);
      if (!question) continue;
      if (key === answeredKey) {
        (question.answered as Uint8Array)[i] = 1;
        continue;
      }
      // A number's value (its other keys, 無回答, go to the bits as any key does).
      if (question.values && Number.isFinite(Number(key))) {
        question.values[i] = Number(key);
        continue;
      }
      remember(question, key, i);
    }
    rowKeys[i] = keyHash(response.key);
  });
  return { snapshotId: snapshot.id, respondents: read, questions, rowKeys: rowKeys.subarray(0, read) };
}

/**
 * Visits a survey's published responses in order, page by page, the i-th as i, at most `respondents`
 * of them (a snapshot made meanwhile publishes more: those are left out), letting other requests in
 * between pages (SQLite reads on this thread). Answers how many it visited; `visit` answering false stops it.
 */
export async function forEachPublished(
  database: Database,
  surveyId: string,
  column: "answers" | "profile",
  respondents: number,
  visit: (row: { key: string | number; value: string }, i: number) => boolean | undefined,
): Promise<number> {
  let at = 0;
  let after: string | number = database.dialect === "sqlite" ? 0 : "";
  for (;;) {
    const page = await publishedPage(database, surveyId, after, column);
    for (const row of page) {
      if (at >= respondents) return at;
      if (visit(row, at) === false) return at;
      at += 1;
    }
    if (page.length < pageSize || at >= respondents) return at;
    after = (page[page.length - 1] as { key: string | number }).key;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The unit separator that ends each profile field in a page's "profile" column. */
const unit = sql.lit("\x1f");

/**
 * A page of a survey's published responses, after the last one read: their answers, or their profile as
 * one string (its fields in breakdowns' order, each ending in \x1f). SQLite pages by rowid, which its
 * index on survey_id keeps in order (by id it would sort the survey's responses for every page); PostgreSQL
 * by id, in its primary key's order.
 */
function publishedPage(
  database: Database,
  surveyId: string,
  after: string | number,
  column: "answers" | "profile",
): Promise<{ key: string | number; value: string }[]> {
  const published = database.db
    .selectFrom("responses")
    .where("surveyId", "=", surveyId)
    .where("published", "=", 1)
    .select(
      column === "answers"
        ? sql<string>`answers`.as("value")
        : sql<string>`coalesce(age_band, '') || ${unit} || coalesce(area_id, '') || ${unit} || coalesce(children_under6, '') || ${unit} || coalesce(years_in_ward, '') || ${unit} || mode || ${unit}`.as(
            "value",
          ),
    );
  if (database.dialect === "sqlite")
    return published
      .select(sql<string | number>`rowid`.as("key"))
      .where(sql<number>`rowid`, ">", after as number)
      .orderBy(sql`rowid`)
      .limit(pageSize)
      .execute();
  return published
    .select("id as key")
    .where("id", ">", after as string)
    .orderBy("id")
    .limit(pageSize)
    .execute();
}

/** A row's key as 32 bits: its rowid (SQLite) or a hash of its id (PostgreSQL, FNV-1a). */
export function keyHash(key: string | number): number {
  if (typeof key === "number") return key >>> 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A question's answers as masks over the given keys (in their order); a number question's values by
 * `keyOf`, the index of the (merged) range a value is published in.
 */
export function masksFor(
  joint: JointAnswers,
  questionId: string,
  keys: readonly string[],
  keyOf?: (value: number) => number,
): { masks: Uint32Array; answered: Uint8Array } {
  const question = joint.questions.get(questionId);
  const masks = new Uint32Array(joint.respondents);
  if (!question) return { masks, answered: new Uint8Array(joint.respondents) };
  // From the order keys were met in to the order asked for.
  const move = [...question.bits].map(([key, bit]) => [bit, keys.indexOf(key)] as const).filter(([, to]) => to >= 0);
  for (let i = 0; i < joint.respondents; i++) {
    const mask = question.masks[i] as number;
    let out = 0;
    if (mask !== 0) for (const [from, to] of move) if ((mask >>> from) & 1) out |= 1 << to;
    const value = question.values?.[i];
    const index = value === undefined || Number.isNaN(value) || !keyOf ? -1 : keyOf(value);
    if (index >= 0) out |= 1 << index;
    masks[i] = out >>> 0;
  }
  return { masks, answered: question.answered.subarray(0, joint.respondents) };
}
