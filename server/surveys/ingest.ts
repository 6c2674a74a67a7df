/**
 * Sending a response exactly once: the rate limit, the survey as last seen, the write that stores
 * a prepared response (prepare.ts) with its code or device and its counts, and the retries when
 * the survey changed meanwhile or two copies of one response raced.
 */
import { timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { SendAnswer } from "../../shared/surveys/answers";
import type { SurveyDefinition } from "../../shared/surveys/model";
import type { SurveyRules } from "../config";
import type { Database } from "../platform/db/database";
import { prepared } from "../platform/db/prepared";
import type { DB } from "../platform/db/schema";
import { AppError } from "../platform/errors";
import { countAttempt, dayMs } from "../platform/rate-limit";
import { defineCountingWrite } from "./counts";
import { responseKey } from "./keys";
import { type PreparedResponse, prepareResponse, type Submission, submissionHashOf } from "./prepare";
import { acceptance, definitionOf, type SurveyRow } from "./read";
import type { Tally } from "./tally";

export interface SubmitResult {
  /** The receipt, or for a repeat that did not prove it came from the sender of the original only "already received". */
  receipt: SendAnswer;
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
 * A repeat of a response id already stored counts nothing: it gets the first receipt only when it
 * shows the secret the original was sent with (or is its own author's paper entry); otherwise only
 * "already received", with no receipt code and no time.
 *
 * The work that needs no lock (checking the answers, working out the counts, hashing) is done
 * here, before the write; the write itself (storeResponse) only checks the survey's state, claims
 * the id and stores what was prepared.
 */
export async function submitResponse(database: Database, rules: SurveyRules, submission: Submission): Promise<SubmitResult> {
  const key = await responseKey(database);
  const online = (submission.mode ?? "online") === "online";
  const limited = rules.rateLimitPerMinute > 0 && online;
  const capped = rules.pollAnswersPerAddress > 0 && online && (await answerable(database, submission.surveyId)).kind === "poll";
  // A repeat of a stored response (a lost receipt, a second tab) is not a new attempt: it only gets its receipt.
  if (
    (limited || capped) &&
    !(await database.db
      .selectFrom("responses")
      .select("id")
      .where("submissionHash", "=", submissionHashOf(key, submission.response.id))
      .executeTakeFirst())
  ) {
    // Its own write, so every other attempt counts — refused ones (a wrong code, invalid answers) included.
    const attempt = { address: submission.clientAddress, now: submission.now ?? new Date(), once: submission.response.id };
    if (limited && countAttempt(database, { ...attempt, scope: "responses" }) > rules.rateLimitPerMinute)
      throw new AppError("rate.limited", { limitPerMinute: rules.rateLimitPerMinute });
    // A poll takes at most POLL_ANSWERS_PER_ADDRESS answers a day from one address, whatever device ids it sends
    // (finding 8: 25 fresh device ids from one client were all counted). A household may share an address.
    if (
      capped &&
      countAttempt(database, { ...attempt, scope: `poll:${submission.surveyId}`, windowMs: dayMs }) > rules.pollAnswersPerAddress
    )
      throw new AppError("surveys.poll_address_limit", { perDay: rules.pollAnswersPerAddress });
  }
  for (let attempt = 1; ; attempt++) {
    const survey = await answerable(database, submission.surveyId);
    const area = submission.response.profile.area;
    const areaIds = area ? (await areasOf(database, survey.wardCode ?? area.slice(0, 5))).filter((id) => id === area) : undefined;
    const prepared = prepareResponse(rules, survey, areaIds, submission, key);
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

// The statements of storing a response, compiled once (see platform/db/prepared.ts).
type SurveyState = Pick<SurveyRow, "id" | "kind" | "status" | "opensAt" | "closesAt" | "version">;
const surveyState = prepared((db: Kysely<DB>, id: string) =>
  db.selectFrom("surveys").select(["id", "kind", "status", "opensAt", "closesAt", "version"]).where("id", "=", id),
);
const claimResponse = prepared((db: Kysely<DB>, ...values: string[]) => {
  const [
    id,
    surveyId,
    submissionHash,
    proofHash,
    receiptCode,
    mode,
    receivedAt,
    ageBand,
    areaId,
    childrenUnder6,
    yearsInWard,
    answers,
    enteredBy,
  ] = values as [string, string, string, string, string, "online", string, string, string, string, string, string, string];
  return db
    .insertInto("responses")
    .values({
      id,
      surveyId,
      submissionHash,
      proofHash,
      receiptCode,
      mode,
      receivedAt,
      ageBand,
      areaId,
      childrenUnder6,
      yearsInWard,
      answers,
      enteredBy,
    })
    .onConflict((oc) => oc.column("submissionHash").doNothing());
});
const earlierReceipt = prepared((db: Kysely<DB>, submissionHash: string) =>
  db
    .selectFrom("responses")
    .select(["surveyId", "receiptCode", "receivedAt", "proofHash", "enteredBy"])
    .where("submissionHash", "=", submissionHash),
);
const spendCode = prepared((db: Kysely<DB>, codeHash: string, surveyId: string) =>
  db
    .updateTable("invitationCodes")
    .set({ used: 1 })
    .where("codeHash", "=", codeHash)
    .where("surveyId", "=", surveyId)
    .where("used", "=", 0),
);

/** Whether a repeat shows it comes from the original's sender: the same secret, or the same paper entry's author. */
function proves(earlier: { proofHash: string | null; enteredBy: string | null }, response: PreparedResponse): boolean {
  if (earlier.enteredBy !== null && earlier.enteredBy === response.enteredBy) return true;
  if (earlier.proofHash === null || response.proofHash === null) return false;
  return timingSafeEqual(Buffer.from(earlier.proofHash, "hex"), Buffer.from(response.proofHash, "hex"));
}
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
    response.submissionHash,
    response.proofHash as string,
    response.receiptCode,
    response.mode,
    response.receivedOn,
    response.ageBand as string,
    response.areaId as string,
    response.childrenUnder6 as string,
    response.yearsInWard as string,
    response.answers,
    response.enteredBy as string,
  );
  if (Number(claimed.numAffectedRows ?? 0n) !== 1) {
    const earlier = (await earlierReceipt(trx, "one", response.submissionHash)).rows[0] as
      | { surveyId: string; receiptCode: string; receivedAt: string; proofHash: string | null; enteredBy: string | null }
      | undefined;
    if (!earlier || earlier.surveyId !== surveyId) throw new AppError("responses.conflict", { response: response.deviceResponseId });
    if (!proves(earlier, response)) return { receipt: { status: "already_received" }, created: false };
    const receipt = { responseId: response.deviceResponseId, receiptCode: earlier.receiptCode, receivedAt: earlier.receivedAt };
    return { receipt: { ...receipt, duplicate: true }, created: false };
  }
  // From here on every refusal throws, and the transaction (or the write's savepoint) undoes the claim.

  const open = acceptance(survey, new Date(response.receivedAt));
  if (open !== "open") throw new AppError(open === "closed" ? "surveys.closed" : "surveys.not_open", { survey: surveyId });
  if (survey.version !== response.version) throw new DefinitionChanged(`survey ${surveyId} is now version ${survey.version}`);
  if (response.refusal) throw new AppError(response.refusal.code, response.refusal.details);

  if (response.codeHash) {
    const used = await spendCode(trx, "one", response.codeHash, surveyId);
    if (Number(used.numAffectedRows ?? 0n) !== 1) {
      const known = await trx
        .selectFrom("invitationCodes")
        .select("used")
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
  const receipt = { responseId: response.deviceResponseId, receiptCode: response.receiptCode, receivedAt: response.receivedOn };
  return { receipt: { ...receipt, duplicate: false }, created: true };
}

const storeResponseWrite = defineCountingWrite("surveys.storeResponse", (trx, response: PreparedResponse, tally) =>
  storeResponse(trx, tally, response),
);
