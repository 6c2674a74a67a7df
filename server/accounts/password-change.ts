/**
 * A staff member's own password: changed with the current one (a temporary password must be changed
 * so at first login), or set with a reset link. Either ends the account's other sessions and is
 * audited as `staff.password_changed`, never with the password.
 */
import type { Transaction } from "kysely";
import type { Database } from "../platform/db/database";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";
import { audit } from "./audit";
import { loginKeys } from "./lockout";
import { hashPassword, verifyPassword } from "./passwords";
import { claimLink, tokenDigest } from "./tokens";

async function setPassword(trx: Transaction<DB>, userId: string, passwordHash: string, keepSession: string | null) {
  await trx
    .updateTable("staffUsers")
    .set({ passwordHash, mustChangePassword: 0, failedLogins: 0, lockedUntil: null })
    .where("id", "=", userId)
    .execute();
  let others = trx.deleteFrom("staffSessions").where("userId", "=", userId);
  if (keepSession) others = others.where("tokenHash", "!=", keepSession);
  return Number((await others.executeTakeFirst()).numDeletedRows);
}

const changeOwnPassword = defineWrite(
  "staff.changePassword",
  async (trx, { userId, passwordHash, session }: { userId: string; passwordHash: string; session: string }) => {
    const user = await trx.selectFrom("staffUsers").select(["id", "login", "wardCode"]).where("id", "=", userId).executeTakeFirstOrThrow();
    const sessions = await setPassword(trx, userId, passwordHash, session);
    await audit(
      trx,
      { userId, login: user.login, ward: user.wardCode },
      {
        action: "staff.password_changed",
        ward: user.wardCode,
        target: userId,
        details: { login: user.login, via: "change", otherSessionsEnded: sessions },
      },
    );
  },
);

/** Changes the logged-in staff member's password; the session it is asked from stays, the others end. */
export async function changePassword(
  database: Database,
  userId: string,
  sessionToken: string,
  current: string,
  next: string,
): Promise<void> {
  const row = await database.db.selectFrom("staffUsers").select("passwordHash").where("id", "=", userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, row.passwordHash))) throw new AppError("staff.password_wrong");
  if (current.normalize("NFC") === next.normalize("NFC")) throw new AppError("staff.password_same");
  const passwordHash = await hashPassword(next);
  await database.write(changeOwnPassword, { userId, passwordHash, session: tokenDigest(sessionToken) });
}

const resetWithLink = defineWrite(
  "staff.resetPassword",
  async (trx, { token, passwordHash, now }: { token: string; passwordHash: string; now: Date }) => {
    const link = await claimLink(trx, "reset", token, now);
    const user = await trx
      .selectFrom("staffUsers")
      .select(["id", "login", "wardCode"])
      .where("id", "=", link.userId as string)
      .executeTakeFirstOrThrow();
    const sessions = await setPassword(trx, user.id, passwordHash, null);
    // The name's back-off counts failures from anywhere: forgotten with the old password.
    await trx.deleteFrom("loginAttempts").where("key", "=", loginKeys(user.login, "").anywhere).execute();
    await audit(
      trx,
      { userId: user.id, login: user.login, ward: user.wardCode },
      {
        action: "staff.password_changed",
        ward: user.wardCode,
        target: user.id,
        details: { login: user.login, via: "reset_link", sessionsEnded: sessions },
      },
    );
    return { login: user.login };
  },
);

/** Sets a password with a reset link's token (once); every session of the account ends. Answers the account's login name. */
export async function resetPassword(database: Database, token: string, password: string, now = new Date()): Promise<{ login: string }> {
  const passwordHash = await hashPassword(password);
  return database.write(resetWithLink, { token, passwordHash, now });
}
