/**
 * How many 町会 join requests wait for the ward: those still marked new (neither contacted nor done).
 * A number only, never a request's contents; shown on the console's home and on the inbox's tab.
 * Ward staff count their ward; a city administrator one named ward, or every ward.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { mayActFor } from "../../accounts/access";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";

export async function newJoinRequests(database: Database, user: StaffUser, ward: string | undefined): Promise<number> {
  const scope = ward ?? user.ward;
  if (scope !== null && !mayActFor(user, scope)) throw new AppError("staff.forbidden", { ward: scope });
  let query = database.db
    .selectFrom("joinRequests")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("status", "=", "new");
  if (scope !== null) query = query.where("wardCode", "=", scope);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}
