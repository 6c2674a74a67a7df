/** The sender's lease: only the holder of the "notices" lease sends (see deliveries.ts). */
import { defineWrite } from "../../platform/db/write";

/**
 * The lease: held by one sender at a time, until it lapses. `take` succeeds when the lease is free,
 * lapsed, or already this holder's; the one conditional UPDATE makes it atomic on both databases.
 */
export const takeLease = defineWrite(
  "notices.takeLease",
  async (trx, { name, holder, now, until }: { name: string; holder: string; now: string; until: string }): Promise<boolean> => {
    await trx
      .insertInto("leases")
      .values({ name, holder: "", expiresAt: "" })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const result = await trx
      .updateTable("leases")
      .set({ holder, expiresAt: until })
      .where("name", "=", name)
      .where((eb) => eb.or([eb("holder", "=", holder), eb("expiresAt", "<", now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
);

export const releaseLease = defineWrite(
  "notices.releaseLease",
  async (trx, { name, holder }: { name: string; holder: string }): Promise<void> => {
    await trx.updateTable("leases").set({ expiresAt: "" }).where("name", "=", name).where("holder", "=", holder).execute();
  },
);
