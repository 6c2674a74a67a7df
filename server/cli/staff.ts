/**
 * `npm run staff -- <command>`: staff accounts from the command line, e.g. the first administrator.
 *   add --login city.admin --name "大阪市 管理者" --role city_admin
 *   add --login kita.tanaka --name "田中" --role ward_staff --ward 27127
 *   list
 *   end-sessions --login kita.tanaka
 * The password comes from STAFF_PASSWORD, or is generated and printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { NewPassword, StaffLogin, StaffRole } from "../../shared/accounts/schemas";
import { wardRecords } from "../../shared/wards/data";
import type { Actor } from "../accounts/access";
import { addStaffUser, endSessionsOf, listStaffUsers } from "../accounts/users";
import { ConfigError, loadConfig } from "../config";
import { databaseOptionsFrom, openDatabase } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { registry } from "../registry";

const usage = `usage: npm run staff -- add --login NAME --name "DISPLAY NAME" --role ward_staff|city_admin [--ward CODE]
       npm run staff -- list
       npm run staff -- end-sessions --login NAME
The password is taken from STAFF_PASSWORD, or generated and printed.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { login: { type: "string" }, name: { type: "string" }, role: { type: "string" }, ward: { type: "string" } },
});
const cli: Actor = { userId: null, login: "cli", ward: null };
const fail = (message: string): never => {
  throw new ConfigError(`${message}\n${usage}`);
};

try {
  const config = loadConfig();
  const command = positionals[0];
  if (command !== "add" && command !== "list" && command !== "end-sessions") fail(`unknown command "${command ?? ""}"`);
  const database = await openDatabase(databaseOptionsFrom(config), registry);
  try {
    if (command === "add") {
      const login = StaffLogin.safeParse(values.login);
      if (!login.success) fail("--login: 3–64 lower-case letters, digits, . _ -");
      const role = StaffRole.safeParse(values.role);
      if (!role.success) fail("--role: ward_staff or city_admin");
      const ward = values.ward ?? null;
      if (role.data === "ward_staff" && !wardRecords.some((w) => w.code === ward)) fail("--ward: a ward code such as 27127 (北区)");
      const generated = !process.env.STAFF_PASSWORD;
      const password = process.env.STAFF_PASSWORD ?? randomBytes(15).toString("base64url");
      if (!NewPassword.safeParse(password).success) fail("STAFF_PASSWORD: at least 12 characters");
      await addStaffUser(
        database,
        { login: login.data as string, displayName: values.name ?? (login.data as string), role: role.data as StaffRole, ward, password },
        cli,
      );
      console.log(`Added ${login.data} (${role.data}${ward ? `, ward ${ward}` : ""}).`);
      if (generated) console.log(`Password (shown once; give it to them safely): ${password}`);
    } else {
      const admin = { id: "cli", login: "cli", displayName: "cli", role: "city_admin" as const, ward: null };
      const users = await listStaffUsers(database, admin);
      if (command === "list") {
        for (const u of users)
          console.log(
            [
              u.login,
              u.role,
              u.ward ?? "all wards",
              `${u.sessions} session(s)`,
              u.disabled && "disabled",
              u.failedLogins > 0 && `${u.failedLogins} failed login(s)`,
            ]
              .filter(Boolean)
              .join("\t"),
          );
      } else {
        const user = users.find((u) => u.login === values.login) ?? fail(`no account "${values.login ?? ""}"`);
        console.log(`Ended ${await endSessionsOf(database, user.id, cli)} session(s) of ${user.login}.`);
      }
    }
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) console.error(`${error.code}: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
}
