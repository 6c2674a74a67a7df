/**
 * Per-address attempt counters, one row per (scope, address, minute) in rate_limits, shared by
 * every server instance. The address is stored only as a truncated hash, and rows older than an
 * hour are removed as new minutes begin.
 */
import { createHash } from "node:crypto";
import { defineWrite } from "./db/write";

/** Adds one to this address's count in `scope` for the current minute and says how many it has made this minute. */
export const countAttempt = defineWrite(
  "security.countAttempt",
  async (trx, { scope, address, now }: { scope: string; address: string; now: Date }) => {
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
    const key = `${createHash("sha256").update(`rate:${scope}:${address}`).digest("hex").slice(0, 32)}:${minute}`;
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
