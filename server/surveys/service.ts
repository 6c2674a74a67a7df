/**
 * Surveys for residents: which are open, one survey, sending a response exactly once, and results.
 * Knows nothing of HTTP. The rules a response must meet live in shared/surveys/answers.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import { answeredKey, type Breakdown, incrementsFor, responsesKey, segmentFor, suppress } from "../../shared/surveys/aggregates";
import { checkAnswers, type Receipt, type ResponseInput } from "../../shared/surveys/answers";
import { codeAlphabet, normalizeInvitationCode } from "../../shared/surveys/invitation-code";
import { estimatedMinutes, type Survey, SurveyDefinition, type SurveySummary } from "../../shared/surveys/model";
import type { SurveyResults } from "../../shared/surveys/results";
import type { SurveyRules } from "../config";
import type { Database } from "../db/database";
import { prepared } from "../db/prepared";
import type { DB, SurveyTable } from "../db/schema";
import type { Tally } from "../db/tally";
import { defineWrite } from "../db/write";
import { AppError } from "../http/errors";

type SurveyRow = Selectable<SurveyTable>;

/** Parsed definitions by survey id, for the version parsed: a derived cache, safe on every instance. */
const parsed = new Map<string, { version: number; definition: SurveyDefinition }>();
export function definitionOf(row: Pick<SurveyRow, "id" | "version" | "definition">): SurveyDefinition {
  const cached = parsed.get(row.id);
  if (cached && cached.version === row.version) return cached.definition;
  const definition = SurveyDefinition.parse(JSON.parse(row.definition));
  parsed.set(row.id, { version: row.version, definition });
  return definition;
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

/** A survey residents may see (open or closed; a draft is not public). */
export async function getSurvey({ db }: Database, id: string): Promise<Survey> {
  const row = await db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || row.status === "draft") throw new AppError("surveys.not_found", { survey: id });
  return toSurvey(row);
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function newReceiptCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => codeAlphabet[b & 31]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export interface Submission {
  surveyId: string;
  response: ResponseInput;
  /** The sender's network address, for the rate limit only; stored as a short-lived hash. */
  clientAddress: string;
  mode?: "online" | "paper";
  now?: Date;
}

export interface SubmitResult {
  receipt: Receipt;
  /** false when the id had been received before and nothing was counted again */
  created: boolean;
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

/**
 * Stores a response and its answers, uses up its invitation code or marks its device, and adds it
 * to the survey's counts — all in one transaction, so either everything happens or nothing does.
 * A repeat of a response id already stored answers the first receipt and counts nothing.
 */
export async function submitResponse(database: Database, rules: SurveyRules, submission: Submission): Promise<SubmitResult> {
  const limited = rules.rateLimitPerMinute > 0 && (submission.mode ?? "online") === "online";
  // A repeat of a stored response (a lost receipt, a second tab) is not a new attempt: it only gets its receipt.
  if (limited && !(await database.db.selectFrom("responses").select("id").where("id", "=", submission.response.id).executeTakeFirst())) {
    // Its own write, so every other attempt counts — refused ones (a wrong code, invalid answers) included.
    const count = await database.write(countAttempt, { address: submission.clientAddress, now: submission.now ?? new Date() });
    if (count > rules.rateLimitPerMinute) throw new AppError("rate.limited", { limitPerMinute: rules.rateLimitPerMinute });
  }
  const input = { rules, submission };
  try {
    return await database.write(storeResponseWrite, input);
  } catch (error) {
    // Two copies of one response racing on PostgreSQL: the loser's insert collides; the winner's receipt answers it.
    if (isUniqueViolation(error)) return database.write(storeResponseWrite, input);
    throw error;
  }
}

const storeResponseWrite = defineWrite("surveys.storeResponse", (trx, tally, input: { rules: SurveyRules; submission: Submission }) =>
  storeResponse(trx, tally, input.rules, input.submission),
);

// The statements of storing a response, compiled once (see db/prepared.ts).
type SurveyState = Pick<SurveyRow, "id" | "wardCode" | "kind" | "status" | "opensAt" | "closesAt" | "version">;
const surveyState = prepared((db: Kysely<DB>, id: string) =>
  db.selectFrom("surveys").select(["id", "wardCode", "kind", "status", "opensAt", "closesAt", "version"]).where("id", "=", id),
);
const claimResponse = prepared(
  (
    db: Kysely<DB>,
    id: string,
    surveyId: string,
    receiptCode: string,
    mode: string,
    receivedAt: string,
    ageBand: string | null,
    areaId: string | null,
    childrenUnder6: string | null,
    yearsInWard: string | null,
  ) =>
    db
      .insertInto("responses")
      .values({ id, surveyId, receiptCode, mode: mode as "online", receivedAt, ageBand, areaId, childrenUnder6, yearsInWard })
      .onConflict((oc) => oc.column("id").doNothing()),
);
const markDevice = prepared((db: Kysely<DB>, surveyId: string, deviceHash: string) =>
  db
    .insertInto("pollDevices")
    .values({ surveyId, deviceHash })
    .onConflict((oc) => oc.doNothing()),
);
/** Arguments: response id, question id and value, for each answer in turn. */
const insertAnswers = prepared((db: Kysely<DB>, ...values: string[]) => {
  const rows = [];
  for (let i = 0; i < values.length; i += 3)
    rows.push({ responseId: values[i] as string, questionId: values[i + 1] as string, value: values[i + 2] as string });
  return db.insertInto("answers").values(rows);
});

export async function storeResponse(trx: Transaction<DB>, tally: Tally, rules: SurveyRules, submission: Submission): Promise<SubmitResult> {
  const { surveyId, response } = submission;
  const now = submission.now ?? new Date();
  const mode = submission.mode ?? "online";

  // The survey's state, without its (large) definition: that is parsed once per version and cached.
  const survey = (await surveyState(trx, "one", surveyId)).rows[0] as SurveyState | undefined;
  if (!survey || survey.status === "draft") throw new AppError("surveys.not_found", { survey: surveyId });

  // Claim the id first. A repeat (a retry, a second tab) finds it taken and gets the first receipt
  // before any other check — even after the survey closed, or with the code this very response used.
  const receivedAt = now.toISOString();
  const receiptCode = newReceiptCode();
  const claimed = await claimResponse(
    trx,
    "one",
    response.id,
    surveyId,
    receiptCode,
    mode,
    receivedAt,
    response.profile.ageBand ?? null,
    response.profile.area ?? null,
    response.profile.childrenUnder6 ?? null,
    response.profile.yearsInWard ?? null,
  );
  if (Number(claimed.numAffectedRows ?? 0n) !== 1) {
    const earlier = await trx
      .selectFrom("responses")
      .select(["surveyId", "receiptCode", "receivedAt"])
      .where("id", "=", response.id)
      .executeTakeFirst();
    if (!earlier || earlier.surveyId !== surveyId) throw new AppError("responses.conflict", { response: response.id });
    return {
      receipt: { responseId: response.id, receiptCode: earlier.receiptCode, receivedAt: earlier.receivedAt, duplicate: true },
      created: false,
    };
  }
  // From here on every refusal throws, and the transaction (or the write's savepoint) undoes the claim.

  const open = acceptance(survey, now);
  if (open !== "open") throw new AppError(open === "closed" ? "surveys.closed" : "surveys.not_open", { survey: surveyId });

  const definition = await cachedDefinition(trx, survey);
  const areas = response.profile.area
    ? (
        await trx
          .selectFrom("areas")
          .select("id")
          .where("id", "=", response.profile.area)
          .where("wardCode", "=", survey.wardCode ?? response.profile.area.slice(0, 5))
          .execute()
      ).map((a) => a.id)
    : undefined;
  const issues = checkAnswers(definition, response.answers, response.profile, areas);
  if (issues.length > 0) throw new AppError("responses.invalid", { issues });

  if (survey.kind === "sampled" && mode === "online") {
    if (!response.invitationCode) throw new AppError("invitations.required", { survey: surveyId });
    const code = normalizeInvitationCode(response.invitationCode);
    if (!code) throw new AppError("invitations.invalid", { survey: surveyId });
    const codeHash = sha256(code);
    const used = await trx
      .updateTable("invitationCodes")
      .set({ usedAt: receivedAt })
      .where("codeHash", "=", codeHash)
      .where("surveyId", "=", surveyId)
      .where("usedAt", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) {
      const known = await trx
        .selectFrom("invitationCodes")
        .select("usedAt")
        .where("codeHash", "=", codeHash)
        .where("surveyId", "=", surveyId)
        .executeTakeFirst();
      throw new AppError(known ? "invitations.used" : "invitations.invalid", { survey: surveyId });
    }
  }

  if (survey.kind === "poll" && rules.pollOnePerDevice && mode === "online") {
    if (!response.deviceId) throw new AppError("request.invalid", { reason: "a poll response needs the device id (deviceId)" });
    const marked = await markDevice(trx, "one", surveyId, sha256(`${surveyId}:${response.deviceId}`));
    if (Number(marked.numAffectedRows ?? 0n) !== 1) throw new AppError("polls.already_answered", { survey: surveyId });
  }

  const answerValues = Object.entries(response.answers).flatMap(([questionId, value]) => [response.id, questionId, JSON.stringify(value)]);
  if (answerValues.length > 0) await insertAnswers(trx, `rows:${answerValues.length / 3}`, ...answerValues);
  for (const increment of incrementsFor(definition, response.answers, response.profile, mode)) tally.add({ surveyId, ...increment });
  return { receipt: { responseId: response.id, receiptCode, receivedAt, duplicate: false }, created: true };
}

async function cachedDefinition(trx: Transaction<DB>, survey: Pick<SurveyRow, "id" | "version">): Promise<SurveyDefinition> {
  const cached = parsed.get(survey.id);
  if (cached && cached.version === survey.version) return cached.definition;
  const row = await trx.selectFrom("surveys").select(["id", "version", "definition"]).where("id", "=", survey.id).executeTakeFirstOrThrow();
  return definitionOf(row);
}

/** Adds one to this address's count for the current minute and says how many it has sent this minute. */
const countAttempt = defineWrite("surveys.countAttempt", async (trx, _tally, { address, now }: { address: string; now: Date }) => {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const key = `${sha256(`rate:${address}`).slice(0, 32)}:${minute}`;
  const row = await trx
    .insertInto("rateLimits")
    .values({ key, windowStart: minute, count: 1 })
    .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ count: eb("rateLimits.count", "+", 1) })))
    .returning("count")
    .executeTakeFirstOrThrow();
  if (row.count === 1) {
    // A new minute began: forget the counters of the past hour's minutes.
    await trx
      .deleteFrom("rateLimits")
      .where("windowStart", "<", new Date(now.getTime() - 3_600_000).toISOString())
      .execute();
  }
  return Number(row.count);
});

/**
 * A survey's results from its running counts, with small cells hidden. By default for everyone
 * (only polls whose results the ward made public); staff see any survey of their ward.
 */
export async function surveyResults(
  database: Database,
  surveyId: string,
  options: { breakdown?: Breakdown | undefined; minCell: number; publicOnly: boolean },
): Promise<SurveyResults> {
  const row = await database.db.selectFrom("surveys").selectAll().where("id", "=", surveyId).executeTakeFirst();
  if (!row || row.status === "draft") throw new AppError("surveys.not_found", { survey: surveyId });
  if (options.publicOnly && !(row.kind === "poll" && row.resultsPublic === 1))
    throw new AppError("results.not_public", { survey: surveyId });
  const definition = definitionOf(row);

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
