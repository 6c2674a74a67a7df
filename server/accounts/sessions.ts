/**
 * Staff sign-in and sessions: a login checks the password (passwords.ts) and records the attempt; a
 * session is a random token whose hash is stored, valid until idle or too old (StaffRules). A real
 * account's logins, failures and locks are in the audit log (time, account, ward: no address).
 */
import { createHash, randomBytes } from "node:crypto";
import type { StaffSession } from "../../shared/accounts/schemas";
import type { StaffRules } from "../config";
import type { Database } from "../platform/db/database";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";
import type { Actor } from "./access";
import { audit } from "./audit";
import { backoffMs, clearOnSuccess, type LoginKeys, loginKeys, recordFailure, reserveAttempt } from "./lockout";
import { decoyHash, verifyPassword } from "./passwords";
import { toStaffUser } from "./users";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The right password: checks the lock once more, then starts the session, in one transaction. */
const startSession = defineWrite(
  "staff.startSession",
  async (
    trx,
    input: {
      userId: string;
      account: Actor;
      keys: LoginKeys;
      rules: StaffRules;
      now: Date;
      session: { tokenHash: string; csrfToken: string; expiresAt: string };
    },
  ) => {
    const lockedUntil = await clearOnSuccess(trx, input);
    if (lockedUntil) return { lockedUntil };
    const at = input.now.toISOString();
    await trx
      .updateTable("staffUsers")
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at })
      .where("id", "=", input.userId)
      .execute();
    await trx
      .insertInto("staffSessions")
      .values({ ...input.session, userId: input.userId, createdAt: at, lastSeenAt: at })
      .execute();
    await audit(trx, input.account, { action: "staff.login", ward: input.account.ward }, input.now);
    // Sessions that ended long ago are no use to anyone: remove them as new ones begin.
    await trx.deleteFrom("staffSessions").where("expiresAt", "<", at).execute();
    return { lockedUntil: null };
  },
);

export interface LoginResult {
  session: StaffSession;
  /** The cookie's value: the only copy of the token. */
  token: string;
}

const lockedError = (lockedUntil: string, now: Date) =>
  new AppError("staff.locked", { retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000)) });

/**
 * Checks a login from a client address. Unknown names, wrong passwords and disabled accounts all
 * answer the same `staff.login_failed` after a password hash of the same cost; the lock
 * (lockout.ts) counts names, not accounts, so an unknown name locks exactly as a real one.
 */
export async function login(
  database: Database,
  rules: StaffRules,
  loginName: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<LoginResult> {
  const name = loginName.trim().toLowerCase();
  const keys = loginKeys(name, address);
  const user = await database.db.selectFrom("staffUsers").selectAll().where("login", "=", name).executeTakeFirst();
  // Only a real account is named in the audit log: an unknown name may be a password typed in the wrong field.
  const account: Actor | null = user ? { userId: user.id, login: user.login, ward: user.wardCode } : null;
  const reserved = await database.write(reserveAttempt, { keys, rules, now, account });
  if (reserved.lockedUntil) throw lockedError(reserved.lockedUntil, now);
  const wait = backoffMs(rules, reserved.failuresAnywhere);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const usable = user !== undefined && user.disabled !== 1;
  const matches = await verifyPassword(password, usable ? user.passwordHash : await decoyHash());
  if (!usable || !matches) {
    const { lockedUntil } = await database.write(recordFailure, { keys, rules, now, account });
    if (lockedUntil) throw lockedError(lockedUntil, now);
    throw new AppError("staff.login_failed");
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + rules.sessionMaxHours * 3_600_000).toISOString();
  const started = await database.write(startSession, {
    userId: user.id,
    account: { userId: user.id, login: user.login, ward: user.wardCode },
    keys,
    rules,
    now,
    session: { tokenHash: tokenHash(token), csrfToken, expiresAt },
  });
  if (started.lockedUntil) throw lockedError(started.lockedUntil, now);
  return {
    token,
    session: {
      user: toStaffUser(user),
      csrfToken,
      idleExpiresAt: new Date(Math.min(now.getTime() + rules.sessionIdleMinutes * 60_000, Date.parse(expiresAt))).toISOString(),
      expiresAt,
      mustChangePassword: user.mustChangePassword === 1,
      permissions: user.readsPersonal === 1 ? ["personal"] : [],
    },
  };
}

const touchSession = defineWrite("staff.touchSession", async (trx, { tokenHash, at }: { tokenHash: string; at: string }) => {
  await trx.updateTable("staffSessions").set({ lastSeenAt: at }).where("tokenHash", "=", tokenHash).execute();
});

const endSession = defineWrite("staff.endSession", async (trx, { tokenHash }: { tokenHash: string }) => {
  await trx.deleteFrom("staffSessions").where("tokenHash", "=", tokenHash).execute();
});

/** The session a cookie's token names, if it is still valid; a use more than a minute after the last one is recorded. */
export async function sessionOf(database: Database, rules: StaffRules, token: string, now = new Date()): Promise<StaffSession | null> {
  const hash = tokenHash(token);
  const row = await database.db
    .selectFrom("staffSessions")
    .innerJoin("staffUsers", "staffUsers.id", "staffSessions.userId")
    .select([
      "staffSessions.csrfToken",
      "staffSessions.lastSeenAt",
      "staffSessions.expiresAt",
      "staffUsers.id",
      "staffUsers.login",
      "staffUsers.displayName",
      "staffUsers.role",
      "staffUsers.wardCode",
      "staffUsers.disabled",
      "staffUsers.mustChangePassword",
      "staffUsers.readsPersonal",
    ])
    .where("staffSessions.tokenHash", "=", hash)
    .executeTakeFirst();
  if (!row || row.disabled === 1) return null;
  const idleEnds = Date.parse(row.lastSeenAt) + rules.sessionIdleMinutes * 60_000;
  if (now.getTime() >= Date.parse(row.expiresAt) || now.getTime() >= idleEnds) {
    await database.write(endSession, { tokenHash: hash });
    return null;
  }
  let lastSeen = Date.parse(row.lastSeenAt);
  if (now.getTime() - lastSeen >= 60_000) {
    await database.write(touchSession, { tokenHash: hash, at: now.toISOString() });
    lastSeen = now.getTime();
  }
  return {
    user: toStaffUser(row),
    csrfToken: row.csrfToken,
    idleExpiresAt: new Date(Math.min(lastSeen + rules.sessionIdleMinutes * 60_000, Date.parse(row.expiresAt))).toISOString(),
    expiresAt: row.expiresAt,
    mustChangePassword: row.mustChangePassword === 1,
    permissions: row.readsPersonal === 1 ? ["personal"] : [],
  };
}

export function logout(database: Database, token: string): Promise<void> {
  return database.write(endSession, { tokenHash: tokenHash(token) });
}
