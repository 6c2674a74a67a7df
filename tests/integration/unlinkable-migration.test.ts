/**
 * Migration 0018 on data stored before it, on SQLite and (with TEST_DATABASE_URL) PostgreSQL: responses get
 * new random ids (their comment themes follow), the device's ids and paper entries' authors become keyed
 * hashes that the running server finds again, times become days, codes keep only "used", device marks are
 * rekeyed, audit rows of paper entries name the survey; and the server then treats the old ids as repeats.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../server/platform/db/database";
import { migrationProvider } from "../../server/platform/db/migrate";
import { registry } from "../../server/registry";
import { authorMarkOf, deviceMarkOf, sha256, submissionHashOf } from "../../server/surveys/prepare";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { wardRecords } from "../../shared/wards/data";
import { testApp } from "../helpers/app";
import { postgresUrl } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";

type Raw = Kysely<Record<string, Record<string, unknown>>>;

interface Store {
  raw: Raw;
  /** Where Kysely keeps its migration tables (PostgreSQL: the test's schema, as the server does). */
  migrationTableSchema?: string;
  /** Opens the migrated store as the server does. */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

const stores: { name: string; skipReason: string | undefined; make(): Promise<Store> }[] = [
  {
    name: "sqlite",
    skipReason: undefined,
    async make() {
      const dir = mkdtempSync(path.join(tmpdir(), "machikoe-0018-"));
      const file = path.join(dir, "machikoe.db");
      const raw = new Kysely({ dialect: new SqliteDialect({ database: new SQLite(file) }) }) as Raw;
      let database: Database | undefined;
      return {
        raw,
        async open() {
          await raw.destroy();
          database = await openDatabase({ dialect: "sqlite", file }, registry);
          return database;
        },
        async cleanup() {
          await database?.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    skipReason: postgresUrl ? undefined : "TEST_DATABASE_URL is not set",
    async make() {
      const connectionString = postgresUrl as string;
      const schema = `test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const pool = new pg.Pool({ connectionString, max: 2, options: `-c search_path=${schema}` });
      const raw = new Kysely({ dialect: new PostgresDialect({ pool }) }) as Raw;
      let database: Database | undefined;
      return {
        raw,
        migrationTableSchema: schema,
        async open() {
          await raw.destroy();
          database = await openDatabase({ dialect: "postgres", connectionString, schema, maxConnections: 2 }, registry);
          return database;
        },
        async cleanup() {
          await database?.close();
          const client = new pg.Client({ connectionString });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  },
];

const definition: SurveyDefinition = {
  title: { ja: "調査" },
  description: { ja: "説明" },
  profile: [],
  questions: [
    {
      id: "knows",
      type: "single",
      text: { ja: "知っていますか" },
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: { ja: id }, themes: [] })),
    },
  ],
};

describe.each(stores)("migration 0018 on $name", (store) => {
  let current: Store | undefined;
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });

  it.skipIf(store.skipReason !== undefined)(
    "cuts every link of the data stored before it, and the server still knows its repeats",
    async () => {
      current = await store.make();
      const { raw } = current;
      const schema = current.migrationTableSchema;
      const migrator = new Migrator({ db: raw, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
      const { error } = await migrator.migrateTo("0016_subscription_months");
      if (error) throw error;

      const kita = wardRecords.find((w) => w.code === "27127");
      await raw
        .insertInto("wards")
        .values({
          code: "27127",
          name: kita?.name ?? "北区",
          reading: "きたく",
          name_en: "Kita",
          name_zh: "北区",
          name_ko: "기타구",
          name_vi: "Kita",
          population: 1,
          births: 1,
        })
        .execute();
      const now = Date.now();
      const survey = (id: string, kind: string) => ({
        id,
        ward_code: "27127",
        kind,
        status: "open",
        opens_at: new Date(now - 86_400_000).toISOString(),
        closes_at: new Date(now + 86_400_000).toISOString(),
        results_public: 1,
        version: 1,
        definition: JSON.stringify(definition),
        created_at: new Date(now).toISOString(),
        updated_at: new Date(now).toISOString(),
      });
      const sampledId = randomUUID();
      const pollId = randomUUID();
      await raw
        .insertInto("surveys")
        .values([survey(sampledId, "sampled"), survey(pollId, "poll")])
        .execute();
      // Ids as phones made them (UUIDv7), times to the millisecond, a paper entry's author by id.
      const online = "01930000-0000-7000-8000-000000000001";
      const paper = "01930000-0000-7000-8000-000000000002";
      const polled = "01930000-0000-7000-8000-000000000003";
      const response = (id: string, surveyId: string, mode: string, enteredBy: string | null) => ({
        id,
        survey_id: surveyId,
        receipt_code: `R${id.slice(-3)}-CODE`,
        mode,
        received_at: "2026-11-30T16:30:00.123Z",
        answers: JSON.stringify({ knows: { option: "yes" } }),
        entered_by: enteredBy,
      });
      const staffId = randomUUID();
      await raw
        .insertInto("responses")
        .values([
          response(online, sampledId, "online", null),
          response(paper, sampledId, "paper", staffId),
          response(polled, pollId, "online", null),
        ])
        .execute();
      await raw.insertInto("comment_themes").values({ response_id: online, question_id: "knows", theme: "health" }).execute();
      const codes = Array.from({ length: 6 }, (_, i) => sha256(`code-${i}`));
      await raw
        .insertInto("invitation_codes")
        .values(
          codes.map((code_hash, i) => ({
            code_hash,
            survey_id: sampledId,
            batch_id: "b1",
            used_at: i < 2 ? "2026-11-30T16:30:00.123Z" : null,
          })),
        )
        .execute();
      const device = randomUUID();
      await raw
        .insertInto("poll_devices")
        .values({ survey_id: pollId, device_hash: sha256(`${pollId}:${device}`) })
        .execute();
      await raw
        .insertInto("audit_log")
        .values({
          id: randomUUID(),
          at: "2026-11-30T16:30:00.128Z",
          user_id: staffId,
          login: "kita",
          ward_code: "27127",
          action: "paper.enter",
          target: paper,
          details: "{}",
        })
        .execute();

      const database = await current.open();
      const key = Buffer.from(
        String(
          (await database.db.selectFrom("serverSettings").select("value").where("key", "=", "responses.key").executeTakeFirstOrThrow())
            .value,
        ),
        "hex",
      );
      const rows = await database.db.selectFrom("responses").selectAll().orderBy("receiptCode").execute();
      expect(rows.map((r) => r.receiptCode)).toEqual(["R001-CODE", "R002-CODE", "R003-CODE"]);
      for (const row of rows) {
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
        expect(row.receivedAt).toBe("2026-12-01"); // 16:30 UTC is the next day in Japan
        expect(row.proofHash).toBeNull();
      }
      expect(rows.map((r) => r.submissionHash)).toEqual([online, paper, polled].map((id) => submissionHashOf(key, id)));
      expect(rows[1]?.enteredBy).toBe(authorMarkOf(key, staffId));
      expect(await database.db.selectFrom("commentThemes").selectAll().execute()).toEqual([
        { responseId: rows[0]?.id, questionId: "knows", theme: "health" },
      ]);
      const stored = await database.db.selectFrom("invitationCodes").selectAll().execute();
      expect(stored.map((c) => [c.codeHash, Number(c.used)]).sort()).toEqual(codes.map((c, i) => [c, i < 2 ? 1 : 0]).sort());
      expect(await database.db.selectFrom("pollDevices").selectAll().execute()).toEqual([
        { surveyId: pollId, deviceHash: deviceMarkOf(key, sha256(`${pollId}:${device}`)) },
      ]);
      expect(await database.db.selectFrom("auditLog").select("target").execute()).toEqual([{ target: sampledId }]);
      if (database.dialect === "sqlite") await expect(sql`select rowid from poll_devices`.execute(database.db)).rejects.toThrow(/rowid/);

      // The phone that sent before the migration: its repeat is known, its device has answered.
      const app = testApp(database);
      const post = (body: unknown) =>
        Promise.resolve(
          app.request(`/api/surveys/${pollId}/responses`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          }),
        );
      const repeat = await post({ id: polled, answers: { knows: { option: "yes" } }, profile: {}, deviceId: device });
      expect(repeat.status).toBe(200);
      expect(await repeat.json()).toEqual({ status: "already_received" });
      await expectErrorResponse(
        await post({ id: "01930000-0000-7000-8000-000000000009", answers: { knows: { option: "no" } }, profile: {}, deviceId: device }),
        "polls.already_answered",
      );
    },
  );
});
