/**
 * A ward's policies (施策), each tagged with the themes it addresses: listed, added, changed and
 * deleted by its ward's staff (another ward's policy is "not found").
 */
import { randomUUID } from "node:crypto";
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { Policy, PolicyInput } from "../../../shared/planning/matching";
import type { Theme } from "../../../shared/surveys/model";
import { actorOf, checkWard, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import type { PolicyTable } from "../../platform/db/schema";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";

export function toPolicy(row: PolicyTable): Policy {
  return {
    id: row.id,
    ward: row.wardCode,
    title: row.title,
    chapter: row.chapter,
    themes: JSON.parse(row.themes) as Theme[],
    updatedAt: row.updatedAt,
  };
}

export async function listPolicies(database: Database, user: StaffUser, ward: string): Promise<Policy[]> {
  checkWard(user, ward);
  const rows = await database.db
    .selectFrom("policies")
    .selectAll()
    .where("wardCode", "=", ward)
    .orderBy("chapter")
    .orderBy("createdAt")
    .execute();
  return rows.map(toPolicy);
}

const insertPolicy = defineWrite(
  "staff.insertPolicy",
  async (trx, { user, ward, input, now }: { user: StaffUser; ward: string; input: PolicyInput; now: string }): Promise<string> => {
    const id = randomUUID();
    await trx
      .insertInto("policies")
      .values({
        id,
        wardCode: ward,
        title: input.title,
        chapter: input.chapter,
        themes: JSON.stringify(input.themes),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await audit(trx, actorOf(user), { action: "policy.create", ward, target: id, details: { title: input.title } });
    return id;
  },
);

const changePolicy = defineWrite(
  "staff.changePolicy",
  async (trx, { user, id, input, now }: { user: StaffUser; id: string; input: PolicyInput; now: string }): Promise<void> => {
    const row = await trx.selectFrom("policies").select("wardCode").where("id", "=", id).executeTakeFirst();
    if (!row || !mayActFor(user, row.wardCode)) throw new AppError("policies.not_found", { policy: id });
    await trx
      .updateTable("policies")
      .set({ title: input.title, chapter: input.chapter, themes: JSON.stringify(input.themes), updatedAt: now })
      .where("id", "=", id)
      .execute();
    await audit(trx, actorOf(user), { action: "policy.edit", ward: row.wardCode, target: id, details: { title: input.title } });
  },
);

export function createPolicy(database: Database, user: StaffUser, ward: string, input: PolicyInput): Promise<string> {
  checkWard(user, ward);
  return database.write(insertPolicy, { user, ward, input, now: new Date().toISOString() });
}

/** Another ward's policy is "not found", as if it did not exist. */
export function updatePolicy(database: Database, user: StaffUser, id: string, input: PolicyInput): Promise<void> {
  return database.write(changePolicy, { user, id, input, now: new Date().toISOString() });
}

const removePolicy = defineWrite("staff.removePolicy", async (trx, { user, id }: { user: StaffUser; id: string }): Promise<Policy> => {
  const row = await trx.selectFrom("policies").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || !mayActFor(user, row.wardCode)) throw new AppError("policies.not_found", { policy: id });
  await trx.deleteFrom("policies").where("id", "=", id).execute();
  await audit(trx, actorOf(user), { action: "policy.delete", ward: row.wardCode, target: id, details: { title: row.title } });
  return toPolicy(row);
});

/** Deletes a policy and answers it as it was, so the console can offer to put it back. */
export function deletePolicy(database: Database, user: StaffUser, id: string): Promise<Policy> {
  return database.write(removePolicy, { user, id });
}
