/**
 * Whether a letter's code is still good, asked when the resident starts a sampled survey: a read,
 * never a write, so checking uses nothing up (the code is used only by the response that carries it,
 * ingest.ts). Every check counts against the address's per-minute limit first, whatever it finds, so
 * guessing codes (75 random bits each) is slowed to a handful a minute.
 */
import type { CodeCheck } from "../../shared/surveys/code-check";
import { normalizeInvitationCode } from "../../shared/surveys/invitation-code";
import type { SurveyRules } from "../config";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { countAttempt } from "../platform/rate-limit";
import { sha256 } from "./prepare";

interface CodeCheckRequest {
  surveyId: string;
  code: string;
  clientAddress: string;
  now?: Date;
}

export async function checkInvitationCode(
  database: Database,
  rules: Pick<SurveyRules, "codeCheckPerMinute">,
  request: CodeCheckRequest,
): Promise<CodeCheck> {
  const limit = rules.codeCheckPerMinute;
  if (limit > 0 && countAttempt(database, { scope: "code-check", address: request.clientAddress, now: request.now ?? new Date() }) > limit)
    throw new AppError("rate.limited", { limitPerMinute: limit });
  const survey = await database.db.selectFrom("surveys").select(["status"]).where("id", "=", request.surveyId).executeTakeFirst();
  if (!survey || survey.status === "draft") throw new AppError("surveys.not_found", { survey: request.surveyId });
  const code = normalizeInvitationCode(request.code);
  if (!code) return { status: "unknown" };
  const row = await database.db
    .selectFrom("invitationCodes")
    .select("used")
    .where("codeHash", "=", sha256(code))
    .where("surveyId", "=", request.surveyId)
    .executeTakeFirst();
  if (!row) return { status: "unknown" };
  return { status: Number(row.used) === 1 ? "used" : "valid" };
}
