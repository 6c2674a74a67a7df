/**
 * A city administrator's changes to an account: its role and ward, disabling and enabling it, and a
 * password reset link. Each ends the account's sessions where it must and is audited in its own
 * transaction. The city keeps at least one enabled administrator: the changes that take one away
 * run one at a time under a lock (PostgreSQL; SQLite's writer is one already) and count the others.
 */
import type { Transaction } from "kysely";
import type { StaffUser, StaffUserChange } from "../../shared/accounts/schemas";
import type { Database } from "../platform/db/database";
import { takeStartLock } from "../platform/db/lock";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";
import type { Actor } from "./access";
import { audit } from "./audit";
import { newLinkToken, replaceLink } from "./tokens";
import { toStaffUser } from "./users";

type Dialect = Database["dialect"];
/** The lock every change that could leave the city without an administrator takes (and the first run's setup). */
export const accountsLock = "staff-accounts";

async function accountOf(trx: Transaction<DB>, userId: string) {
  const user = await trx.selectFrom("staffUsers").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) throw new AppError("staff.user_not_found", { user: userId });
  return user;
}

/** Refuses a change that would take the last enabled city administrator away, or an administrator's own. */
async function keepAnAdministrator(trx: Transaction<DB>, user: { id: string; role: string; disabled: number }, actor: Actor) {
  if (user.id === actor.userId) throw new AppError("staff.not_yourself");
  if (user.role !== "city_admin" || user.disabled === 1) return;
  const others = await trx
    .selectFrom("staffUsers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "city_admin")
    .where("disabled", "=", 0)
    .where("id", "!=", user.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) throw new AppError("staff.last_admin");
}

const endSessions = async (trx: Transaction<DB>, userId: string) =>
  Number((await trx.deleteFrom("staffSessions").where("userId", "=", userId).executeTakeFirst()).numDeletedRows);

const updateUser = defineWrite(
  "staff.updateUser",
  async (trx, { userId, change, actor, dialect }: { userId: string; change: StaffUserChange; actor: Actor; dialect: Dialect }) => {
    await takeStartLock(trx as Transaction<unknown>, dialect, accountsLock);
    const user = await accountOf(trx, userId);
    const ward = change.role === "city_admin" ? null : change.ward;
    if (user.role === "city_admin" && change.role !== "city_admin") await keepAnAdministrator(trx, user, actor);
    await trx.updateTable("staffUsers").set({ role: change.role, wardCode: ward }).where("id", "=", userId).execute();
    // What the account may see changed: its open sessions carry the old role, so they end.
    const sessions = await endSessions(trx, userId);
    await audit(trx, actor, {
      action: "staff.update_user",
      ward: ward ?? user.wardCode,
      target: userId,
      details: { login: user.login, before: { role: user.role, ward: user.wardCode }, after: { role: change.role, ward }, sessions },
    });
    return toStaffUser({ ...user, role: change.role, wardCode: ward });
  },
);

export function updateStaffUser(database: Database, userId: string, change: StaffUserChange, actor: Actor): Promise<StaffUser> {
  return database.write(updateUser, { userId, change, actor, dialect: database.dialect });
}

const setDisabled = defineWrite(
  "staff.setDisabled",
  async (trx, { userId, disabled, actor, dialect }: { userId: string; disabled: boolean; actor: Actor; dialect: Dialect }) => {
    await takeStartLock(trx as Transaction<unknown>, dialect, accountsLock);
    const user = await accountOf(trx, userId);
    if (disabled) await keepAnAdministrator(trx, user, actor);
    await trx
      .updateTable("staffUsers")
      .set({ disabled: disabled ? 1 : 0 })
      .where("id", "=", userId)
      .execute();
    const sessions = disabled ? await endSessions(trx, userId) : 0;
    await audit(trx, actor, {
      action: disabled ? "staff.disable_user" : "staff.enable_user",
      ward: user.wardCode,
      target: userId,
      details: { login: user.login, ...(disabled ? { sessions } : {}) },
    });
    return toStaffUser(user);
  },
);

/** Disables an account (its sessions end, and its login answers as a wrong password does) or enables it again. */
export function setStaffUserDisabled(database: Database, userId: string, disabled: boolean, actor: Actor): Promise<StaffUser> {
  return database.write(setDisabled, { userId, disabled, actor, dialect: database.dialect });
}

const setPersonal = defineWrite(
  "staff.setPersonal",
  async (trx, { userId, allowed, actor }: { userId: string; allowed: boolean; actor: Actor }) => {
    const user = await accountOf(trx, userId);
    await trx
      .updateTable("staffUsers")
      .set({ readsPersonal: allowed ? 1 : 0 })
      .where("id", "=", userId)
      .execute();
    await audit(trx, actor, {
      action: allowed ? "staff.grant_personal" : "staff.revoke_personal",
      ward: user.wardCode,
      target: userId,
      details: { login: user.login },
    });
    return toStaffUser(user);
  },
);

/** Gives an account the permission to read free-text answers and 町会 join requests, or takes it away (at once: sessions read it each request). */
export function setPersonalPermission(database: Database, userId: string, allowed: boolean, actor: Actor): Promise<StaffUser> {
  return database.write(setPersonal, { userId, allowed, actor });
}

const makeResetLink = defineWrite("staff.resetLink", async (trx, { userId, actor, now }: { userId: string; actor: Actor; now: Date }) => {
  const user = await accountOf(trx, userId);
  const { token, row } = newLinkToken("reset", userId, now);
  await replaceLink(trx, row);
  await audit(trx, actor, {
    action: "staff.reset_link",
    ward: user.wardCode,
    target: userId,
    details: { login: user.login, expiresAt: row.expiresAt },
  });
  return { path: `/staff/reset#token=${token}`, expiresAt: row.expiresAt };
});

/** A one-time link with which the account sets a new password (24 h; a newer link replaces it). Answered once. */
export function resetLinkFor(
  database: Database,
  userId: string,
  actor: Actor,
  now = new Date(),
): Promise<{ path: string; expiresAt: string }> {
  return database.write(makeResetLink, { userId, actor, now });
}
