import { createHmac, randomBytes, randomInt, randomUUID } from "node:crypto";
import { type Kysely, SqliteAdapter, sql } from "kysely";
import { jstToday } from "../../../../shared/time";

// Nothing stored links a code, a device or a time to a response (issue 13, findings 4–7):
// - a response gets the server's own random id; the device's id (a UUIDv7, which carries the time it was
//   made) survives only as a keyed hash (HMAC-SHA-256 under a key kept in server_settings, made here once),
//   and the keyed hash of the secret kept with its draft is stored beside it (null for those sent before);
//   who typed in a paper answer is kept as a keyed hash of their id, which no audit row's id equals;
// - a response keeps only the day it was received (Japan time), polls and sampled surveys alike;
// - an invitation code keeps "used" (0/1), not when; codes and poll device marks are keyed by their hash,
//   WITHOUT ROWID on SQLite, and re-inserted shuffled, so the order of rows says nothing; device marks are rekeyed;
// - audit rows of paper entries name the survey, no longer the response.
// The formulas here are the ones server/surveys/prepare.ts and keys.ts use: they must stay the same.
const keySetting = "responses.key";

type Row = Record<string, unknown>;

/** A column of a row read here: snake_case on a bare connection, camelCase under the app's CamelCasePlugin. */
const field = (row: Row, column: string): unknown => {
  const camel = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return column in row ? row[column] : row[camel];
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  // PostgreSQL runs each migration in a transaction; on SQLite this one makes its own.
  if (sqlite) await db.transaction().execute((trx) => migrate(trx, true));
  else await migrate(db, false);
}

async function migrate(db: Kysely<unknown>, sqlite: boolean): Promise<void> {
  const raw = db as unknown as Kysely<Record<string, Row>>;
  await raw
    .insertInto("server_settings")
    .values({ key: keySetting, value: randomBytes(32).toString("hex") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const stored = await raw.selectFrom("server_settings").select("value").where("key", "=", keySetting).executeTakeFirstOrThrow();
  const key = Buffer.from(String(field(stored, "value")), "hex");
  const keyed = (text: string) => createHmac("sha256", key).update(text).digest("hex");

  // Responses: the server's own ids, the device's as a keyed hash, the day only.
  await db.schema.alterTable("responses").addColumn("submission_hash", "varchar(64)").execute();
  await db.schema.alterTable("responses").addColumn("proof_hash", "varchar(64)").execute();
  // A keyed hash is longer than the staff id it replaces (SQLite does not enforce the length).
  if (!sqlite)
    await db.schema
      .alterTable("responses")
      .alterColumn("entered_by", (col) => col.setDataType("varchar(64)"))
      .execute();
  const themes = await raw.selectFrom("comment_themes").selectAll().execute();
  await raw.deleteFrom("comment_themes").execute();
  const newIdOf = new Map<string, string>();
  const surveyOf = new Map<string, string>();
  for (const row of await raw.selectFrom("responses").select(["id", "survey_id", "received_at", "entered_by"]).execute()) {
    const id = randomUUID();
    const old = String(field(row, "id"));
    const enteredBy = field(row, "entered_by");
    const receivedAt = String(field(row, "received_at"));
    newIdOf.set(old, id);
    surveyOf.set(old, String(field(row, "survey_id")));
    const received = new Date(receivedAt);
    await raw
      .updateTable("responses")
      .set({
        id,
        submission_hash: keyed(`response:${old}`),
        entered_by: enteredBy === null || enteredBy === undefined ? null : keyed(`staff:${enteredBy}`),
        received_at: Number.isNaN(received.getTime()) ? receivedAt.slice(0, 10) : jstToday(received),
      })
      .where("id", "=", old)
      .execute();
  }
  for (let i = 0; i < themes.length; i += 500) {
    const rows = themes.slice(i, i + 500).flatMap((t) => {
      const id = newIdOf.get(String(field(t, "response_id")));
      return id ? [{ response_id: id, question_id: field(t, "question_id"), theme: field(t, "theme") }] : [];
    });
    if (rows.length > 0) await raw.insertInto("comment_themes").values(rows).execute();
  }
  await db.schema.createIndex("responses_submission_idx").on("responses").column("submission_hash").unique().execute();

  // Paper entries' audit rows name the survey instead of the response.
  for (const row of await raw
    .selectFrom("audit_log")
    .select(["id", "target"])
    .where("action", "in", ["paper.enter", "paper.correct"])
    .execute()) {
    await raw
      .updateTable("audit_log")
      .set({ target: surveyOf.get(String(field(row, "target"))) ?? null })
      .where("id", "=", String(field(row, "id")))
      .execute();
  }

  // Invitation codes: "used" only, keyed by the hash, re-inserted shuffled.
  const codes = (await raw.selectFrom("invitation_codes").selectAll().execute()).map((row) => ({
    code_hash: field(row, "code_hash"),
    survey_id: field(row, "survey_id"),
    batch_id: field(row, "batch_id"),
    used: field(row, "used_at") === null ? 0 : 1,
  }));
  await db.schema.dropTable("invitation_codes").execute();
  await createInvitationCodes(db, sqlite);
  await insertShuffled(raw, "invitation_codes", codes);

  // Poll device marks: keyed (from the plain hash stored), keyed by it, re-inserted shuffled.
  const marks = (await raw.selectFrom("poll_devices").selectAll().execute()).map((row) => ({
    survey_id: field(row, "survey_id"),
    device_hash: keyed(`device:${field(row, "device_hash")}`),
  }));
  await db.schema.dropTable("poll_devices").execute();
  await createPollDevices(db, sqlite);
  await insertShuffled(raw, "poll_devices", marks);
}

/** Keyed by the code's hash: on SQLite a WITHOUT ROWID table, whose B-tree is ordered by the hash alone. */
export async function createInvitationCodes(db: Kysely<unknown>, sqlite: boolean): Promise<void> {
  await db.schema
    .createTable("invitation_codes")
    .addColumn("code_hash", "varchar(64)", (col) => col.notNull())
    .addColumn("survey_id", "varchar(36)", (col) => col.notNull().references("surveys.id"))
    .addColumn("batch_id", "varchar(36)")
    .addColumn("used", "integer", (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("invitation_codes_pk", ["code_hash"])
    .$call((table) => (sqlite ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  await db.schema.createIndex("invitation_codes_survey_idx").on("invitation_codes").columns(["survey_id", "batch_id"]).execute();
}

/** Keyed by (survey, keyed device hash): on SQLite a WITHOUT ROWID table, in no order of arrival. */
export async function createPollDevices(db: Kysely<unknown>, sqlite: boolean): Promise<void> {
  await db.schema
    .createTable("poll_devices")
    .addColumn("survey_id", "varchar(36)", (col) => col.notNull().references("surveys.id"))
    .addColumn("device_hash", "varchar(64)", (col) => col.notNull())
    .addPrimaryKeyConstraint("poll_devices_pk", ["survey_id", "device_hash"])
    .$call((table) => (sqlite ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
}

async function insertShuffled(db: Kysely<Record<string, Row>>, table: string, rows: Row[]): Promise<void> {
  // Fisher–Yates with the system's generator: no trace of the order they were made or used in.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [rows[i], rows[j]] = [rows[j] as Row, rows[i] as Row];
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function down(): Promise<void> {
  // The device's ids, the times and the orders are gone for good.
}
