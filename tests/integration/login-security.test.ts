/**
 * The login lock as an attacker meets it, on each dialect: concurrent guesses, unknown names, and
 * one address's failures against another's (TRUST_PROXY=1, so X-Forwarded-For names the address).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards } from "../helpers/rows";
import { insertStaff, staffPassword } from "../helpers/staff";

describe.each(dialects)("login security", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, { trustProxy: 1 });
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    const login = (name: string, password: string, from = "198.51.100.1") =>
      Promise.resolve(
        app.request("/api/staff/login", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": from },
          body: JSON.stringify({ login: name, password }),
        }),
      );
    const codes = async (responses: Response[]) =>
      Promise.all(responses.map(async (r) => (r.status === 200 ? "ok" : ((await r.json()) as { error: { code: string } }).error.code)));

    it("gives no session to the right password sent with 19 wrong ones at once, and locks the name", async () => {
      const attempts = Array.from({ length: 20 }, (_, i) => (i === 19 ? staffPassword : `wrong ${i}`));
      const answers = await codes(await Promise.all(attempts.map((p) => login("kita.staff", p))));
      expect(answers).not.toContain("ok");
      expect(answers.filter((c) => c === "staff.login_failed").length).toBeLessThanOrEqual(4);
      expect((await database.db.selectFrom("staffSessions").select("tokenHash").execute()).length).toBe(0);
      await expectErrorResponse(await login("kita.staff", staffPassword), "staff.locked");
    });

    it("shows an administrator each account's failed logins since its last login, and a success resets the count", async () => {
      const failedOf = async () => {
        const admin = await login("city.admin", staffPassword, "198.51.100.9");
        const cookie = (admin.headers.get("set-cookie") ?? "").split(";")[0] as string;
        const list = (await (await app.request("/api/staff/users", { headers: { cookie } })).json()) as {
          users: { login: string; failedLogins: number }[];
        };
        return Object.fromEntries(list.users.map((user) => [user.login, user.failedLogins]));
      };
      await Promise.all(["a", "b", "c"].map((p, i) => login("kita.staff", `wrong ${p}`, `198.51.100.${20 + i}`)));
      expect(await failedOf()).toMatchObject({ "kita.staff": 3, "chuo.staff": 0, "city.admin": 0 });
      expect((await login("kita.staff", staffPassword, "198.51.100.30")).status).toBe(200);
      expect(await failedOf()).toMatchObject({ "kita.staff": 0 });
    });

    it("locks after 22 wrong guesses at once, and no later failure clears the lock", async () => {
      await Promise.all(Array.from({ length: 22 }, (_, i) => login("kita.staff", `wrong ${i}`)));
      await expectErrorResponse(await login("kita.staff", "wrong again"), "staff.locked");
      await expectErrorResponse(await login("kita.staff", staffPassword), "staff.locked");
    });

    it("answers an unknown name exactly as a real one, locked or not, in a comparable time", async () => {
      const time = async (name: string) => {
        const started = performance.now();
        const body = await expectErrorResponse(await login(name, "wrong password"), "staff.login_failed");
        return { body, ms: performance.now() - started };
      };
      await time("kita.staff"); // the decoy hash is made once, on first use
      await time("nobody.here");
      const real = await time("kita.staff");
      const unknown = await time("nobody.here");
      expect(unknown.body).toEqual(real.body);
      expect(unknown.ms).toBeGreaterThan(real.ms / 3);
      // The clock stands still from here, so both locks start at the same moment however slow the machine is.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
      try {
        for (const name of ["kita.staff", "nobody.here"]) {
          for (let i = 0; i < 3; i++) await login(name, `wrong ${i}`);
        }
        const [realLocked, unknownLocked] = await Promise.all([login("kita.staff", "x"), login("nobody.here", "x")]);
        const a = await expectErrorResponse(realLocked, "staff.locked");
        const b = await expectErrorResponse(unknownLocked, "staff.locked");
        expect(b.error.details).toEqual(a.error.details);
      } finally {
        vi.useRealTimers();
      }
    });

    it("locks the name only for the attacker's address: the owner elsewhere still logs in", async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => login("kita.staff", `wrong ${i}`, "203.0.113.66")));
      await expectErrorResponse(await login("kita.staff", staffPassword, "203.0.113.66"), "staff.locked");
      expect((await login("kita.staff", staffPassword, "192.0.2.10")).status).toBe(200);
    });

    it("slows guesses at one name from many addresses but still lets the owner in", async () => {
      // 25 addresses, one wrong guess each: more than the back-off's 20 failures.
      for (let i = 0; i < 25; i++) await expectErrorResponse(await login("kita.staff", "wrong", `203.0.113.${i}`), "staff.login_failed");
      const started = performance.now();
      const owner = await login("kita.staff", staffPassword, "192.0.2.10");
      expect(owner.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThan(1_000);
    });
  });
});
