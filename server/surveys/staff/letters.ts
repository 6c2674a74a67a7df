/**
 * Invitation letters for a sampled survey: a batch of codes, one per letter. The codes are shown
 * once, as CSV for mail-merge (code and the short link its QR code carries, /c/CODE: no survey id,
 * short enough to type); only their hashes are kept,
 * with the batch and whether (not when) each was used, so the response rate per batch can be read
 * but a code never leads to answers. They are stored in a shuffled order, never in the mail-merge
 * list's: the order of the rows says nothing of which letter is which.
 */

import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { StaffUser } from "../../../shared/accounts/schemas";
import { csvFile, csvLine } from "../../../shared/csv";
import { roundedCount } from "../../../shared/stats/rounded";
import { newInvitationCode, shortLink } from "../../../shared/surveys/invitation-code";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { sha256 } from "../prepare";

/** A copy in a random order (Fisher–Yates with the system's generator). */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const storeBatch = defineWrite(
  "staff.storeLetters",
  async (
    trx,
    {
      surveyId,
      batchId,
      hashes,
      user,
      publicUrl,
      minimum = 1,
    }: { surveyId: string; batchId: string; hashes: string[]; user: StaffUser; publicUrl: boolean; minimum?: number },
  ) => {
    const survey = await trx.selectFrom("surveys").select(["wardCode", "kind", "status"]).where("id", "=", surveyId).executeTakeFirst();
    if (!survey || !mayActFor(user, survey.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
    if (!publicUrl) throw new AppError("letters.public_url_missing");
    if (hashes.length < minimum) throw new AppError("letters.batch_too_small", { minimum });
    if (survey.kind !== "sampled") throw new AppError("request.invalid", { reason: "letters are for sampled surveys" });
    if (survey.status === "closed") throw new AppError("surveys.closed", { survey: surveyId });
    for (let i = 0; i < hashes.length; i += 500) {
      await trx
        .insertInto("invitationCodes")
        .values(hashes.slice(i, i + 500).map((codeHash) => ({ codeHash, surveyId, batchId, used: 0 })))
        .execute();
    }
    await audit(trx, actorOf(user), {
      action: "letters.generate",
      ward: survey.wardCode,
      target: surveyId,
      details: { batchId, count: hashes.length },
    });
  },
);

/** Makes `count` codes for a survey's letters (only with the app's public address, PUBLIC_URL); answers them as CSV (UTF-8 with BOM) — the only time they exist in the clear. */
export async function generateLetters(
  database: Database,
  user: StaffUser,
  surveyId: string,
  count: number,
  publicUrl: string | undefined,
  minimum = 1,
): Promise<{ batchId: string; csv: string }> {
  const codes = Array.from({ length: count }, () => newInvitationCode(randomBytes(15)));
  const batchId = randomUUID();
  // The survey's own checks (ward, kind, state) come first in the write, then the address and the batch's size.
  await database.write(storeBatch, {
    surveyId,
    batchId,
    hashes: shuffled(codes.map(sha256)),
    user,
    publicUrl: publicUrl !== undefined,
    minimum,
  });
  const lines = [csvLine(["通し番号", "招待コード", "回答用URL（QRコードの内容）"])];
  codes.forEach((code, i) => {
    lines.push(csvLine([i + 1, code, shortLink(publicUrl ?? "", code)]));
  });
  return { batchId, csv: csvFile(lines) };
}

/**
 * Each batch of letters with how many of its codes were used: the response rate per batch, as published
 * counts are (roundedCount): nothing under `minCell`, then tens, so no single answer shows as a change of one.
 * A batch with its reminder (reminders.ts) adds the reminder's own rate: answers since it, rounded the same
 * way. Staff know exactly how many had answered before it (the reminder's size tells), so the batch's count
 * is then that number plus the rounded answers since — never a second rounding of the same total, which
 * side by side with the first could narrow it to one.
 */
export async function letterBatches(database: Database, user: StaffUser, surveyId: string, minCell: number) {
  const survey = await database.db.selectFrom("surveys").select("wardCode").where("id", "=", surveyId).executeTakeFirst();
  if (!survey || !mayActFor(user, survey.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  const rows = await database.db
    .selectFrom("invitationCodes")
    .select((eb) => ["batchId", eb.fn.countAll<number>().as("letters"), eb.fn.sum<number>("used").as("used")])
    .where("surveyId", "=", surveyId)
    .groupBy("batchId")
    .execute();
  const reminders = await database.db
    .selectFrom("reminderBatches")
    .select(["id", "batchId", "letters", "usedBefore", "madeOn"])
    .where("surveyId", "=", surveyId)
    .execute();
  return rows.map((row) => {
    const letters = Number(row.letters);
    const usedNow = Number(row.used ?? 0);
    const made = reminders.find((r) => r.batchId === row.batchId);
    if (!made) {
      const used = roundedCount(usedNow, minCell);
      return { batchId: row.batchId, letters, used, rate: used === null || letters === 0 ? null : used / letters, reminder: null };
    }
    const since = roundedCount(usedNow - made.usedBefore, minCell);
    const used = made.usedBefore + (since ?? 0);
    const reminder = {
      id: made.id,
      madeOn: made.madeOn,
      letters: made.letters,
      used: since,
      rate: since === null || made.letters === 0 ? null : since / made.letters,
    };
    return { batchId: row.batchId, letters, used, rate: letters === 0 ? null : used / letters, reminder };
  });
}
