/**
 * The login lock, counted in the database so that concurrent attempts and several server
 * instances see one count. Two rows per login name (known or not, so the lock tells nothing):
 *
 * - (name, address): every attempt is counted *before* its password is hashed, and cleared only by
 *   a success. More than `lockoutAfter` unproven attempts, or `lockoutAfter` failures, lock the name
 *   for that address alone for `lockoutMinutes`; no failure ever shortens or clears a lock.
 * - (name, anywhere): failures from every address. Past `backoffAfter` of them, each attempt at
 *   the name waits before its password is checked (doubling, at most `maxBackoffMs`), so guesses
 *   spread over many addresses slow down while the owner, with the right password, still gets in.
 */
import { createHash } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { StaffRules } from "../config";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";

export const maxBackoffMs = 5_000;
export const backoffAfter = (rules: StaffRules) => rules.lockoutAfter * 4;

export interface LoginKeys {
  /** The name from this address: the lock. */
  address: string;
  /** The name from anywhere: the back-off. */
  anywhere: string;
}

export function loginKeys(loginName: string, address: string): LoginKeys {
  const key = (part: string) => createHash("sha256").update(`login:${loginName}\u0000${part}`).digest("hex");
  return { address: key(`@${address}`), anywhere: key("*") };
}

/** How long an attempt at a name waits, given its failures from anywhere. */
export function backoffMs(rules: StaffRules, failures: number): number {
  const over = failures - backoffAfter(rules);
  return over < 0 ? 0 : Math.min(maxBackoffMs, 100 * 2 ** Math.min(over, 16));
}

interface AttemptInput {
  keys: LoginKeys;
  rules: StaffRules;
  now: Date;
}

const lockedUntilOf = ({ rules, now }: AttemptInput) => new Date(now.getTime() + rules.lockoutMinutes * 60_000).toISOString();

/** Counts an attempt before its hash, in one statement: answers the lock's end if the name is locked for this address. */
export const reserveAttempt = defineWrite("staff.reserveAttempt", async (trx, input: AttemptInput) => {
  const now = input.now.toISOString();
  const until = lockedUntilOf(input);
  const after = input.rules.lockoutAfter;
  const row = await trx
    .insertInto("loginAttempts")
    .values({ key: input.keys.address, failures: 1, lockedUntil: after < 1 ? until : null, updatedAt: now })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`case when login_attempts.locked_until > ${now} then login_attempts.failures
          when login_attempts.failures + 1 > ${after} then 0 else login_attempts.failures + 1 end`,
        lockedUntil: sql<string | null>`case when login_attempts.locked_until > ${now} then login_attempts.locked_until
          when login_attempts.failures + 1 > ${after} then ${until} else null end`,
        updatedAt: now,
      }),
    )
    .returning(["lockedUntil"])
    .executeTakeFirstOrThrow();
  const anywhere = await trx.selectFrom("loginAttempts").select("failures").where("key", "=", input.keys.anywhere).executeTakeFirst();
  return { lockedUntil: activeLock(row.lockedUntil, input.now), failuresAnywhere: anywhere?.failures ?? 0 };
});

/** A wrong password: locks the name for this address once it has had `lockoutAfter`, and counts it against the name everywhere. */
export const recordFailure = defineWrite("staff.recordFailure", async (trx, input: AttemptInput) => {
  const now = input.now.toISOString();
  const row = await trx
    .updateTable("loginAttempts")
    .set({
      lockedUntil: sql<string | null>`case when locked_until > ${now} then locked_until
        when failures >= ${input.rules.lockoutAfter} then ${lockedUntilOf(input)} else locked_until end`,
      failures: sql<number>`case when locked_until > ${now} then failures when failures >= ${input.rules.lockoutAfter} then 0 else failures end`,
      updatedAt: now,
    })
    .where("key", "=", input.keys.address)
    .returning(["lockedUntil"])
    .executeTakeFirst();
  await trx
    .insertInto("loginAttempts")
    .values({ key: input.keys.anywhere, failures: 1, lockedUntil: null, updatedAt: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ failures: sql<number>`login_attempts.failures + 1`, updatedAt: now }))
    .execute();
  return { lockedUntil: activeLock(row?.lockedUntil ?? null, input.now) };
});

/**
 * The right password, inside the write that starts the session: checks the lock again (failures
 * racing this attempt may have set it after the hash began) and, if none, forgets both counts.
 */
export async function clearOnSuccess(trx: Transaction<DB>, input: AttemptInput): Promise<string | null> {
  const row = await trx.selectFrom("loginAttempts").select("lockedUntil").where("key", "=", input.keys.address).executeTakeFirst();
  const locked = activeLock(row?.lockedUntil ?? null, input.now);
  if (locked) return locked;
  await trx.deleteFrom("loginAttempts").where("key", "in", [input.keys.address, input.keys.anywhere]).execute();
  // Counts untouched for a day are of no use: remove them as logins succeed.
  await trx
    .deleteFrom("loginAttempts")
    .where("updatedAt", "<", new Date(input.now.getTime() - 86_400_000).toISOString())
    .where((eb) => eb.or([eb("lockedUntil", "is", null), eb("lockedUntil", "<", input.now.toISOString())]))
    .execute();
  return null;
}

function activeLock(lockedUntil: string | null, now: Date): string | null {
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime() ? lockedUntil : null;
}
