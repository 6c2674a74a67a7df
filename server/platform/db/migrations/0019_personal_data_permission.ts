import type { Kysely } from "kysely";

// Reading free-text answers and 町会 join requests (personal data, possibly 要配慮個人情報) is a permission of
// its own. Accounts that existed before keep what they could do; accounts made from now on start without it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("staff_users")
    .addColumn("reads_personal", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable("staff_users" as never)
    .set({ reads_personal: 1 } as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("staff_users").dropColumn("reads_personal").execute();
}
