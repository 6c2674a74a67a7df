/**
 * The work on a response that needs no lock: checking its answers against the survey, hashing its
 * invitation code or device, drawing its receipt code and working out the counts it adds. The write
 * (ingest.ts) then only checks the survey's state, claims the id and stores what was prepared.
 *
 * Nothing stored ties a response to a code, a device or a time: it gets the server's own random id;
 * the device's id (a UUIDv7, which carries its creation time) and the secret kept with the draft
 * survive only as keyed hashes (keys.ts); and only the day it was received is kept.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { ErrorCode } from "../../shared/errors/catalog";
import { countsOf } from "../../shared/surveys/aggregates";
import { checkAnswers, describeIssues, type RecordedAnswers, type ResponseInput, withNoAnswers } from "../../shared/surveys/answers";
import { codeAlphabet, normalizeInvitationCode } from "../../shared/surveys/invitation-code";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { jstToday } from "../../shared/time";
import type { SurveyRules } from "../config";
import { keyedHash, type ResponseKey } from "./keys";
import { type JoinedCounts, joinCounts } from "./tally";

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
  /** Online, the answers as ResponseInput takes them; on paper, they may hold 無回答 (and blanks become it). */
  response: Omit<ResponseInput, "answers"> & { answers: RecordedAnswers };
  /** The sender's network address, for the rate limit only; stored as a short-lived hash. */
  clientAddress: string;
  mode?: "online" | "paper";
  now?: Date;
  /** A paper answer typed in by staff: who entered it (authorMarkOf their id); its letter's code is then used up as online. */
  enteredBy?: string;
  /** A paper answer whose letter's code staff checked off in a write of its own (staff/paper.ts). */
  codeCheckedOff?: boolean;
}

/** The keyed hash a response is claimed by: the device's id survives only as this. */
export const submissionHashOf = (key: ResponseKey, deviceResponseId: string) => keyedHash(key, `response:${deviceResponseId}`);
/** The keyed hash of the secret a device kept with its draft: the proof that a repeat comes from it. */
export const proofHashOf = (key: ResponseKey, secret: string) => keyedHash(key, `secret:${secret}`);
/** Who typed in a paper answer, as stored with it: a keyed hash of the staff member's id, so no audit row's id equals it. */
export const authorMarkOf = (key: ResponseKey, staffUserId: string) => keyedHash(key, `staff:${staffUserId}`);
/** A poll's device mark: the keyed hash of sha256(survey:device), so marks made before the key (migration 0018) are rekeyed. */
export const deviceMarkOf = (key: ResponseKey, plainHash: string) => keyedHash(key, `device:${plainHash}`);

/** A response ready to store: checked, hashed and counted beforehand, so the write does only what needs the lock. */
export interface PreparedResponse {
  surveyId: string;
  /** The survey version whose questions the answers were checked against. */
  version: number;
  /** The server's own random id (UUIDv4): linked to nothing else. */
  responseId: string;
  /** The id the device sent: answered in its receipt, never stored. */
  deviceResponseId: string;
  /** The keyed hash of the device's id, which a repeat claims (unique). */
  submissionHash: string;
  /** The keyed hash of the secret kept with the draft, or null when the device sent none. */
  proofHash: string | null;
  receiptCode: string;
  mode: "online" | "paper";
  /** The instant it arrived, to check the survey is open: never stored. */
  receivedAt: string;
  /** The day it arrived in Japan (YYYY-MM-DD): all that is stored of its time. */
  receivedOn: string;
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
  key: ResponseKey,
): PreparedResponse {
  const mode = submission.mode ?? "online";
  // On paper, an item left out is recorded as 無回答 (withNoAnswers); online, nothing is added.
  const response =
    mode === "paper"
      ? { ...submission.response, answers: withNoAnswers(survey.definition, submission.response.answers) }
      : submission.response;
  let refusal: PreparedResponse["refusal"] = null;
  let codeHash: string | null = null;
  let deviceHash: string | null = null;
  const issues = checkAnswers(survey.definition, response.answers, response.profile, areaIds, { paper: mode === "paper" });
  if (issues.length > 0) refusal = { code: "responses.invalid", details: { issues: describeIssues(survey.definition, issues) } };
  else if (survey.kind === "sampled" && (mode === "online" || submission.enteredBy) && !submission.codeCheckedOff) {
    const code = response.invitationCode ? normalizeInvitationCode(response.invitationCode) : null;
    if (!response.invitationCode) refusal = { code: "invitations.required", details: { survey: survey.id } };
    else if (!code) refusal = { code: "invitations.invalid", details: { survey: survey.id } };
    else codeHash = sha256(code);
  } else if (survey.kind === "poll" && rules.pollOnePerDevice && mode === "online") {
    if (!response.deviceId) refusal = { code: "request.invalid", details: { reason: "a poll response needs the device id (deviceId)" } };
    else deviceHash = deviceMarkOf(key, sha256(`${survey.id}:${response.deviceId}`));
  }
  const now = submission.now ?? new Date();
  return {
    surveyId: survey.id,
    version: survey.version,
    responseId: randomUUID(),
    deviceResponseId: response.id,
    submissionHash: submissionHashOf(key, response.id),
    proofHash: response.secret ? proofHashOf(key, response.secret) : null,
    receiptCode: newReceiptCode(),
    mode,
    receivedAt: now.toISOString(),
    receivedOn: jstToday(now),
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
