/**
 * Surveys for residents: which are open, one survey, sending a response exactly once, and results.
 * Knows nothing of HTTP. The rules a response must meet live in shared/surveys/answers.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { ErrorCode } from "../../shared/errors/catalog";
import { answeredKey, type Breakdown, countsOf, responsesKey, segmentFor, suppress } from "../../shared/surveys/aggregates";
import { type Answers, checkAnswers, type Receipt, type ResponseInput } from "../../shared/surveys/answers";
import { codeAlphabet, normalizeInvitationCode } from "../../shared/surveys/invitation-code";
import { estimatedMinutes, type Profile, type Survey, SurveyDefinition, type SurveySummary } from "../../shared/surveys/model";
import type { SurveyResults } from "../../shared/surveys/results";
import type { SurveyRules } from "../config";
import type { Database } from "../platform/db/database";
import { prepared } from "../platform/db/prepared";
import type { DB, ResponseTable, SurveyTable } from "../platform/db/schema";
import { type JoinedCounts, joinCounts, Tally } from "../platform/db/tally";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/http/errors";
import { countAttempt } from "../platform/rate-limit";

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

// Random bytes for receipt codes, drawn from a pool: one call into the system's generator per 512 codes.
let pool = Buffer.alloc(0);
let poolOffset = 0;
export function newReceiptCode(): string {
  if (poolOffset + 8 > pool.length) {
    pool = randomBytes(8 * 512);
    poolOffset = 0;
  }
  let chars = "";
  for (let i = 0; i < 8; i++) chars += codeAlphabet[(pool[poolOffset + i] as number) & 31];
  poolOffset += 8;
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export interface Submission {
  surveyId: string;
  response: ResponseInput;
  /** The sender's network address, for the rate limit only; stored as a short-lived hash. */
  clientAddress: string;
  mode?: "online" | "paper";
  now?: Date;
  /** A paper answer typed in by staff: who entered it; its letter's code is then used up as online. */
  enteredBy?: string;
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

/** Raised by the writer when the survey's questions changed after the answers were checked against them. */
class DefinitionChanged extends Error {
  override name = "DefinitionChanged";
}

/**
 * Stores a response and its answers, uses up its invitation code or marks its device, and adds it
 * to the survey's counts — all in one transaction, so either everything happens or nothing does.
 * A repeat of a response id already stored answers the first receipt and counts nothing.
 *
 * The work that needs no lock (checking the answers, working out the counts, hashing) is done
 * here, before the write; the write itself (storeResponse) only checks the survey's state, claims
 * the id and stores what was prepared.
 */
