/**
 * Staff accounts and sessions. A login checks the password (scrypt, off the event loop), counts
 * failures towards a temporary lockout, and starts a session: a random token in an HttpOnly cookie,
 * stored only as its hash, with a CSRF token, an idle timeout and an absolute lifetime. Knows
 * nothing of HTTP.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { StaffRole, StaffSession, StaffUser } from "../../shared/accounts/schemas";
import type { StaffRules } from "../config";
import type { Database } from "../platform/db/database";
import type { DB, StaffUserTable } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";
import { decoyHash, hashPassword, verifyPassword } from "./passwords";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export function toStaffUser(row: Pick<StaffUserTable, "id" | "login" | "displayName" | "role" | "wardCode">): StaffUser {
  return { id: row.id, login: row.login, displayName: row.displayName, role: row.role, ward: row.wardCode };
}

/** Who is acting, for the audit log. */
export interface Actor {
  userId: string | null;
  login: string;
  ward: string | null;
}

export interface AuditEntry {
  action: string;
  /** The ward the action concerns (null: city-wide). */
  ward: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Records a staff action, in the transaction of the action itself. */
export async function audit(trx: Transaction<DB>, actor: Actor, entry: AuditEntry, now = new Date()): Promise<void> {
  await trx
    .insertInto("auditLog")
    .values({
      id: randomUUID(),
      at: now.toISOString(),
      userId: actor.userId,
      login: actor.login,
      wardCode: entry.ward,
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface NewStaffUser {
  login: string;
  displayName: string;
  role: StaffRole;
  ward: string | null;
  password: string;
}

const insertStaffUser = defineWrite(
  "staff.addUser",
  async (trx, { user, passwordHash, actor }: { user: Omit<NewStaffUser, "password">; passwordHash: string; actor: Actor }) => {
    const existing = await trx.selectFrom("staffUsers").select("id").where("login", "=", user.login).executeTakeFirst();
    if (existing) throw new AppError("staff.login_taken", { login: user.login });
    const id = randomUUID();
    await trx
      .insertInto("staffUsers")
      .values({
        id,
        login: user.login,
        displayName: user.displayName,
        role: user.role,
        wardCode: user.role === "city_admin" ? null : user.ward,
        passwordHash,
        failedLogins: 0,
        lockedUntil: null,
        disabled: 0,
        createdAt: new Date().toISOString(),
      })
      .execute();
    await audit(trx, actor, { action: "staff.add_user", ward: user.ward, target: id, details: { login: user.login, role: user.role } });
    return id;
  },
);

export async function addStaffUser(database: Database, user: NewStaffUser, actor: Actor): Promise<string> {
  if (user.role === "ward_staff" && !user.ward) throw new AppError("request.invalid", { reason: "a ward_staff account needs its ward" });
  const passwordHash = await hashPassword(user.password);
  const { password: _, ...rest } = user;
  return database.write(insertStaffUser, { user: rest, passwordHash, actor });
}

const recordLogin = defineWrite(
  "staff.recordLogin",
  async (
    trx,
    input: {
      userId: string;
      ok: boolean;
      rules: StaffRules;
      now: Date;
      session?: { tokenHash: string; csrfToken: string; expiresAt: string };
    },
  ) => {
    if (!input.ok) {
      const row = await trx.selectFrom("staffUsers").select("failedLogins").where("id", "=", input.userId).executeTakeFirstOrThrow();
      const failed = row.failedLogins + 1;
      const lock = failed >= input.rules.lockoutAfter;
      await trx
        .updateTable("staffUsers")
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(input.now.getTime() + input.rules.lockoutMinutes * 60_000).toISOString() : null,
        })
        .where("id", "=", input.userId)
        .execute();
      return { locked: lock };
    }
    await trx.updateTable("staffUsers").set({ failedLogins: 0, lockedUntil: null }).where("id", "=", input.userId).execute();
    if (input.session) {
      const at = input.now.toISOString();
      await trx
        .insertInto("staffSessions")
        .values({ ...input.session, userId: input.userId, createdAt: at, lastSeenAt: at })
        .execute();
      // Sessions that ended long ago are no use to anyone: remove them as new ones begin.
      await trx.deleteFrom("staffSessions").where("expiresAt", "<", at).execute();
    }
    return { locked: false };
  },
);

export interface LoginResult {
  session: StaffSession;
  /** The cookie's value: the only copy of the token. */
  token: string;
}

/**
 * Checks a login. Unknown names, wrong passwords and disabled accounts all answer the same
 * `staff.login_failed`, in about the same time; only an account locked by failures says so.
 */
export async function login(
  database: Database,
  rules: StaffRules,
  loginName: string,
  password: string,
  now = new Date(),
): Promise<LoginResult> {
  const user = await database.db
    .selectFrom("staffUsers")
    .selectAll()
    .where("login", "=", loginName.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || user.disabled === 1) {
    await verifyPassword(password, await decoyHash());
    throw new AppError("staff.login_failed");
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    throw new AppError("staff.locked", { retryAfterSeconds: Math.ceil((Date.parse(user.lockedUntil) - now.getTime()) / 1000) });
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const { locked } = await database.write(recordLogin, { userId: user.id, ok: false, rules, now });
    if (locked) throw new AppError("staff.locked", { retryAfterSeconds: rules.lockoutMinutes * 60 });
    throw new AppError("staff.login_failed");
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + rules.sessionMaxHours * 3_600_000).toISOString();
  await database.write(recordLogin, {
    userId: user.id,
    ok: true,
    rules,
    now,
    session: { tokenHash: tokenHash(token), csrfToken, expiresAt },
  });
  return {
    token,
    session: {
      user: toStaffUser(user),
      csrfToken,
      idleExpiresAt: new Date(Math.min(now.getTime() + rules.sessionIdleMinutes * 60_000, Date.parse(expiresAt))).toISOString(),
      expiresAt,
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
  };
}

export function logout(database: Database, token: string): Promise<void> {
  return database.write(endSession, { tokenHash: tokenHash(token) });
}

const endUserSessions = defineWrite("staff.endUserSessions", async (trx, { userId, actor }: { userId: string; actor: Actor }) => {
  const user = await trx.selectFrom("staffUsers").select(["id", "login", "wardCode"]).where("id", "=", userId).executeTakeFirst();
  if (!user) throw new AppError("staff.user_not_found", { user: userId });
  const ended = await trx.deleteFrom("staffSessions").where("userId", "=", userId).executeTakeFirst();
  const count = Number(ended.numDeletedRows);
  await audit(trx, actor, {
    action: "staff.end_sessions",
    ward: user.wardCode,
    target: userId,
    details: { login: user.login, sessions: count },
  });
  return count;
});

/** Ends every session of a user at once (an administrator's action, e.g. for a lost laptop). */
export function endSessionsOf(database: Database, userId: string, actor: Actor): Promise<number> {
  return database.write(endUserSessions, { userId, actor });
}

/** The accounts an actor may see: all for a city administrator, their ward's for ward staff. */
export async function listStaffUsers(
  database: Database,
  viewer: StaffUser,
): Promise<(StaffUser & { locked: boolean; sessions: number })[]> {
  let query = database.db
    .selectFrom("staffUsers")
    .leftJoin("staffSessions", "staffSessions.userId", "staffUsers.id")
    .select((eb) => [
      "staffUsers.id",
      "staffUsers.login",
      "staffUsers.displayName",
      "staffUsers.role",
      "staffUsers.wardCode",
      "staffUsers.lockedUntil",
      eb.fn.count<number>("staffSessions.tokenHash").as("sessions"),
    ])
    .groupBy([
      "staffUsers.id",
      "staffUsers.login",
      "staffUsers.displayName",
      "staffUsers.role",
      "staffUsers.wardCode",
      "staffUsers.lockedUntil",
    ])
    .orderBy("staffUsers.login");
  if (viewer.role !== "city_admin") query = query.where("staffUsers.wardCode", "=", viewer.ward);
  const now = Date.now();
  return (await query.execute()).map((row) => ({
    ...toStaffUser(row),
    locked: row.lockedUntil !== null && Date.parse(row.lockedUntil) > now,
    sessions: Number(row.sessions),
  }));
}

/** Whether a staff member may see and change a ward's data (null: the city's own surveys, an administrator's). */
export function mayActFor(user: StaffUser, ward: string | null): boolean {
  return user.role === "city_admin" || (ward !== null && user.ward === ward);
}

/** The ward a request concerns: the one it names, else the staff member's own (an administrator must name one). */
export function wardFor(user: StaffUser, named: string | undefined): string {
  const ward = named ?? user.ward;
  if (!ward) throw new AppError("request.invalid", { reason: "name the ward (?ward=27127)" });
  return ward;
}

export const actorOf = (user: StaffUser): Actor => ({ userId: user.id, login: user.login, ward: user.ward });
