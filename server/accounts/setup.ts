/**
 * The first run: while no staff account exists, each start makes a one-time setup link (replacing
 * the one before) with which the first city administrator chooses a login and a password in the
 * browser. Using it makes that account only if there is still none, under the accounts lock, so
 * racing uses (or instances) make exactly one.
 */
import type { Transaction } from "kysely";
import type { SetupInput } from "../../shared/accounts/schemas";
import type { Database } from "../platform/db/database";
import { takeStartLock } from "../platform/db/lock";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";
import { audit } from "./audit";
import { accountsLock } from "./manage";
import { hashPassword } from "./passwords";
import { claimLink, newLinkToken, replaceLink } from "./tokens";
import { insertUser } from "./users";

type Dialect = Database["dialect"];

const anyAccount = async (trx: Transaction<DB>) =>
  (await trx.selectFrom("staffUsers").select("id").limit(1).executeTakeFirst()) !== undefined;

const makeSetupLink = defineWrite("staff.setupLink", async (trx, { dialect, now }: { dialect: Dialect; now: Date }) => {
  await takeStartLock(trx as Transaction<unknown>, dialect, accountsLock);
  if (await anyAccount(trx)) {
    await trx.deleteFrom("staffTokens").where("purpose", "=", "setup").execute();
    return null;
  }
  const { token, row } = newLinkToken("setup", null, now);
  await replaceLink(trx, row);
  return { token, expiresAt: row.expiresAt };
});

/** At start: the setup link's token when no staff account exists (null otherwise, and any old setup link is gone). */
export function prepareSetupLink(database: Database, now = new Date()): Promise<{ token: string; expiresAt: string } | null> {
  return database.write(makeSetupLink, { dialect: database.dialect, now });
}

const setup = defineWrite(
  "staff.setup",
  async (
    trx,
    { input, passwordHash, dialect, now }: { input: Omit<SetupInput, "password">; passwordHash: string; dialect: Dialect; now: Date },
  ) => {
    await takeStartLock(trx as Transaction<unknown>, dialect, accountsLock);
    await claimLink(trx, "setup", input.token, now);
    if (await anyAccount(trx)) throw new AppError("staff.link_invalid");
    const user = { login: input.login, displayName: input.displayName, role: "city_admin" as const, ward: null };
    const id = await insertUser(trx, { ...user, passwordHash, mustChangePassword: false, readsPersonal: true }, now);
    await audit(
      trx,
      { userId: id, login: user.login, ward: null },
      { action: "staff.setup", ward: null, target: id, details: { login: user.login, role: user.role } },
    );
    return id;
  },
);

/** Makes the first city administrator with the setup link's token; `staff.link_invalid` once any account exists. */
export async function setupFirstAdmin(database: Database, input: SetupInput, now = new Date()): Promise<string> {
  const { password, ...rest } = input;
  const passwordHash = await hashPassword(password);
  return database.write(setup, { input: rest, passwordHash, dialect: database.dialect, now });
}