export async function submitResponse(database: Database, rules: SurveyRules, submission: Submission): Promise<SubmitResult> {
  const limited = rules.rateLimitPerMinute > 0 && (submission.mode ?? "online") === "online";
  // A repeat of a stored response (a lost receipt, a second tab) is not a new attempt: it only gets its receipt.
  if (limited && !(await database.db.selectFrom("responses").select("id").where("id", "=", submission.response.id).executeTakeFirst())) {
    // Its own write, so every other attempt counts — refused ones (a wrong code, invalid answers) included.
    const count = await database.write(countAttempt, {
      scope: "responses",
      address: submission.clientAddress,
      now: submission.now ?? new Date(),
    });
    if (count > rules.rateLimitPerMinute) throw new AppError("rate.limited", { limitPerMinute: rules.rateLimitPerMinute });
  }
  for (let attempt = 1; ; attempt++) {
    const survey = await answerable(database, submission.surveyId);
    const area = submission.response.profile.area;
    const areaIds = area ? (await areasOf(database, survey.wardCode ?? area.slice(0, 5))).filter((id) => id === area) : undefined;
    const prepared = prepareResponse(rules, survey, areaIds, submission);
    try {
      return await database.write(storeResponseWrite, prepared);
    } catch (error) {
      // The questions changed between the check and the write: check again against the new ones.
      if ((error as Error).name === "DefinitionChanged" && attempt < 3) {
        answerableCache.get(database)?.delete(submission.surveyId);
        continue;
      }
      // Two copies of one response racing on PostgreSQL: the loser's insert collides; the winner's receipt answers it.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * What checking answers needs of a survey, kept in memory per database. A published survey's kind
 * and ward never change; its state and version may, and the write checks both (a stale version
 * sends the answers back to be checked again). Drafts are not kept, so a survey is answerable the
 * moment it is published.
 */
interface Answerable {
  id: string;
  wardCode: string | null;
  kind: "poll" | "sampled";
  version: number;
  definition: SurveyDefinition;
}
const answerableCache = new WeakMap<Database, Map<string, Answerable>>();

async function answerable(database: Database, surveyId: string): Promise<Answerable> {
  const cache = answerableCache.get(database) ?? new Map<string, Answerable>();
  answerableCache.set(database, cache);
  const cached = cache.get(surveyId);
  if (cached) return cached;
  const row = await database.db
    .selectFrom("surveys")
    .select(["id", "wardCode", "kind", "status", "version", "definition"])
    .where("id", "=", surveyId)
    .executeTakeFirst();
  if (!row || row.status === "draft") throw new AppError("surveys.not_found", { survey: surveyId });
  const survey = { id: row.id, wardCode: row.wardCode, kind: row.kind, version: row.version, definition: definitionOf(row) };
  cache.set(surveyId, survey);
  return survey;
}

/** A ward's 地域 ids, kept for a minute per database: they change rarely, and only by staff. */
const areaCache = new WeakMap<Database, Map<string, { ids: string[]; until: number }>>();
async function areasOf(database: Database, wardCode: string): Promise<string[]> {
  const cache = areaCache.get(database) ?? new Map<string, { ids: string[]; until: number }>();
  areaCache.set(database, cache);
  const cached = cache.get(wardCode);
  if (cached && cached.until > Date.now()) return cached.ids;
  const ids = (await database.db.selectFrom("areas").select("id").where("wardCode", "=", wardCode).execute()).map((a) => a.id);
  cache.set(wardCode, { ids, until: Date.now() + 60_000 });
  return ids;
}

/** A response ready to store: checked, hashed and counted beforehand, so the write does only what needs the lock. */
export interface PreparedResponse {
  surveyId: string;
  /** The survey version whose questions the answers were checked against. */
  version: number;
  responseId: string;
  receiptCode: string;
  mode: "online" | "paper";
  receivedAt: string;
  ageBand: string | null;
  areaId: string | null;
  childrenUnder6: string | null;
  yearsInWard: string | null;
  /** The answers as stored (JSON). */
  answers: string;
  enteredBy: string | null;
  /** Why the response must be refused, if it is not a repeat of one already stored. */
  refusal: { code: ErrorCode; details: unknown } | null;
  /** The hash of the invitation code to use up (sampled surveys, online). */
  codeHash: string | null;
  /** The hash of (survey, device) to mark (polls, online, one per device). */
  deviceHash: string | null;
  /** The counts it adds (see countsOf), or null when it is refused. */
  counts: JoinedCounts | null;
}

/** Checks a submission against a survey's questions and works out what storing it will write. Pure. */
export function prepareResponse(
  rules: SurveyRules,
  survey: { id: string; kind: "poll" | "sampled"; version: number; definition: SurveyDefinition },
  areaIds: string[] | undefined,
  submission: Submission,
): PreparedResponse {
  const { response } = submission;
  const mode = submission.mode ?? "online";
  let refusal: PreparedResponse["refusal"] = null;
  let codeHash: string | null = null;
  let deviceHash: string | null = null;
  const issues = checkAnswers(survey.definition, response.answers, response.profile, areaIds);
  if (issues.length > 0) refusal = { code: "responses.invalid", details: { issues } };
  else if (survey.kind === "sampled" && (mode === "online" || submission.enteredBy)) {
    const code = response.invitationCode ? normalizeInvitationCode(response.invitationCode) : null;
    if (!response.invitationCode) refusal = { code: "invitations.required", details: { survey: survey.id } };
    else if (!code) refusal = { code: "invitations.invalid", details: { survey: survey.id } };
    else codeHash = sha256(code);
  } else if (survey.kind === "poll" && rules.pollOnePerDevice && mode === "online") {
    if (!response.deviceId) refusal = { code: "request.invalid", details: { reason: "a poll response needs the device id (deviceId)" } };
    else deviceHash = sha256(`${survey.id}:${response.deviceId}`);
  }
  return {
    surveyId: survey.id,
    version: survey.version,
    responseId: response.id,
    receiptCode: newReceiptCode(),
    mode,
    receivedAt: (submission.now ?? new Date()).toISOString(),
    ageBand: response.profile.ageBand ?? null,
    areaId: response.profile.area ?? null,
    childrenUnder6: response.profile.childrenUnder6 ?? null,
    yearsInWard: response.profile.yearsInWard ?? null,
    answers: JSON.stringify(response.answers),
    enteredBy: submission.enteredBy ?? null,
    refusal,
    codeHash,
    deviceHash,
    counts: refusal ? null : joinCounts(countsOf(survey.definition, response.answers, response.profile, mode)),
  };
}

// The statements of storing a response, compiled once (see db/prepared.ts).
type SurveyState = Pick<SurveyRow, "id" | "kind" | "status" | "opensAt" | "closesAt" | "version">;
const surveyState = prepared((db: Kysely<DB>, id: string) =>
  db.selectFrom("surveys").select(["id", "kind", "status", "opensAt", "closesAt", "version"]).where("id", "=", id),
);
const claimResponse = prepared((db: Kysely<DB>, ...values: string[]) => {
  const [id, surveyId, receiptCode, mode, receivedAt, ageBand, areaId, childrenUnder6, yearsInWard, answers, enteredBy] = values as [
    string,
    string,
    string,
    "online",
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return db
    .insertInto("responses")
    .values({ id, surveyId, receiptCode, mode, receivedAt, ageBand, areaId, childrenUnder6, yearsInWard, answers, enteredBy })
    .onConflict((oc) => oc.column("id").doNothing());
});
const earlierReceipt = prepared((db: Kysely<DB>, id: string) =>
  db.selectFrom("responses").select(["surveyId", "receiptCode", "receivedAt"]).where("id", "=", id),
);
const spendCode = prepared((db: Kysely<DB>, usedAt: string, codeHash: string, surveyId: string) =>
  db
    .updateTable("invitationCodes")
    .set({ usedAt })
    .where("codeHash", "=", codeHash)
    .where("surveyId", "=", surveyId)
    .where("usedAt", "is", null),
);
const markDevice = prepared((db: Kysely<DB>, surveyId: string, deviceHash: string) =>
  db
    .insertInto("pollDevices")
    .values({ surveyId, deviceHash })
    .onConflict((oc) => oc.doNothing()),
);

/** The write: the survey's state, the id's claim, the code or device, the counts. See submitResponse. */
export async function storeResponse(trx: Transaction<DB>, tally: Tally, response: PreparedResponse): Promise<SubmitResult> {
  const { surveyId, responseId } = response;
  const survey = (await surveyState(trx, "one", surveyId)).rows[0] as SurveyState | undefined;
  if (!survey || survey.status === "draft") throw new AppError("surveys.not_found", { survey: surveyId });

  // Claim the id first. A repeat (a retry, a second tab) finds it taken and gets the first receipt
  // before any other check — even after the survey closed, or with the code this very response used.
  // Null profile fields are passed as null: the prepared statement takes them as values.
  const claimed = await claimResponse(
    trx,
    "one",
    responseId,
    surveyId,
    response.receiptCode,
    response.mode,
    response.receivedAt,
    response.ageBand as string,
    response.areaId as string,
    response.childrenUnder6 as string,
    response.yearsInWard as string,
    response.answers,
    response.enteredBy as string,
  );
  if (Number(claimed.numAffectedRows ?? 0n) !== 1) {
    const earlier = (await earlierReceipt(trx, "one", responseId)).rows[0] as
      | { surveyId: string; receiptCode: string; receivedAt: string }
      | undefined;
    if (!earlier || earlier.surveyId !== surveyId) throw new AppError("responses.conflict", { response: responseId });
    return { receipt: { responseId, receiptCode: earlier.receiptCode, receivedAt: earlier.receivedAt, duplicate: true }, created: false };
  }
  // From here on every refusal throws, and the transaction (or the write's savepoint) undoes the claim.

  const open = acceptance(survey, new Date(response.receivedAt));
  if (open !== "open") throw new AppError(open === "closed" ? "surveys.closed" : "surveys.not_open", { survey: surveyId });
  if (survey.version !== response.version) throw new DefinitionChanged(`survey ${surveyId} is now version ${survey.version}`);
  if (response.refusal) throw new AppError(response.refusal.code, response.refusal.details);

  if (response.codeHash) {
    const used = await spendCode(trx, "one", response.receivedAt, response.codeHash, surveyId);
    if (Number(used.numAffectedRows ?? 0n) !== 1) {
      const known = await trx
        .selectFrom("invitationCodes")
        .select("usedAt")
        .where("codeHash", "=", response.codeHash)
        .where("surveyId", "=", surveyId)
        .executeTakeFirst();
      throw new AppError(known ? "invitations.used" : "invitations.invalid", { survey: surveyId });
    }
  }
  if (response.deviceHash) {
    const marked = await markDevice(trx, "one", surveyId, response.deviceHash);
    if (Number(marked.numAffectedRows ?? 0n) !== 1) throw new AppError("polls.already_answered", { survey: surveyId });
  }

  if (response.counts) tally.addResponse(surveyId, response.counts);
  return { receipt: { responseId, receiptCode: response.receiptCode, receivedAt: response.receivedAt, duplicate: false }, created: true };
}

const storeResponseWrite = defineWrite("surveys.storeResponse", (trx, tally, response: PreparedResponse) =>
  storeResponse(trx, tally, response),
);

/** A stored response's profile, as the respondent gave it (fields left out stay out). */
export function profileOf(row: Pick<Selectable<ResponseTable>, "ageBand" | "areaId" | "childrenUnder6" | "yearsInWard">): Profile {
  return {
    ...(row.ageBand ? { ageBand: row.ageBand } : {}),
    ...(row.areaId ? { area: row.areaId } : {}),
    ...(row.childrenUnder6 ? { childrenUnder6: row.childrenUnder6 } : {}),
    ...(row.yearsInWard ? { yearsInWard: row.yearsInWard } : {}),
  } as Profile;
}

/**
 * Works out every survey's counts again from the stored responses and replaces survey_aggregates
 * with them. The SQLite writer thread runs it after an unclean stop (db/group-commit.ts).
 */
export async function recountSurveyAggregates(trx: Transaction<DB>): Promise<number> {
  await trx.deleteFrom("surveyAggregates").execute();
  // Its own tally, written here: these counts replace the table, they are not added to a write's.
  const tally = new Tally();
  const definitions = new Map<string, SurveyDefinition>();
  for (const row of await trx.selectFrom("surveys").select(["id", "version", "definition"]).execute())
    definitions.set(row.id, definitionOf(row));
  let counted = 0;
  let after = "";
  for (;;) {
    const page = await trx
      .selectFrom("responses")
      .select(["id", "surveyId", "mode", "ageBand", "areaId", "childrenUnder6", "yearsInWard", "answers"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(5000)
      .execute();
    for (const response of page) {
      const definition = definitions.get(response.surveyId);
      if (!definition) continue;
      tally.addResponse(
        response.surveyId,
        joinCounts(countsOf(definition, JSON.parse(response.answers) as Answers, profileOf(response), response.mode)),
      );
      counted += 1;
    }
    if (page.length < 5000) break;
    after = (page.at(-1) as { id: string }).id;
  }
  await tally.writeTo(trx);
  return counted;
}

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
