/**
 * 督促状: a reminder for a batch's codes not yet used. The server never had the code → addressee list
 * and keeps codes only as hashes, so it answers the hashes of the unused codes, once; the console
 * matches them against the batch's mail-merge CSV that staff hold, and prints those rows' letters.
 * Staff prove they hold that list by sending a digest of its codes' hashes (sorted, so the file's
 * order does not matter), and the server sends nothing back for any other list.
 *
 * A reminder tells staff which addressees had answered by then (any 督促状 does): so there is one per
 * batch (a second would show who answered in between, the very difference snapshots hide), only once
 * at least RESULTS_MIN_CELL of the batch answered (the console shows no batch's count under it), and
 * the server keeps only its counts — how many letters, how many codes used before — never which codes.
 */
import { randomUUID } from "node:crypto";
import type { StaffUser } from "../../../shared/accounts/schemas";
import { jstToday } from "../../../shared/time";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { dialectOf, takeStartLock } from "../../platform/db/lock";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { sha256 } from "../prepare";

/** The digest of a list of codes: SHA-256 of their hashes, sorted, one a line (the console computes the same). */
export const listDigest = (hashes: readonly string[]): string => sha256([...hashes].sort().join("\n"));

interface ReminderRequest {
  surveyId: string;
  batchId: string;
  digest: string;
  user: StaffUser;
  minCell: number;
  today: string;
}

const storeReminder = defineWrite(
  "staff.storeReminder",
  async (trx, input: ReminderRequest): Promise<{ reminderId: string; unused: string[] }> => {
    // One at a time per batch, across instances too: of 20 at once, one makes it.
    await takeStartLock(trx, dialectOf(trx), `reminder:${input.batchId}`);
    const survey = await trx
      .selectFrom("surveys")
      .select(["wardCode", "kind", "status"])
      .where("id", "=", input.surveyId)
      .executeTakeFirst();
    if (!survey || !mayActFor(input.user, survey.wardCode)) throw new AppError("surveys.not_found", { survey: input.surveyId });
    if (survey.status === "closed") throw new AppError("surveys.closed", { survey: input.surveyId });
    const made = await trx.selectFrom("reminderBatches").select("id").where("batchId", "=", input.batchId).executeTakeFirst();
    if (made) throw new AppError("letters.reminder_exists", { batchId: input.batchId });
    const codes = await trx
      .selectFrom("invitationCodes")
      .select(["codeHash", "used"])
      .where("surveyId", "=", input.surveyId)
      .where("batchId", "=", input.batchId)
      .execute();
    if (codes.length === 0 || listDigest(codes.map((c) => c.codeHash)) !== input.digest)
      throw new AppError("letters.not_this_batch", { batchId: input.batchId });
    const unused = codes.filter((c) => Number(c.used) === 0).map((c) => c.codeHash);
    const usedBefore = codes.length - unused.length;
    const minCell = Math.max(1, input.minCell);
    if (usedBefore < minCell) throw new AppError("letters.reminder_too_early", { minCell });
    const reminderId = randomUUID();
    await trx
      .insertInto("reminderBatches")
      .values({ id: reminderId, surveyId: input.surveyId, batchId: input.batchId, letters: unused.length, usedBefore, madeOn: input.today })
      .execute();
    await audit(trx, actorOf(input.user), {
      action: "letters.reminder",
      ward: survey.wardCode,
      target: input.surveyId,
      details: { batchId: input.batchId, count: unused.length },
    });
    return { reminderId, unused: unused.sort() };
  },
);

/** Makes a batch's one reminder: the hashes of its codes not used now, answered this once. */
export async function makeReminder(
  database: Database,
  user: StaffUser,
  request: { surveyId: string; batchId: string; digest: string },
  minCell: number,
  now = new Date(),
): Promise<{ reminderId: string; unused: string[] }> {
  return database.write(storeReminder, { ...request, user, minCell, today: jstToday(now) });
}
