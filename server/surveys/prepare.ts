/**
 * The work on a response that needs no lock: checking its answers against the survey, hashing its
 * invitation code or device, drawing its receipt code and working out the counts it adds. The write
 * (ingest.ts) then only checks the survey's state, claims the id and stores what was prepared.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ErrorCode } from "../../shared/errors/catalog";
import { countsOf } from "../../shared/surveys/aggregates";
import { checkAnswers, type ResponseInput } from "../../shared/surveys/answers";
import { codeAlphabet, normalizeInvitationCode } from "../../shared/surveys/invitation-code";
import type { SurveyDefinition } from "../../shared/surveys/model";
import type { SurveyRules } from "../config";
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
  response: ResponseInput;
  /** The sender's network address, for the rate limit only; stored as a short-lived hash. */
  clientAddress: string;
  mode?: "online" | "paper";
  now?: Date;
  /** A paper answer typed in by staff: who entered it; its letter's code is then used up as online. */
  enteredBy?: string;
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
