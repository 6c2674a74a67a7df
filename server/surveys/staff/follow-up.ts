/**
 * 区の対応 and public results, as staff change them: the text of what the ward did with a survey's
 * results (six languages, saved or published), and whether a sampled survey's results are public.
 * Each change is scoped to the staff member's ward and audited in its own transaction.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { locales } from "../../../shared/locales/locales";
import type { FollowUpInput, FollowUpSaved } from "../../../shared/surveys/staff/follow-up";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import { followUpPublished, notifyTopicOnce } from "../../notices/topics";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { definitionOf } from "../read";

const saveFollowUpWrite = defineWrite(
  "staff.saveFollowUp",
  async (trx, { id, input, user }: { id: string; input: FollowUpInput; user: StaffUser }): Promise<FollowUpSaved> => {
    const row = await trx
      .selectFrom("surveys")
      .select(["id", "version", "definition", "wardCode", "status", "followUpFirstAt"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: id });
    // Residents never see a draft: there is nothing yet that the ward could have acted on.
    if (row.status === "draft") throw new AppError("surveys.not_open", { survey: id });
    const now = new Date().toISOString();
    const publishedAt = input.publish ? now : null;
    await trx
      .updateTable("surveys")
      .set({ followUp: JSON.stringify(input.text), followUpAt: publishedAt, updatedAt: now })
      .where("id", "=", id)
      .execute();
    // The first publication is claimed by one conditional update: of concurrent publishers (PostgreSQL
    // re-reads the row after waiting for its lock), exactly one sets it.
    const claimed =
      input.publish &&
      row.followUpFirstAt === null &&
      Number(
        (
          await trx
            .updateTable("surveys")
            .set({ followUpFirstAt: now })
            .where("id", "=", id)
            .where("followUpFirstAt", "is", null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ) === 1;
    const firstPublication = claimed;
    // The survey's ward hears of it once, in the same transaction (the key makes it once however often this runs).
    if (firstPublication)
      await notifyTopicOnce(trx, followUpPublished({ id, wardCode: row.wardCode, title: definitionOf(row).title }), now);
    await audit(trx, actorOf(user), {
      action: "survey.follow_up",
      ward: row.wardCode,
      target: id,
      details: { published: input.publish, languages: locales.filter((locale) => input.text[locale] !== undefined) },
    });
    return { publishedAt, firstPublication };
  },
);

/**
 * Saves 区の対応, published or not. The answer's `firstPublication` says residents are shown it for
 * the first time: the one moment the survey's ward's subscribers should hear of it.
 */
export function saveFollowUp(database: Database, user: StaffUser, id: string, input: FollowUpInput): Promise<FollowUpSaved> {
  return database.write(saveFollowUpWrite, { id, input, user });
}

const setResultsPublicWrite = defineWrite(
  "staff.setResultsPublic",
  async (trx, { id, shown, user }: { id: string; shown: boolean; user: StaffUser }) => {
    const row = await trx.selectFrom("surveys").select(["wardCode", "status"]).where("id", "=", id).executeTakeFirst();
    if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: id });
    if (row.status === "draft") throw new AppError("surveys.not_open", { survey: id });
    await trx
      .updateTable("surveys")
      .set({ resultsPublic: shown ? 1 : 0, updatedAt: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
    await audit(trx, actorOf(user), { action: "survey.results_public", ward: row.wardCode, target: id, details: { published: shown } });
    return { resultsPublic: shown };
  },
);

/** Makes a survey's published results (the same disclosure-controlled tables as a public poll's) public, or private again. */
export function setResultsPublic(database: Database, user: StaffUser, id: string, shown: boolean): Promise<{ resultsPublic: boolean }> {
  return database.write(setResultsPublicWrite, { id, shown, user });
}
