/**
 * Reads of a survey's results are in the audit log (who read which survey's results, and by what breakdown),
 * so a ward can see who looked at what, and how often. Never which response: results are tables.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { actorOf } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";

const recordResultsView = defineWrite(
  "staff.resultsViewed",
  async (trx, { user, surveyId, by }: { user: StaffUser; surveyId: string; by: string | null }) => {
    const survey = await trx.selectFrom("surveys").select("wardCode").where("id", "=", surveyId).executeTakeFirst();
    if (!survey) return;
    await audit(trx, actorOf(user), { action: "results.view", ward: survey.wardCode, target: surveyId, details: by ? { by } : {} });
  },
);

/** Records that a staff member read a survey's results (after the read succeeded). */
export function recordResultsRead(database: Database, user: StaffUser, surveyId: string, by: string | undefined): Promise<void> {
  return database.write(recordResultsView, { user, surveyId, by: by ?? null });
}
