/** Staff accounts: making one (from the command line, the console or the first run), listing those an actor may see, and ending every session of one. */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { StaffAccount, StaffRole, StaffUser } from "../../shared/accounts/schemas";
import type { Database } from "../platform/db/database";
import type { DB, StaffUserTable } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";
import type { Actor } from "./access";
import { audit } from "./audit";
import { loginKeys } from "./lockout";
import { hashPassword } from "./passwords";
import { temporaryPassword } from "./tokens";

export function toStaffUser(row: Pick<StaffUserTable, "id" | "login" | "displayName" | "role" | "wardCode">): StaffUser {
  return { id: row.id, login: row.login, displayName: row.displayName, role: row.role, ward: row.wardCode };
}

export interface NewStaffUser {
  login: string;
  displayName: string;
  role: StaffRole;
  ward: string | null;
  password: string;
}

type StoredUser = Omit<NewStaffUser, "password"> & { passwordHash: string; mustChangePassword: boolean; readsPersonal?: boolean };

/** Stores a new account (its login must be free); answers its id. Callers audit it. */
export async function insertUser(trx: Transaction<DB>, user: StoredUser, now: Date): Promise<string> {
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
      passwordHash: user.passwordHash,
      failedLogins: 0,
      lockedUntil: null,
      disabled: 0,
      createdAt: now.toISOString(),
      mustChangePassword: user.mustChangePassword ? 1 : 0,
      lastLoginAt: null,
      readsPersonal: user.readsPersonal ? 1 : 0,
    })
    .execute();
  return id;
}

const createUser = defineWrite("staff.addUser", async (trx, { user, actor }: { user: StoredUser; actor: Actor }) => {
  const id = await insertUser(trx, user, new Date());
  await audit(trx, actor, {
    action: "staff.create_user",
    ward: user.role === "city_admin" ? null : user.ward,
    target: id,
    details: { login: user.login, role: user.role, ward: user.role === "city_admin" ? null : user.ward },
  });
  return id;
});

/** Adds an account with a chosen password (`npm run staff -- add`). */
export async function addStaffUser(database: Database, user: NewStaffUser, actor: Actor): Promise<string> {
  if (user.role === "ward_staff" && !user.ward) throw new AppError("request.invalid", { reason: "a ward_staff account needs its ward" });
  const passwordHash = await hashPassword(user.password);
  const { password: _, ...rest } = user;
  return database.write(createUser, { user: { ...rest, passwordHash, mustChangePassword: false }, actor });
}

/**
 * Makes an account in the console: its temporary password is answered once (the administrator
 * hands it over) and must be changed at the account's first login.
 */
export async function createStaffUser(
  database: Database,
  user: Omit<NewStaffUser, "password">,
  actor: Actor,
): Promise<{ user: StaffUser; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const id = await database.write(createUser, { user: { ...user, passwordHash, mustChangePassword: true }, actor });
  return {
    user: toStaffUser({
      id,
      login: user.login,
      displayName: user.displayName,
      role: user.role,
      wardCode: user.role === "city_admin" ? null : user.ward,
    }),
    temporaryPassword: password,
  };
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
export async function listStaffUsers(database: Database, viewer: StaffUser): Promise<StaffAccount[]> {
  const columns = [
    "staffUsers.id",
    "staffUsers.login",
    "staffUsers.displayName",
    "staffUsers.role",
    "staffUsers.wardCode",
    "staffUsers.disabled",
    "staffUsers.mustChangePassword",
    "staffUsers.readsPersonal",
    "staffUsers.lastLoginAt",
  ] as const;
  let query = database.db
    .selectFrom("staffUsers")
    .leftJoin("staffSessions", "staffSessions.userId", "staffUsers.id")
    .select((eb) => [...columns, eb.fn.count<number>("staffSessions.tokenHash").as("sessions")])
    .groupBy([...columns])
    .orderBy("staffUsers.login");
  if (viewer.role !== "city_admin") query = query.where("staffUsers.wardCode", "=", viewer.ward);
  const rows = await query.execute();
  // The back-off's count per name (server/accounts/lockout.ts), keyed by a hash: looked up, never listed.
  const keys = new Map(rows.map((row) => [loginKeys(row.login, "").anywhere, row.login]));
  const failures = new Map<string, number>();
  if (keys.size > 0) {
    const counted = await database.db
      .selectFrom("loginAttempts")
      .select(["key", "failures"])
      .where("key", "in", [...keys.keys()])
      .execute();
    for (const row of counted) failures.set(keys.get(row.key) as string, row.failures);
  }
  return rows.map((row) => ({
    ...toStaffUser(row),
    failedLogins: failures.get(row.login) ?? 0,
    sessions: Number(row.sessions),
    disabled: row.disabled === 1,
    mustChangePassword: row.mustChangePassword === 1,
    readsPersonal: row.readsPersonal === 1,
    lastLoginAt: row.lastLoginAt,
  }));
}
