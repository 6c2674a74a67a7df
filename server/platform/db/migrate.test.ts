/**
 * Migrations that move data: run from the version before them, on a database holding rows of that
 * version's shape, they must carry every row over.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, migrationProvider } from "./migrate";

let dir: string;
let db: Kysely<unknown>;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "machikoe-migrate-"));
  db = new Kysely({ dialect: new SqliteDialect({ database: new SQLite(path.join(dir, "machikoe.db")) }) });
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const migrateTo = async (name: string) => {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
  if (error) throw error;
};

describe("0003_answers_with_response", () => {
  it("moves each response's answers into its row, and back down again", async () => {
    await migrateTo("0002_surveys");
    const raw = db as Kysely<Record<string, Record<string, unknown>>>;
    await raw
      .insertInto("wards")
      .values({
        code: "27127",
        name: "北区",
        reading: "きたく",
        name_en: "Kita",
        name_zh: "北区",
        name_ko: "기타구",
        name_vi: "Kita",
        population: 1,
        births: 1,
      })
      .execute();
    await raw
      .insertInto("surveys")
      .values({
        id: "s1",
        ward_code: "27127",
        kind: "poll",
        status: "open",
        opens_at: "x",
        closes_at: "x",
        results_public: 1,
        version: 1,
        definition: "{}",
        created_at: "x",
        updated_at: "x",
      })
      .execute();
    for (const id of ["r1", "r2", "r3"]) {
      await raw
        .insertInto("responses")
        .values({ id, survey_id: "s1", receipt_code: "ABCD-EFGH", mode: "online", received_at: "x" })
        .execute();
    }
    await raw
      .insertInto("answers")
      .values([
        { response_id: "r1", question_id: "q1", value: JSON.stringify({ option: "a" }) },
        { response_id: "r1", question_id: "q2", value: JSON.stringify({ text: "保育所" }) },
        { response_id: "r2", question_id: "q1", value: JSON.stringify({ options: ["x", "y"], other: "他" }) },
      ])
      .execute();

    await migrateTo("0003_answers_with_response");
    const rows = await raw.selectFrom("responses").select(["id", "answers"]).orderBy("id").execute();
    expect(rows.map((row) => [row.id, JSON.parse(row.answers as string)])).toEqual([
      ["r1", { q1: { option: "a" }, q2: { text: "保育所" } }],
      ["r2", { q1: { options: ["x", "y"], other: "他" } }],
      ["r3", {}],
    ]);

    await migrateTo("0002_surveys");
    const answers = await raw
      .selectFrom("answers")
      .select(["response_id", "question_id", "value"])
      .orderBy("response_id")
      .orderBy("question_id")
      .execute();
    expect(answers.map((a) => [a.response_id, a.question_id, JSON.parse(a.value as string)])).toEqual([
      ["r1", "q1", { option: "a" }],
      ["r1", "q2", { text: "保育所" }],
      ["r2", "q1", { options: ["x", "y"], other: "他" }],
    ]);
  });
});

describe("a migration merged after a later one has run", () => {
  it("runs at the next start instead of stopping it (0014 after 0015)", async () => {
    const all = await migrationProvider.getMigrations();
    const without0014 = Object.fromEntries(Object.entries(all).filter(([name]) => name !== "0014_audit_log_indexes"));
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => without0014 } }).migrateToLatest();
    if (error) throw error;
    const indexes = () =>
      sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'audit_log'`
        .execute(db)
        .then((r) => r.rows.map((row) => row.name));
    expect(await indexes()).not.toContain("audit_log_at_idx");

    expect(await migrateToLatest(db)).toEqual(["0014_audit_log_indexes"]);
    expect(await indexes()).toEqual(expect.arrayContaining(["audit_log_at_idx", "audit_log_login_at_idx", "audit_log_action_at_idx"]));
  });
});
