/**
 * A letter's code checked as staff type it into the paper-entry form: whether this survey would take
 * it now (valid, already used, unknown). A read, never a write: nothing is used up until the entry is
 * stored (paper.ts). Scoped to the staff member's ward, and limited per staff member, not per address,
 * so a desk of staff sharing one office address is not slowed by one another.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { CodeCheck } from "../../../shared/surveys/code-check";
import { normalizeInvitationCode } from "../../../shared/surveys/invitation-code";
import { mayActFor } from "../../accounts/access";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { countAttempt } from "../../platform/rate-limit";
import { sha256 } from "../prepare";

/** Checks a minute per staff member: two a second, far above a person typing letters, far below guessing (75 random bits). */
export const paperCodeChecksPerMinute = 120;

export async function checkPaperCode(
  database: Database,
  user: StaffUser,
  surveyId: string,
  typed: string,
  now = new Date(),
): Promise<CodeCheck> {
  const survey = await database.db.selectFrom("surveys").select(["wardCode", "status"]).where("id", "=", surveyId).executeTakeFirst();
  if (!survey || survey.status === "draft" || !mayActFor(user, survey.wardCode))
    throw new AppError("surveys.not_found", { survey: surveyId });
  if (countAttempt(database, { scope: "staff-code-check", address: user.id, now }) > paperCodeChecksPerMinute)
    throw new AppError("rate.limited", { limitPerMinute: paperCodeChecksPerMinute });
  const code = normalizeInvitationCode(typed);
  if (!code) return { status: "unknown" };
  const row = await database.db
    .selectFrom("invitationCodes")
    .select("used")
    .where("codeHash", "=", sha256(code))
    .where("surveyId", "=", surveyId)
    .executeTakeFirst();
  if (!row) return { status: "unknown" };
  return { status: Number(row.used) === 1 ? "used" : "valid" };
}
