/** Staff accounts: adding one, listing those an actor may see, and ending every session of one. */
import { randomUUID } from "node:crypto";
import type { StaffRole, StaffUser } from "../../shared/accounts/schemas";
import type { Database } from "../platform/db/database";
import type { StaffUserTable } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";
import type { Actor } from "./access";
import { audit } from "./audit";
import { hashPassword } from "./passwords";

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
