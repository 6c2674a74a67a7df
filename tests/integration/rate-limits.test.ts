/**
 * Rate limits as an attacker meets them, on each dialect: X-Forwarded-For written by the client
 * behind one trusted proxy, and retries of one response sent all at once.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { testApp, testStaffRules, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("試験"),
  description: ja("説明"),
  profile: [],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("知っていますか"),
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
  ],
};

describe.each(dialects)("rate limits", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    const survey = surveyRow(definition, { wardCode: "27127" });

    beforeEach(async () => {
      // Date stands still: every request falls in one minute's window.
      vi.useFakeTimers({ toFake: ["Date"] });
      testDb = await dialect.open();
      database = testDb.database;
      await insertWards(database, "27127", "27128");
      await insertInto(database, "surveys", [survey]);
    });

    afterEach(async () => {
      vi.useRealTimers();
      await testDb.cleanup();
    });

    const post = (app: ReturnType<typeof testApp>, path: string, body: unknown, headers: Record<string, string>) =>
      Promise.resolve(
        app.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }),
      );
    const response = () => ({ id: uuidv7(), answers: { knows: { option: "yes" } }, profile: {}, deviceId: randomUUID() });
    const stored = async () => (await database.db.selectFrom("responses").select("id").execute()).length;

    it("reads the client from the right of X-Forwarded-For: 40 forged left entries from one machine meet the limit of 30", async () => {
      const app = testApp(database, { trustProxy: 1, surveys: { ...testSurveyRules, rateLimitPerMinute: 30 } });
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          post(app, `/api/surveys/${survey.id}/responses`, response(), { "x-forwarded-for": `10.9.${i}.1, 198.51.100.7` }).then(
            (r) => r.status,
          ),
        ),
      );
      expect(statuses.filter((s) => s === 201).length).toBe(30);
      expect(statuses.filter((s) => s === 429).length).toBe(10);
      expect(await stored()).toBe(30);
    });

    it("limits logins by the proxy-seen address however the client forges X-Forwarded-For", async () => {
      await insertStaff(database);
      const app = testApp(database, { trustProxy: 1, staff: { ...testStaffRules, loginRateLimitPerMinute: 20, lockoutAfter: 100 } });
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          post(
            app,
            "/api/staff/login",
            { login: `someone${i}`, password: "guess" },
            { "x-forwarded-for": `10.8.${i}.1, 198.51.100.8` },
          ).then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 429).length).toBe(10);
    });

    it("stores nothing that leads back to an address: no address, no hash of one, no minute beside it", async () => {
      const address = "203.0.113.77";
      const app = testApp(database, { trustProxy: 1, surveys: { ...testSurveyRules, rateLimitPerMinute: 5 } });
      const statuses = await Promise.all(
        Array.from({ length: 20 }, () =>
          post(app, `/api/surveys/${survey.id}/responses`, response(), { "x-forwarded-for": address }).then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 429).length).toBe(15); // the limit held
      // What the old limiter stored, and what an attacker would look for: the address, or its hash by any scope.
      const oldKey = (scope: string) => createHash("sha256").update(`rate:${scope}:${address}`).digest("hex").slice(0, 32);
      const needles = [address, oldKey("responses"), createHash("sha256").update(address).digest("hex")];
      const stored = await everythingStored(database, testDb);
      for (const needle of needles) expect(stored.includes(needle), needle).toBe(false);
    });

    it("counts 20 copies of one response sent at once as one attempt: each gets the receipt", async () => {
      const app = testApp(database, { surveys: { ...testSurveyRules, rateLimitPerMinute: 10 } });
      const body = response();
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => post(app, `/api/surveys/${survey.id}/responses`, body, {}).then((r) => r.status)),
      );
      expect(answers.filter((s) => s === 429)).toEqual([]);
      expect(answers.filter((s) => s === 201).length).toBe(1);
      expect(await stored()).toBe(1);
      // The limit still holds for new responses: nine more, then a refusal.
      for (let i = 0; i < 9; i++) expect((await post(app, `/api/surveys/${survey.id}/responses`, response(), {})).status).toBe(201);
      expect((await post(app, `/api/surveys/${survey.id}/responses`, response(), {})).status).toBe(429);
    });
  });
});

/** Every byte the database keeps: the SQLite file and its WAL, or every PostgreSQL table's rows and the table names. */
async function everythingStored(database: Database, testDb: TestDatabase): Promise<string> {
  await database.flush();
  if ("DATA_DIR" in testDb.serverEnv) {
    const dir = testDb.serverEnv.DATA_DIR;
    return ["machikoe.db", "machikoe.db-wal"]
      .map((file) => path.join(dir, file))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString("latin1"))
      .join("\n");
  }
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(database.db);
  const dumps = await Promise.all(
    tables.rows.map(
      async ({ name }) => `${name}:${JSON.stringify((await sql`select * from ${sql.table(name)}`.execute(database.db)).rows)}`,
    ),
  );
  return dumps.join("\n");
}
