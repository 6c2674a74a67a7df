/**
 * Per-address attempt counters, one row per (scope, address, minute) in rate_limits, shared by
 * every server instance. The address is stored only as a truncated hash, and rows older than an
 * hour are removed as new minutes begin.
 */
import { createHash } from "node:crypto";
import { defineWrite } from "./db/write";

const hashed = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

/**
 * Adds one to this address's count in `scope` for the current minute and says how many it has made
 * this minute. With `once` (a response's id), copies of one attempt count once: retries sent at the
 * same moment do not use up the limit. The marker is claimed with an insert that only one of them wins.
 */
export const countAttempt = defineWrite(
  "security.countAttempt",
  async (trx, { scope, address, now, once }: { scope: string; address: string; now: Date; once?: string }) => {
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
    const key = `${hashed(`rate:${scope}:${address}`)}:${minute}`;
    if (once !== undefined) {
      const claimed = await trx
        .insertInto("rateLimits")
        .values({ key: `${hashed(`once:${scope}:${address}:${once}`)}:${minute}`, windowStart: minute, count: 0 })
        .onConflict((oc) => oc.column("key").doNothing())
        .returning("key")
        .executeTakeFirst();
      if (!claimed) {
        const current = await trx.selectFrom("rateLimits").select("count").where("key", "=", key).executeTakeFirst();
        return Number(current?.count ?? 0);
      }
    }
    const row = await trx
      .insertInto("rateLimits")
      .values({ key, windowStart: minute, count: 1 })
      .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ count: eb("rateLimits.count", "+", 1) })))
      .returning("count")
      .executeTakeFirstOrThrow();
    if (row.count === 1) {
      // A new minute began: forget the counters of the past hour's minutes.
      await trx
        .deleteFrom("rateLimits")
        .where("windowStart", "<", new Date(now.getTime() - 3_600_000).toISOString())
        .execute();
    }
    return Number(row.count);
  },
);
