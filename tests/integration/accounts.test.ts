/**
 * Staff accounts through their life, on each dialect: the first run's setup link, accounts made in
 * the console with a temporary password that must be changed (enforced by the server), role and
 * ward changes, disabling, reset links, the last administrator kept under concurrent attempts, and
 * the audit row each action leaves.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareSetupLink } from "../../server/accounts/setup";
import type { Database } from "../../server/platform/db/database";
import { StaffAccount, StaffSession } from "../../shared/accounts/schemas";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards } from "../helpers/rows";
import { insertStaff, jsonClient, staffPassword } from "../helpers/staff";

type Headers = Record<string, string>;

describe.each(dialects)("staff accounts", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    let request: ReturnType<typeof jsonClient>["request"];

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database);
      request = jsonClient(app).request;
      await insertWards(database, "27127", "27128");
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    /** Logs in with a password: the headers a browser then sends, and the session; throws on a refusal. */
    const login = async (name: string, password = staffPassword) => {
      const response = await request("POST", "/api/staff/login", {}, { login: name, password });
      if (response.status !== 200) throw new Error(`login as ${name}: ${response.status} ${await response.text()}`);
      const session = StaffSession.parse(await response.json());
      const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
      return { session, headers: { cookie, "x-csrf-token": session.csrfToken } as Headers };
    };
    const auditRows = (action: string) => database.db.selectFrom("auditLog").selectAll().where("action", "=", action).execute();
    const accounts = async (headers: Headers) =>
      ((await (await request("GET", "/api/staff/users", headers)).json()) as { users: unknown[] }).users.map((u) => StaffAccount.parse(u));
    const idOf = async (login: string) =>
      (await database.db.selectFrom("staffUsers").select("id").where("login", "=", login).executeTakeFirstOrThrow()).id;
    const enabledAdmins = async () =>
      (await database.db.selectFrom("staffUsers").select("login").where("role", "=", "city_admin").where("disabled", "=", 0).execute()).map(
        (u) => u.login,
      );

    describe("the first run", () => {
      const setupBody = (token: string, login = "city.first") => ({
        token,
        login,
        displayName: "最初の管理者",
        password: "a long first password",
      });

      it("makes exactly one city administrator from 20 concurrent uses of the setup link, then refuses it", async () => {
        const link = await prepareSetupLink(database);
        expect(link?.token).toMatch(/^[\w-]{43}$/);
        const stored = await database.db.selectFrom("staffTokens").selectAll().execute();
        expect(stored).toHaveLength(1);
        expect(stored[0]?.tokenHash).not.toContain(link?.token);

        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) => request("POST", "/api/staff/setup", {}, setupBody(link?.token as string, `city.first${i}`))),
        );
        expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
        for (const refused of answers.filter((r) => r.status !== 201)) await expectErrorResponse(refused, "staff.link_invalid");
        const users = await database.db.selectFrom("staffUsers").selectAll().execute();
        expect(users).toHaveLength(1);
        expect(users[0]).toMatchObject({ role: "city_admin", wardCode: null, mustChangePassword: 0, displayName: "最初の管理者" });

        const made = users[0]?.login as string;
        const { session } = await login(made, "a long first password");
        expect(session.user.role).toBe("city_admin");
        const audited = await auditRows("staff.setup");
        expect(audited).toHaveLength(1);
        expect(audited[0]?.details).not.toContain("a long first password");
        expect(audited[0]?.details).not.toContain(link?.token);
        await expectErrorResponse(await request("POST", "/api/staff/setup", {}, setupBody(link?.token as string)), "staff.link_invalid");
        // Once an account exists, a start makes no link and removes none it made before.
        expect(await prepareSetupLink(database)).toBeNull();
        expect(await database.db.selectFrom("staffTokens").selectAll().execute()).toEqual([]);
      });

      it("refuses a wrong token, and an older link once a start has made a new one", async () => {
        const first = await prepareSetupLink(database);
        const second = await prepareSetupLink(database);
        await expectErrorResponse(await request("POST", "/api/staff/setup", {}, setupBody(first?.token as string)), "staff.link_invalid");
        await expectErrorResponse(await request("POST", "/api/staff/setup", {}, setupBody("x".repeat(43))), "staff.link_invalid");
        expect((await request("POST", "/api/staff/setup", {}, setupBody(second?.token as string))).status).toBe(201);
      });

      it("refuses the setup link when an account was made otherwise (npm run staff)", async () => {
        const link = await prepareSetupLink(database);
        await insertStaff(database, ["city.admin"]);
        await expectErrorResponse(await request("POST", "/api/staff/setup", {}, setupBody(link?.token as string)), "staff.link_invalid");
        expect(await database.db.selectFrom("staffUsers").select("login").execute()).toEqual([{ login: "city.admin" }]);
      });
    });

    describe("with accounts", () => {
      beforeEach(async () => {
        await insertStaff(database);
      });

      const create = (headers: Headers, login: string, role = "ward_staff", ward: string | null = "27127") =>
        request("POST", "/api/staff/users", headers, { login, displayName: `${login} 様`, role, ward });

      it("refuses every account-changing route to ward staff", async () => {
        const { headers } = await login("kita.staff");
        const target = await idOf("kita.staff");
        const tries: [string, string, unknown][] = [
          ["POST", "/api/staff/users", { login: "kita.new", displayName: "新人", role: "ward_staff", ward: "27127" }],
          ["PATCH", `/api/staff/users/${target}`, { role: "city_admin", ward: null }],
          ["POST", `/api/staff/users/${target}/disable`, {}],
          ["POST", `/api/staff/users/${target}/enable`, {}],
          ["POST", `/api/staff/users/${target}/reset-link`, {}],
          ["POST", `/api/staff/users/${target}/end-sessions`, {}],
        ];
        for (const [method, path, body] of tries) await expectErrorResponse(await request(method, path, headers, body), "staff.forbidden");
        expect(await database.db.selectFrom("staffUsers").select("login").orderBy("login").execute()).toHaveLength(3);
        expect(await database.db.selectFrom("staffTokens").selectAll().execute()).toEqual([]);
        expect((await database.db.selectFrom("staffUsers").select("role").where("id", "=", target).executeTakeFirstOrThrow()).role).toBe(
          "ward_staff",
        );
      });

      it("shows ward staff only their ward's accounts, and an administrator all of them", async () => {
        expect((await accounts((await login("kita.staff")).headers)).map((u) => u.login)).toEqual(["kita.staff"]);
        expect((await accounts((await login("city.admin")).headers)).map((u) => u.login)).toEqual([
          "chuo.staff",
          "city.admin",
          "kita.staff",
        ]);
      });

      it("makes an account whose temporary password must be changed before any other staff route answers", async () => {
        const admin = await login("city.admin");
        const made = await create(admin.headers, "kita.new");
        expect(made.status).toBe(201);
        const { temporaryPassword, user } = (await made.json()) as { temporaryPassword: string; user: { id: string; ward: string } };
        expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
        expect(user.ward).toBe("27127");
        await expectErrorResponse(await create(admin.headers, "kita.new"), "staff.login_taken");
        await expectErrorResponse(await create(admin.headers, "kita.noward", "ward_staff", null), "request.invalid");

        const other = await login("kita.new", temporaryPassword);
        const first = await login("kita.new", temporaryPassword);
        expect(first.session.mustChangePassword).toBe(true);
        await expectErrorResponse(await request("GET", "/api/staff/surveys", first.headers), "staff.password_change_required");
        await expectErrorResponse(await request("GET", "/api/staff/users", first.headers), "staff.password_change_required");
        expect((await request("GET", "/api/staff/session", first.headers)).status).toBe(200);

        const change = (current: string, next: string) => request("POST", "/api/staff/password", first.headers, { current, next });
        await expectErrorResponse(await change("not the password", "a brand new password"), "staff.password_wrong");
        await expectErrorResponse(await change(temporaryPassword, temporaryPassword), "staff.password_same");
        await expectErrorResponse(await change(temporaryPassword, "short"), "request.invalid");
        expect((await change(temporaryPassword, "a brand new password")).status).toBe(204);

        expect((await request("GET", "/api/staff/surveys", first.headers)).status).toBe(200);
        await expectErrorResponse(await request("GET", "/api/staff/session", other.headers), "staff.unauthenticated");
        expect((await login("kita.new", "a brand new password")).session.mustChangePassword).toBe(false);
        const listed = (await accounts(admin.headers)).find((u) => u.login === "kita.new");
        expect(listed).toMatchObject({ mustChangePassword: false, disabled: false, ward: "27127" });
        expect(Date.parse(listed?.lastLoginAt ?? "")).toBeGreaterThan(Date.now() - 60_000);

        const created = await auditRows("staff.create_user");
        expect(created).toHaveLength(1);
        expect(JSON.parse(created[0]?.details ?? "{}")).toEqual({ login: "kita.new", role: "ward_staff", ward: "27127" });
        const changed = await auditRows("staff.password_changed");
        expect(changed.map((row) => row.login)).toEqual(["kita.new"]);
        for (const row of [...created, ...changed]) {
          expect(row.details).not.toContain(temporaryPassword);
          expect(row.details).not.toContain("a brand new password");
        }
      });

      it("refuses a disabled account's login exactly as a wrong password, ends its sessions, and lets it in again once enabled", async () => {
        const admin = await login("city.admin");
        const kita = await login("kita.staff");
        const id = await idOf("kita.staff");
        expect((await request("POST", `/api/staff/users/${id}/disable`, admin.headers)).status).toBe(200);
        await expectErrorResponse(await request("GET", "/api/staff/session", kita.headers), "staff.unauthenticated");

        const wrongPassword = await request("POST", "/api/staff/login", {}, { login: "chuo.staff", password: "not the password" });
        const disabled = await request("POST", "/api/staff/login", {}, { login: "kita.staff", password: staffPassword });
        expect(disabled.status).toBe(wrongPassword.status);
        expect(await disabled.json()).toEqual(await wrongPassword.json());
        expect((await accounts(admin.headers)).find((u) => u.login === "kita.staff")).toMatchObject({ disabled: true, sessions: 0 });

        await expectErrorResponse(
          await request("POST", `/api/staff/users/${await idOf("city.admin")}/disable`, admin.headers),
          "staff.not_yourself",
        );
        expect((await request("POST", `/api/staff/users/${id}/enable`, admin.headers)).status).toBe(200);
        expect((await login("kita.staff")).session.user.login).toBe("kita.staff");
        expect((await auditRows("staff.disable_user")).map((r) => JSON.parse(r.details))).toEqual([{ login: "kita.staff", sessions: 1 }]);
        expect(await auditRows("staff.enable_user")).toHaveLength(1);
      });

      it("changes an account's role and ward, ending its sessions, with the change in the audit log", async () => {
        const admin = await login("city.admin");
        const kita = await login("kita.staff");
        const id = await idOf("kita.staff");
        const moved = await request("PATCH", `/api/staff/users/${id}`, admin.headers, { role: "ward_staff", ward: "27128" });
        expect(moved.status).toBe(200);
        expect(((await moved.json()) as { user: { ward: string } }).user.ward).toBe("27128");
        await expectErrorResponse(await request("GET", "/api/staff/session", kita.headers), "staff.unauthenticated");
        expect((await login("kita.staff")).session.user.ward).toBe("27128");
        const [row] = await auditRows("staff.update_user");
        expect(JSON.parse(row?.details ?? "{}")).toMatchObject({
          before: { role: "ward_staff", ward: "27127" },
          after: { role: "ward_staff", ward: "27128" },
        });
        await expectErrorResponse(
          await request("PATCH", `/api/staff/users/${id}`, admin.headers, { role: "ward_staff", ward: null }),
          "request.invalid",
        );
      });

      it("keeps one enabled city administrator when two try to disable or demote each other 20 times at once", async () => {
        const second = await create((await login("city.admin")).headers, "city.second", "city_admin", null);
        const { temporaryPassword } = (await second.json()) as { temporaryPassword: string };
        const secondLogin = await login("city.second", temporaryPassword);
        await request("POST", "/api/staff/password", secondLogin.headers, { current: temporaryPassword, next: staffPassword });
        const a = await login("city.admin");
        const b = await login("city.second");
        const ids = { a: await idOf("city.admin"), b: await idOf("city.second") };
        const attempts = Array.from({ length: 20 }, (_, i) => {
          const [actor, target] = i % 2 === 0 ? [a, ids.b] : [b, ids.a];
          return i % 4 < 2
            ? request("POST", `/api/staff/users/${target}/disable`, actor.headers)
            : request("PATCH", `/api/staff/users/${target}`, actor.headers, { role: "ward_staff", ward: "27127" });
        });
        const statuses = (await Promise.all(attempts)).map((r) => r.status);
        expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
        expect(statuses.every((s) => [200, 401, 403, 409].includes(s))).toBe(true);
        expect(await enabledAdmins()).toHaveLength(1);

        // The one left cannot be disabled or demoted by anyone, itself included.
        const [last] = await enabledAdmins();
        const lastSession = await login(last as string);
        const lastId = await idOf(last as string);
        await expectErrorResponse(await request("POST", `/api/staff/users/${lastId}/disable`, lastSession.headers), "staff.not_yourself");
        await expectErrorResponse(
          await request("PATCH", `/api/staff/users/${lastId}`, lastSession.headers, { role: "ward_staff", ward: "27127" }),
          "staff.not_yourself",
        );
        expect(await enabledAdmins()).toEqual([last]);
      });

      it("refuses to disable or demote the last enabled administrator, 20 times at once", async () => {
        // A second administrator, disabled: the last enabled one is city.admin, and only another administrator could try.
        const admin = await login("city.admin");
        const made = (await (await create(admin.headers, "city.other", "city_admin", null)).json()) as { temporaryPassword: string };
        const other = await login("city.other", made.temporaryPassword);
        await request("POST", "/api/staff/password", other.headers, { current: made.temporaryPassword, next: staffPassword });
        const otherSession = await login("city.other");
        const adminId = await idOf("city.admin");
        // city.other disables city.admin (allowed: city.other is then the one left), and 19 more attempts race it.
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            i % 2 === 0
              ? request("POST", `/api/staff/users/${adminId}/disable`, otherSession.headers)
              : request("PATCH", `/api/staff/users/${adminId}`, otherSession.headers, { role: "ward_staff", ward: "27128" }),
          ),
        );
        expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(0);
        expect(await enabledAdmins()).toEqual(["city.other"]);
        const otherId = await idOf("city.other");
        const kita = await login("kita.staff");
        await expectErrorResponse(await request("POST", `/api/staff/users/${otherId}/disable`, kita.headers), "staff.forbidden");
        expect(await enabledAdmins()).toEqual(["city.other"]);
      });

      it("resets a password with a one-time link that a newer link replaces, ending every session", async () => {
        const admin = await login("city.admin");
        const kita = await login("kita.staff");
        const id = await idOf("kita.staff");
        const linkOf = async () => {
          const response = await request("POST", `/api/staff/users/${id}/reset-link`, admin.headers);
          expect(response.status).toBe(200);
          const { path } = (await response.json()) as { path: string };
          expect(path).toMatch(/^\/staff\/reset#token=[\w-]{43}$/);
          return path.split("#token=")[1] as string;
        };
        const older = await linkOf();
        const newer = await linkOf();
        const reset = (token: string, password: string) => request("POST", "/api/staff/reset", {}, { token, password });
        await expectErrorResponse(await reset(older, "a reset password 1"), "staff.link_invalid");
        await expectErrorResponse(await reset(newer, "short"), "request.invalid");
        // 20 uses of the link at once, each with its own password: one sets it, the others are refused.
        const uses = await Promise.all(Array.from({ length: 20 }, (_, i) => reset(newer, `a reset password ${i + 2}`)));
        const used = uses.find((r) => r.status === 200) as Response;
        expect(uses.filter((r) => r.status === 200)).toHaveLength(1);
        for (const refused of uses.filter((r) => r !== used)) await expectErrorResponse(refused, "staff.link_invalid");
        expect(await used.json()).toEqual({ login: "kita.staff" });
        const winner = `a reset password ${uses.indexOf(used) + 2}`;
        await expectErrorResponse(await reset(newer, "a reset password 3"), "staff.link_invalid");

        await expectErrorResponse(await request("GET", "/api/staff/session", kita.headers), "staff.unauthenticated");
        await expectErrorResponse(
          await request("POST", "/api/staff/login", {}, { login: "kita.staff", password: staffPassword }),
          "staff.login_failed",
        );
        expect((await login("kita.staff", winner)).session.mustChangePassword).toBe(false);

        const links = await auditRows("staff.reset_link");
        expect(links).toHaveLength(2);
        const changed = await auditRows("staff.password_changed");
        expect(changed.map((r) => JSON.parse(r.details).via)).toEqual(["reset_link"]);
        for (const row of [...links, ...changed]) {
          for (const secret of [older, newer, winner]) expect(row.details).not.toContain(secret);
        }
      });
    });
  });
});
