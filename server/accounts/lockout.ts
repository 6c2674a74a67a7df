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
 *
 * A real account's failed logins and each lock that starts go in the audit log; an unknown name's do not
 * (what was typed as a name may be a password typed in the wrong field).
 */
import { createHash } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { StaffRules } from "../config";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import type { Actor } from "./access";
import { audit } from "./audit";

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
  /** The account the name belongs to, if any: its failures and lock starts go in the audit log. Unknown names leave no trace there. */
  account: Actor | null;
}

const lockedUntilOf = ({ rules, now }: AttemptInput) => new Date(now.getTime() + rules.lockoutMinutes * 60_000).toISOString();

/**
 * Holds the (name, address) row for this transaction and answers its counts: an upsert that only
 * touches `updated_at` takes the row's lock on PostgreSQL (the SQLite writer runs one write at a
 * time), so what is read next stays true until the commit, and the write can tell a lock it starts.
 */
function heldRow(trx: Transaction<DB>, key: string, now: string) {
  return trx
    .insertInto("loginAttempts")
    .values({ key, failures: 0, lockedUntil: null, updatedAt: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ updatedAt: now }))
    .returning(["failures", "lockedUntil"])
    .executeTakeFirstOrThrow();
}

/** The row if it is still there (a success may have cleared it since the attempt was counted), held as heldRow holds it. */
function heldExistingRow(trx: Transaction<DB>, key: string, now: string) {
  return trx
    .updateTable("loginAttempts")
    .set({ updatedAt: now })
    .where("key", "=", key)
    .returning(["failures", "lockedUntil"])
    .executeTakeFirst();
}

async function setCounts(trx: Transaction<DB>, key: string, failures: number, lockedUntil: string | null) {
  await trx.updateTable("loginAttempts").set({ failures, lockedUntil }).where("key", "=", key).execute();
}

/** A lock starts: recorded for a real account, with the ward it belongs to. */
async function recordLock(trx: Transaction<DB>, input: AttemptInput) {
  if (input.account)
    await audit(
      trx,
      input.account,
      { action: "staff.locked", ward: input.account.ward, details: { minutes: input.rules.lockoutMinutes } },
      input.now,
    );
}

/** Counts an attempt before its hash: answers the lock's end if the name is locked for this address. */
export const reserveAttempt = defineWrite("staff.reserveAttempt", async (trx, input: AttemptInput) => {
  const row = await heldRow(trx, input.keys.address, input.now.toISOString());
  let lockedUntil = activeLock(row.lockedUntil, input.now);
  if (!lockedUntil) {
    // More unproven attempts than the lock allows (guesses sent at once) lock the name here.
    const starts = row.failures + 1 > input.rules.lockoutAfter;
    lockedUntil = starts ? lockedUntilOf(input) : null;
    await setCounts(trx, input.keys.address, starts ? 0 : row.failures + 1, lockedUntil);
    if (starts) await recordLock(trx, input);
  }
  const anywhere = await trx.selectFrom("loginAttempts").select("failures").where("key", "=", input.keys.anywhere).executeTakeFirst();
  return { lockedUntil, failuresAnywhere: anywhere?.failures ?? 0 };
});

/** A wrong password: locks the name for this address once it has had `lockoutAfter`, and counts it against the name everywhere. */
export const recordFailure = defineWrite("staff.recordFailure", async (trx, input: AttemptInput) => {
  const now = input.now.toISOString();
  if (input.account) await audit(trx, input.account, { action: "staff.login_failed", ward: input.account.ward }, input.now);
  const row = await heldExistingRow(trx, input.keys.address, now);
  let lockedUntil = activeLock(row?.lockedUntil ?? null, input.now);
  if (row && !lockedUntil && row.failures >= input.rules.lockoutAfter) {
    lockedUntil = lockedUntilOf(input);
    await setCounts(trx, input.keys.address, 0, lockedUntil);
    await recordLock(trx, input);
  }
  await trx
    .insertInto("loginAttempts")
    .values({ key: input.keys.anywhere, failures: 1, lockedUntil: null, updatedAt: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ failures: sql<number>`login_attempts.failures + 1`, updatedAt: now }))
    .execute();
  return { lockedUntil };
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
