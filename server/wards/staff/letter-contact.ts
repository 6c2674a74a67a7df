/**
 * A ward's 問い合わせ先 for its letters (shared/wards/letter-contact.ts): read and saved by the ward's own
 * staff (a city administrator: any ward's), audited. Until a ward saves one, the ward office's main
 * line stands in. Nothing of HTTP here.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { defaultLetterContact, type LetterContact, type LetterContactInput } from "../../../shared/wards/letter-contact";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";

/** The contact a ward's letters print (no access check: for the letters of a survey already checked). */
export async function letterContactOf({ db }: Database, ward: string): Promise<LetterContact> {
  const row = await db
    .selectFrom("wardContacts")
    .select(["section", "phone", "hours", "email"])
    .where("wardCode", "=", ward)
    .executeTakeFirst();
  return row ? { ward, ...row, saved: true } : defaultLetterContact(ward);
}

export async function staffLetterContact(database: Database, user: StaffUser, ward: string): Promise<LetterContact> {
  if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
  return letterContactOf(database, ward);
}

const saveContact = defineWrite(
  "wards.saveLetterContact",
  async (trx, { user, ward, contact }: { user: StaffUser; ward: string; contact: LetterContactInput }) => {
    if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
    const row = { ...contact, updatedAt: new Date().toISOString() };
    await trx
      .insertInto("wardContacts")
      .values({ wardCode: ward, ...row })
      .onConflict((oc) => oc.column("wardCode").doUpdateSet(row))
      .execute();
    await audit(trx, actorOf(user), { action: "ward.contact", ward, target: ward, details: { ...contact } });
  },
);

/** Saves the ward's contact and answers it as stored (the row is what was given: nothing to read back). */
export async function saveLetterContact(
  database: Database,
  user: StaffUser,
  ward: string,
  contact: LetterContactInput,
): Promise<LetterContact> {
  await database.write(saveContact, { user, ward, contact });
  return { ward, section: contact.section, phone: contact.phone, hours: contact.hours, email: contact.email, saved: true };
}
