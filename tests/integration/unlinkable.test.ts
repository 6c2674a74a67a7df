/**
 * Nothing stored links a code, a device or a time to a response (issue 13, findings 4–7), tried as a
 * database reader or a staff member holding the mail-merge list would: times to the millisecond, ids
 * that carry a time, the order rows are stored in, a repeat's answer, the audit log; and, last, every
 * stored field of codes, device marks and the audit log joined against every field of the responses.
 * On PostgreSQL the order is read after the housekeeping step that rewrites codes and marks in their
 * hashes' order (surveys/storage-order.ts); on SQLite no step is needed: the tables have no rowid.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { responseKey } from "../../server/surveys/keys";
import { deviceMarkOf, sha256 } from "../../server/surveys/prepare";
import { reorderByHash } from "../../server/surveys/storage-order";
import { parseCsv } from "../../shared/csv";
import { randomSecret, uuidv7 } from "../../shared/ids";
import { Receipt, type ResponseInput } from "../../shared/surveys/answers";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { jstToday } from "../../shared/time";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: [],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("地域活動協議会を知っていますか"),
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
    { id: "comment", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
  ],
};

/** Spearman's rank correlation of two orders of the same n items (positions 0..n-1). */
function rankCorrelation(a: number[], b: number[]): number {
  const n = a.length;
  const d2 = a.reduce((sum, x, i) => sum + (x - (b[i] as number)) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
// With 60 items in a random order the correlation's deviation is 1/√59 ≈ 0.13: 0.65 is five of them.
const unordered = 0.65;

/** A UUID's first 48 bits read as Unix milliseconds, as one reads a UUIDv7. */
const timeInId = (id: string) => Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16);

describe.each(dialects)("unlinkable responses", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    let client: ReturnType<typeof jsonClient>;
    const sampled = surveyRow(definition, { kind: "sampled" });
    const poll = surveyRow(definition, { kind: "poll", resultsPublic: 1 });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, { publicUrl: "http://machikoe.example.jp" });
      client = jsonClient(app);
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [sampled, poll]);
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    const send = (surveyId: string, body: Partial<ResponseInput>) =>
      client.request(
        "POST",
        `/api/surveys/${surveyId}/responses`,
        {},
        { id: uuidv7(), answers: { knows: { option: "yes" } }, profile: {}, ...body },
      );

    /** A batch of letters made through the console: the codes in the mail-merge list's order. */
    async function letters(count: number): Promise<string[]> {
      const headers = await client.loginAs("kita.staff");
      const made = await client.request("POST", `/api/staff/surveys/${sampled.id}/letters`, headers, { count });
      expect(made.status).toBe(201);
      const text = new TextDecoder().decode(new Uint8Array(await made.arrayBuffer()).slice(3));
      return parseCsv(text)
        .slice(1)
        .map((row) => row[1] as string);
    }

    /** The rows of a table as a reader of the file sees them (columns in camelCase): no ORDER BY (on PostgreSQL after housekeeping's reordering). */
    async function storedRows(table: string): Promise<Record<string, unknown>[]> {
      await reorderByHash(database);
      return (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db)).rows;
    }

    /** Where each response sits in storage: no ORDER BY, and on SQLite by rowid too. */
    async function responseOrders(): Promise<string[][]> {
      const plain = (await sql<{ receiptCode: string }>`select receipt_code from responses`.execute(database.db)).rows;
      const orders = [plain.map((r) => r.receiptCode)];
      if (database.dialect === "sqlite") {
        const byRowid = await sql<{ receiptCode: string }>`select receipt_code from responses order by rowid`.execute(database.db);
        orders.push(byRowid.rows.map((r) => r.receiptCode));
      }
      return orders;
    }

    describe("finding 4: times", () => {
      it("keeps no time of a used code, only the day of its response, and a response id that dates nothing", async () => {
        const [code] = await letters(3);
        const body = { id: uuidv7(), secret: randomSecret(), invitationCode: code as string };
        const sent = await send(sampled.id, body);
        expect(sent.status).toBe(201);

        const [codeRow] = await database.db
          .selectFrom("invitationCodes")
          .selectAll()
          .where("codeHash", "=", sha256(code as string))
          .execute();
        expect(codeRow).toEqual({ codeHash: sha256(code as string), surveyId: sampled.id, batchId: expect.any(String), used: 1 });
        const response = await database.db.selectFrom("responses").selectAll().executeTakeFirstOrThrow();
        expect(response.receivedAt).toBe(jstToday());
        // The server's own id: random (version 4), not the device's UUIDv7, and no time can be read from it.
        expect(response.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(Math.abs(timeInId(response.id) - Date.now())).toBeGreaterThan(86_400_000);
        expect(JSON.stringify(response)).not.toContain(body.id);
        expect(JSON.stringify(response)).not.toContain(body.secret);
        // The receipt gives the day too, and answers with the device's own id.
        expect(Receipt.parse(await sent.json())).toMatchObject({ responseId: body.id, receivedAt: jstToday(), duplicate: false });
      });

      it("shows staff the server's id beside a comment, never the device's", async () => {
        const bodies = Array.from({ length: 10 }, () => ({
          id: uuidv7(),
          invitationCode: "",
          answers: { knows: { option: "yes" }, comment: { text: "公園がほしい" } },
        }));
        const codes = await letters(10);
        for (const [i, body] of bodies.entries())
          expect((await send(sampled.id, { ...body, invitationCode: codes[i] as string })).status).toBe(201);
        const headers = await client.loginAs("kita.staff");
        const comments = (await (await client.request("GET", `/api/staff/surveys/${sampled.id}/comments`, headers)).json()) as {
          comments: { responseId: string }[];
        };
        expect(comments.comments).toHaveLength(10);
        const stored = new Set((await database.db.selectFrom("responses").select("id").execute()).map((r) => r.id));
        for (const comment of comments.comments) {
          expect(stored.has(comment.responseId)).toBe(true);
          expect(bodies.map((b) => b.id)).not.toContain(comment.responseId);
          expect(Math.abs(timeInId(comment.responseId) - Date.now())).toBeGreaterThan(86_400_000);
        }
      });
    });

    describe("finding 5: the order rows are stored in", () => {
      it("stores a batch's codes in no relation to the mail-merge list's serial numbers", async () => {
        const codes = await letters(60);
        const stored = (await storedRows("invitation_codes")).map((row) => row.codeHash as string);
        const serial = codes.map(sha256);
        expect(new Set(stored)).toEqual(new Set(serial));
        const positions = serial.map((hash) => stored.indexOf(hash));
        expect(Math.abs(rankCorrelation(positions, [...serial.keys()]))).toBeLessThan(unordered);
        if (database.dialect === "sqlite") {
          // No rowid to order by: the table is kept in the hashes' order alone.
          await expect(sql`select rowid from invitation_codes`.execute(database.db)).rejects.toThrow(/rowid/);
        }
      });

      it("stores used codes in no order that lines up with the responses that used them", async () => {
        const codes = (await letters(60)).slice(0, 60);
        const receipts: string[] = [];
        for (const code of codes)
          receipts.push(Receipt.parse(await (await send(sampled.id, { invitationCode: code, secret: randomSecret() })).json()).receiptCode);
        const used = (await storedRows("invitation_codes")).filter((row) => Number(row.used) === 1).map((row) => row.codeHash as string);
        expect(used).toHaveLength(60);
        // The k-th used code in storage against the k-th response in storage, for every way of reading the responses.
        const codePositions = codes.map((code) => used.indexOf(sha256(code)));
        for (const order of await responseOrders()) {
          const responsePositions = receipts.map((receipt) => order.indexOf(receipt));
          expect(Math.abs(rankCorrelation(codePositions, responsePositions))).toBeLessThan(unordered);
        }
      });

      it("stores a poll's device marks in no order that lines up with its responses", async () => {
        const devices = Array.from({ length: 60 }, () => randomUUID());
        const receipts: string[] = [];
        for (const deviceId of devices)
          receipts.push(Receipt.parse(await (await send(poll.id, { deviceId, secret: randomSecret() })).json()).receiptCode);
        const key = await responseKey(database);
        const marks = devices.map((device) => deviceMarkOf(key, sha256(`${poll.id}:${device}`)));
        const stored = (await storedRows("poll_devices")).map((row) => row.deviceHash as string);
        expect(new Set(stored)).toEqual(new Set(marks));
        // A seized phone's device id finds its mark; its position must not find its response.
        const markPositions = marks.map((mark) => stored.indexOf(mark));
        expect(Math.abs(rankCorrelation(markPositions, [...marks.keys()]))).toBeLessThan(unordered);
        for (const order of await responseOrders()) {
          const responsePositions = receipts.map((receipt) => order.indexOf(receipt));
          expect(Math.abs(rankCorrelation(markPositions, responsePositions))).toBeLessThan(unordered);
        }
        if (database.dialect === "sqlite") await expect(sql`select rowid from poll_devices`.execute(database.db)).rejects.toThrow(/rowid/);
        // Without the server's key, the device id alone finds no mark: the plain hash is not what is stored.
        expect(stored).not.toContain(sha256(`${poll.id}:${devices[0]}`));
      });
    });

    describe("finding 6: a repeat", () => {
      it("answers only 'already received' to twenty senders of a known response id without its secret, and the receipt to the device that shows it", async () => {
        const body = { id: uuidv7(), secret: randomSecret(), deviceId: randomUUID() };
        const first = Receipt.parse(await (await send(poll.id, body)).json());

        const attempts = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            send(poll.id, { id: body.id, ...(i % 2 === 0 ? {} : { secret: randomSecret() }), deviceId: randomUUID() }),
          ),
        );
        for (const attempt of attempts) {
          expect(attempt.status).toBe(200);
          const text = await attempt.text();
          expect(JSON.parse(text)).toEqual({ status: "already_received" });
          expect(text).not.toContain(first.receiptCode);
        }

        const own = await send(poll.id, body);
        expect(own.status).toBe(200);
        expect(Receipt.parse(await own.json())).toEqual({ ...first, duplicate: true });
        expect(await database.db.selectFrom("responses").select("id").execute()).toHaveLength(1);
      });

      it("still takes a response queued before devices kept a secret, and answers its repeat 'already received'", async () => {
        const body = { id: uuidv7(), deviceId: randomUUID() };
        const first = await send(poll.id, body);
        expect(first.status).toBe(201);
        expect(Receipt.parse(await first.json()).receiptCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
        const again = await send(poll.id, body);
        expect(again.status).toBe(200);
        expect(await again.json()).toEqual({ status: "already_received" });
        expect(await database.db.selectFrom("responses").select("id").execute()).toHaveLength(1);
      });
    });

    describe("finding 7: paper entry", () => {
      it("names no response in the audit log, and shows no code beside an entry", async () => {
        const [code] = await letters(3);
        const headers = await client.loginAs("kita.staff");
        const entry = { id: uuidv7(), code, answers: { knows: { option: "no" } }, profile: {} };
        const stored = await client.request("POST", `/api/staff/surveys/${sampled.id}/paper`, headers, entry);
        expect(stored.status).toBe(201);
        const response = await database.db.selectFrom("responses").selectAll().executeTakeFirstOrThrow();
        expect(
          await database.db
            .selectFrom("invitationCodes")
            .select("used")
            .where("codeHash", "=", sha256(code as string))
            .executeTakeFirst(),
        ).toEqual({ used: 1 });

        const audit = await database.db.selectFrom("auditLog").selectAll().execute();
        expect(audit.find((row) => row.action === "paper.enter")).toMatchObject({ target: sampled.id });
        for (const row of audit) {
          expect(JSON.stringify(row)).not.toContain(response.id);
          expect(JSON.stringify(row)).not.toContain(entry.id);
          expect(JSON.stringify(row)).not.toContain(sha256(code as string));
        }
        const screen = await (await client.request("GET", `/api/staff/surveys/${sampled.id}/paper`, headers)).text();
        expect(screen).not.toContain(code as string);
        expect(screen).not.toContain(sha256(code as string));
        expect(screen).not.toContain(entry.id);
        expect(JSON.parse(screen)).toMatchObject({ entries: [{ id: response.id, receivedAt: jstToday() }] });
      });

      it("gives a letter's code back when its answers cannot be stored, so it can be entered again", async () => {
        const [code] = await letters(3);
        const headers = await client.loginAs("kita.staff");
        const refused = await client.request("POST", `/api/staff/surveys/${sampled.id}/paper`, headers, {
          id: uuidv7(),
          code,
          answers: { knows: { option: "maybe" } },
          profile: {},
        });
        expect(refused.status).toBe(422);
        expect(
          await database.db
            .selectFrom("invitationCodes")
            .select("used")
            .where("codeHash", "=", sha256(code as string))
            .executeTakeFirst(),
        ).toEqual({ used: 0 });
      });
    });

    it("finds no link when every stored field of codes, device marks and the audit log is joined against every field of the responses", async () => {
      const codes = await letters(30);
      const headers = await client.loginAs("kita.staff");
      for (const code of codes.slice(0, 15))
        expect(
          (
            await send(sampled.id, {
              invitationCode: code,
              secret: randomSecret(),
              answers: { knows: { option: "yes" }, comment: { text: "公園" } },
            })
          ).status,
        ).toBe(201);
      for (const code of codes.slice(15, 25)) {
        const entry = { id: uuidv7(), code, answers: { knows: { option: "no" } }, profile: {} };
        expect((await client.request("POST", `/api/staff/surveys/${sampled.id}/paper`, headers, entry)).status).toBe(201);
      }
      for (let i = 0; i < 15; i++) expect((await send(poll.id, { deviceId: randomUUID(), secret: randomSecret() })).status).toBe(201);
      const comments = (await (await client.request("GET", `/api/staff/surveys/${sampled.id}/comments`, headers)).json()) as {
        comments: { responseId: string }[];
      };
      const tagged = comments.comments[0] as { responseId: string };
      expect(
        (
          await client.request("PUT", `/api/staff/surveys/${sampled.id}/comments/${tagged.responseId}/comment/themes`, headers, {
            themes: ["childcare"],
          })
        ).status,
      ).toBe(204);

      const responses = await storedRows("responses");
      expect(responses).toHaveLength(40);
      const shared = new Set([sampled.id, poll.id, "27127", "27128"]);
      const responseValues = responses
        .flatMap((row) =>
          Object.values(row)
            .filter((v) => v !== null)
            .map(String),
        )
        .filter((v) => !shared.has(v) && v.length >= 6);
      for (const value of responseValues) {
        // No response field holds a time finer than the day.
        expect(value).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      }
      for (const table of ["invitation_codes", "poll_devices", "audit_log"]) {
        for (const row of await storedRows(table)) {
          for (const [column, raw] of Object.entries(row)) {
            if (raw === null) continue;
            const value = String(raw);
            if (shared.has(value) || value.length < 6) continue;
            for (const other of responseValues) {
              expect(value === other, `${table}.${column} equals a response's field`).toBe(false);
              // The day a response was received is shared by design with everything else of that day.
              if (!/^\d{4}-\d{2}-\d{2}$/.test(other))
                expect(value.includes(other), `${table}.${column} contains a response's field`).toBe(false);
              expect(other.includes(value), `a response's field contains ${table}.${column}`).toBe(false);
            }
            // A time to the millisecond of a response: none, since responses keep only their day.
            const at = Date.parse(value);
            if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(at)) {
              for (const other of responseValues) expect(Date.parse(other)).not.toBe(at);
            }
          }
        }
      }
    });
  });
});
