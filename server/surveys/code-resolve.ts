/**
 * A letter's short link (/c/CODE) and the コードを入力 page: which survey a code belongs to, found by the
 * code's hash (the only form the server keeps; codes are keyed by it), never using the code up. The
 * same per-address limit as the code check counts every attempt first, in the same window (one
 * budget for both), so guessing 75-bit codes stays at a handful a minute; every wrong code — mistyped,
 * never issued, a draft's — answers the same bare `unknown`.
 */
import type { CodeResolution } from "../../shared/surveys/code-check";
import { normalizeInvitationCode } from "../../shared/surveys/invitation-code";
import type { SurveyRules } from "../config";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { countAttempt } from "../platform/rate-limit";
import { sha256 } from "./prepare";

interface CodeResolveRequest {
  code: string;
  clientAddress: string;
  now?: Date;
}

export async function resolveInvitationCode(
  database: Database,
  rules: Pick<SurveyRules, "codeCheckPerMinute">,
  request: CodeResolveRequest,
): Promise<CodeResolution> {
  const limit = rules.codeCheckPerMinute;
  if (limit > 0 && countAttempt(database, { scope: "code-check", address: request.clientAddress, now: request.now ?? new Date() }) > limit)
    throw new AppError("rate.limited", { limitPerMinute: limit });
  const code = normalizeInvitationCode(request.code);
  if (!code) return { status: "unknown" };
  const row = await database.db
    .selectFrom("invitationCodes")
    .innerJoin("surveys", "surveys.id", "invitationCodes.surveyId")
    .select(["invitationCodes.used", "surveys.id", "surveys.status", "surveys.wardCode"])
    .where("invitationCodes.codeHash", "=", sha256(code))
    .executeTakeFirst();
  if (!row || row.status === "draft") return { status: "unknown" };
  return { status: Number(row.used) === 1 ? "used" : "valid", surveyId: row.id, ward: row.wardCode };
}
