/**
 * A fresh database for each test, on each dialect under test: a new SQLite file in a temporary
 * folder, and, when TEST_DATABASE_URL is set, a new PostgreSQL schema dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../server/platform/db/database";
import { registry } from "../../server/registry";

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase {
  database: Database;
  /** The environment a server process needs to open this same database. */
  serverEnv: { DATA_DIR: string } | { DATABASE_URL: string };
  cleanup(): Promise<void>;
}

export interface DialectUnderTest {
  name: "sqlite" | "postgres";
  /** Why this dialect is not run here, or undefined when it is. */
  skipReason: string | undefined;
  open(): Promise<TestDatabase>;
}

export const dialects: DialectUnderTest[] = [
  {
    name: "sqlite",
    skipReason: undefined,
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), "machikoe-test-"));
      const database = await openDatabase({ dialect: "sqlite", file: path.join(dir, "machikoe.db") }, registry);
      return {
        database,
        serverEnv: { DATA_DIR: dir },
        async cleanup() {
          await database.close().catch(() => {});
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    skipReason: postgresUrl ? undefined : "TEST_DATABASE_URL is not set; .ci/run sets it after starting PostgreSQL",
    async open() {
      const connectionString = postgresUrl as string;
      const schema = `test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const dropSchema = async () => {
        const client = new pg.Client({ connectionString });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      };
      const database = await openDatabase({ dialect: "postgres", connectionString, schema, maxConnections: 5 }, registry).catch(
        async (error: unknown) => {
          await dropSchema();
          throw error;
        },
      );
      const url = new URL(connectionString);
      url.searchParams.set("options", `-c search_path=${schema}`);
      return {
        database,
        serverEnv: { DATABASE_URL: url.toString() },
        async cleanup() {
          await database.close().catch(() => {});
          await dropSchema();
        },
      };
    },
  },
];

/** The suite's title, saying why it is skipped when it is. */
export function suiteTitle(dialect: DialectUnderTest): string {
  return dialect.skipReason ? `on ${dialect.name} (skipped: ${dialect.skipReason})` : `on ${dialect.name}`;
}
