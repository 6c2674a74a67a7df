/**
 * The audit log as a privacy audit reads it, on each dialect: logins, failures and lock starts of real
 * accounts (never a typed unknown name, never an address), each opening of the join inbox, ward staff
 * held to their ward, the filters and pages, the CSV (formula-safe, in the staff member's language,
 * itself audited) and the purge past AUDIT_RETENTION_DAYS.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { purgeAuditLog } from "../../server/accounts/audit-log";
import type { Database } from "../../server/platform/db/database";
import type { AuditLogTable } from "../../server/platform/db/schema";
import { insertInto } from "../../server/platform/db/write";
import { AuditPage } from "../../shared/accounts/audit";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { dayMs, insertWards } from "../helpers/rows";
import { insertStaff, jsonClient, staffPassword } from "../helpers/staff";

const entry = (overrides: Partial<AuditLogTable>): AuditLogTable => ({
  id: randomUUID(),
  at: new Date().toISOString(),
  userId: null,
  login: "kita.staff",
  wardCode: "27127",
  action: "policy.create",
  target: null,
  details: "{}",
  ...overrides,
});

describe.each(dialects)("audit log", (dialect) => {
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

    const client = () => jsonClient(app);
    const login = (name: string, password: string, from = "198.51.100.1") =>
      Promise.resolve(
        app.request("/api/staff/login", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": from },
          body: JSON.stringify({ login: name, password }),
        }),
      );
    const rows = () => database.db.selectFrom("auditLog").selectAll().orderBy("at").execute();
    const page = async (headers: Record<string, string>, query = "") => {
      const response = await client().request("GET", `/api/staff/audit${query}`, headers);
      expect(response.status, await response.clone().text()).toBe(200);
      return AuditPage.parse(await response.json());
    };

    describe("logins", () => {
      it("records a real account's failed logins, the lock's start and a login: time, account and ward, no address", async () => {
        for (let i = 0; i < 5; i++) await login("kita.staff", `wrong ${i}`);
        await expectErrorResponse(await login("kita.staff", staffPassword), "staff.locked");
        expect((await login("kita.staff", staffPassword, "203.0.113.9")).status).toBe(200);
        const userId = (await database.db.selectFrom("staffUsers").select("id").where("login", "=", "kita.staff").executeTakeFirstOrThrow())
          .id;

        const logged = await rows();
        expect(logged.map((r) => r.action)).toEqual([...Array(5).fill("staff.login_failed"), "staff.locked", "staff.login"]);
        for (const row of logged) expect(row).toMatchObject({ login: "kita.staff", userId, wardCode: "27127" });
        expect(JSON.parse(logged[5]?.details ?? "")).toEqual({ minutes: 15 });
        expect(JSON.stringify(logged)).not.toMatch(/198\.51\.100|203\.0\.113|wrong|correct horse/);
      });

      it("records one lock start for 20 wrong guesses sent at once", async () => {
        await Promise.all(Array.from({ length: 20 }, (_, i) => login("chuo.staff", `wrong ${i}`)));
        const logged = await rows();
        expect(logged.filter((r) => r.action === "staff.locked")).toHaveLength(1);
        expect(logged.filter((r) => r.action === "staff.login_failed").length).toBeGreaterThan(0);
        expect(logged.every((r) => r.login === "chuo.staff" && r.wardCode === "27128")).toBe(true);
      });

      it("records nothing of an unknown name, even a password typed into the login field, while locking it as a real one", async () => {
        const typed = "Hunter2-Secret!";
        const answers = await Promise.all(Array.from({ length: 20 }, () => login(typed, "whatever")));
        expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true);
        await expectErrorResponse(await login(typed, "whatever"), "staff.locked");
        expect(await rows()).toEqual([]);
      });
    });

    it("records each opening of the join inbox with how many requests it showed, not their personal data", async () => {
      const { request } = client();
      const kita = await client().loginAs("kita.staff");
      const created = await request("POST", "/api/staff/local/associations", kita, {
        ward: "27127",
        area: null,
        name: "菅北東町会",
        nameKana: "",
        chome: ["菅北1丁目"],
        activities: ["festival"],
        feeMinYen: 1200,
        feeMaxYen: 2400,
        howToJoin: "申込フォームから",
        notes: "",
      });
      const associationId = ((await created.json()) as { id: string }).id;
      for (const name of ["大阪 花子", "難波 太郎"]) {
        const body = { id: uuidv7(), name, contact: "090-1111-2222", address: "北区菅北1丁目3-4", message: "よろしく", consent: true };
        expect((await request("POST", `/api/associations/${associationId}/join-requests`, {}, body)).status).toBe(201);
      }
      expect((await request("GET", "/api/staff/local/join-requests", kita)).status).toBe(200);

      const views = (await rows()).filter((r) => r.action === "join.view");
      expect(views).toMatchObject([{ login: "kita.staff", wardCode: "27127" }]);
      expect(JSON.parse(views[0]?.details ?? "")).toEqual({ count: 2 });
      expect(JSON.stringify(await rows())).not.toMatch(/花子|太郎|090-1111|菅北1丁目3-4|よろしく/);
    });

    it("holds ward staff to their ward's entries whatever ward they name; a city administrator reads all or one", async () => {
      await insertInto(database, "auditLog", [
        entry({ wardCode: "27127", action: "policy.create" }),
        entry({ login: "chuo.staff", wardCode: "27128", action: "policy.delete" }),
      ]);
      const kita = await client().loginAs("kita.staff");
      for (const query of ["", "?ward=27128", "?login=chuo.staff", "?action=policy.delete"]) {
        expect(
          (await page(kita, query)).entries.every((e) => e.ward === "27127"),
          query,
        ).toBe(true);
      }
      const csv = await (await client().request("GET", "/api/staff/audit.csv?ward=27128", kita)).text();
      expect(csv).not.toContain("chuo.staff");

      const admin = await client().loginAs("city.admin");
      const all = await page(admin);
      expect(new Set(all.entries.map((e) => e.ward))).toEqual(new Set(["27127", "27128", null]));
      expect((await page(admin, "?ward=27128")).entries.map((e) => e.action)).toEqual(["policy.delete"]);
    });

    it("filters by person, action and Japan days, newest first, 50 a page", async () => {
      // 23:59:59 on 30 November and 00:00 on 1 December, in Japan.
      await insertInto(database, "auditLog", [
        entry({ at: "2026-11-30T14:59:59.000Z", action: "policy.edit", target: "late-november" }),
        entry({ at: "2026-11-30T15:00:00.000Z", action: "policy.edit", target: "early-december" }),
        entry({ at: "2026-11-30T15:00:01.000Z", login: "other.staff", action: "policy.edit", target: "someone-else" }),
        ...Array.from({ length: 60 }, (_, i) =>
          entry({ at: new Date(Date.UTC(2026, 9, 1, 0, i)).toISOString(), action: "survey.edit", target: `s${i}` }),
        ),
      ]);
      const admin = await client().loginAs("city.admin");
      const targets = async (query: string) => (await page(admin, query)).entries.map((e) => e.target);

      expect(await targets("?action=policy.edit&from=2026-12-01")).toEqual(["someone-else", "early-december"]);
      expect(await targets("?action=policy.edit&to=2026-11-30")).toEqual(["late-november"]);
      expect(await targets("?action=policy.edit&login=kita.staff&from=2026-11-30&to=2026-12-01")).toEqual([
        "early-december",
        "late-november",
      ]);

      const first = await page(admin, "?action=survey.edit");
      expect(first.entries).toHaveLength(50);
      expect(first).toMatchObject({ page: 1, hasNext: true });
      expect(first.entries[0]?.target).toBe("s59");
      const second = await page(admin, "?action=survey.edit&page=2");
      expect(second).toMatchObject({ page: 2, hasNext: false });
      expect(second.entries.map((e) => e.target)).toEqual(["s9", "s8", "s7", "s6", "s5", "s4", "s3", "s2", "s1", "s0"]);

      for (const bad of ["?action=staff.nonsense", "?from=1.12.2026", "?page=0", "?ward=13101"])
        await expectErrorResponse(await client().request("GET", `/api/staff/audit${bad}`, admin), "request.invalid");
    });

    it("exports the filtered log as formula-safe CSV in the staff member's language, and records the export", async () => {
      await insertInto(database, "auditLog", [
        entry({
          login: '=HYPERLINK("http://evil.example","x")',
          target: "@SUM(1+1)",
          action: "policy.create",
          details: JSON.stringify({ title: "見守り" }),
        }),
        entry({ login: "chuo.staff", wardCode: "27128", action: "survey.publish" }),
      ]);
      const admin = await client().loginAs("city.admin");
      const response = await client().request("GET", "/api/staff/audit.csv?action=policy.create&lang=en", admin);
      expect(response.headers.get("content-type")).toContain("text/csv");
      const csv = parseCsv(await response.text());
      expect(csv[0]).toEqual(["Date and time", "Staff", "Ward", "Action", "Details", "Target ID"]);
      expect(csv.slice(1)).toEqual([
        [
          expect.stringMatching(/\+09:00$/),
          `'=HYPERLINK("http://evil.example","x")`,
          "Kita Ward",
          "Added a policy",
          "“見守り”",
          "'@SUM(1+1)",
        ],
      ]);
      const japanese = parseCsv(await (await client().request("GET", "/api/staff/audit.csv?action=survey.publish", admin)).text());
      expect(japanese[0]?.slice(0, 4)).toEqual(["日時", "職員", "区", "操作"]);
      expect(japanese[1]?.slice(1, 4)).toEqual(["chuo.staff", "中央区", "アンケート公開"]);

      const exports = (await rows()).filter((r) => r.action === "audit.export");
      expect(exports.map((r) => [r.login, JSON.parse(r.details)])).toEqual([
        ["city.admin", { count: 1, filters: { action: "policy.create" } }],
        ["city.admin", { count: 1, filters: { action: "survey.publish" } }],
      ]);
    });

    it("purges entries older than the retention period and keeps the rest; 0 keeps them all", async () => {
      const now = new Date();
      const old = Array.from({ length: 2_050 }, (_, i) =>
        entry({ at: new Date(now.getTime() - 401 * dayMs - i * 1000).toISOString(), target: "old" }),
      );
      for (let i = 0; i < old.length; i += 500) await insertInto(database, "auditLog", old.slice(i, i + 500));
      await insertInto(database, "auditLog", [entry({ at: new Date(now.getTime() - 399 * dayMs).toISOString(), target: "recent" })]);
      expect(await purgeAuditLog(database, 0, now)).toBe(0);
      expect(await rows()).toHaveLength(2_051);
      // More than one purge write's worth: all of them go, and (as housekeeping compacts after) from the file too.
      await insertInto(database, "auditLog", [
        entry({ at: new Date(now.getTime() - 500 * dayMs).toISOString(), login: "gone.person", target: "old" }),
      ]);
      const dataDir = "DATA_DIR" in testDb.serverEnv ? testDb.serverEnv.DATA_DIR : null;
      const inFiles = () =>
        ["machikoe.db", "machikoe.db-wal"]
          .map((f) => path.join(dataDir as string, f))
          .some((f) => existsSync(f) && readFileSync(f).includes(Buffer.from("gone.person")));
      if (dataDir) expect(inFiles()).toBe(true); // there before: the check can see it
      expect(await purgeAuditLog(database, 400, now)).toBe(2_051);
      await database.compact({ tables: ["audit_log"] });
      expect((await rows()).map((r) => r.target)).toEqual(["recent"]);
      if (dataDir) expect(inFiles()).toBe(false);
    });
  });
});
