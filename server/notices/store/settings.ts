/** Settings the server keeps in the database (the VAPID keys, notices/keys.ts): the first writer's value wins. */
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";

export async function readSetting(database: Database, key: string): Promise<string | null> {
  const row = await database.db.selectFrom("serverSettings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value ?? null;
}

/** Stores a value unless one is there already; answers the value that is stored (the first writer's). */
export const settleSetting = defineWrite(
  "notices.settleSetting",
  async (trx, { key, value }: { key: string; value: string }): Promise<string> => {
    await trx
      .insertInto("serverSettings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const row = await trx.selectFrom("serverSettings").select("value").where("key", "=", key).executeTakeFirstOrThrow();
    return row.value;
  },
);
