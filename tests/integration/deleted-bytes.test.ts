/**
 * Deleted means gone (issue 13, finding 9): after the join-request purge, none of the request's bytes
 * are left in the SQLite file or its WAL (secure_delete, then a truncating checkpoint); a push
 * subscription removed by the resident leaves no bytes either; and a subscription a push service
 * reports gone takes its lines in the send log with it. On PostgreSQL the purge and the VACUUM run.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { purgeJoinRequests } from "../../server/local/staff/service";
import { recordOutcomes } from "../../server/notices/store/deliveries";
import { removeSubscription, saveSubscription } from "../../server/notices/store/subscriptions";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { insertWards } from "../helpers/rows";

const name = "消去確認タロウ";
const phone = "090-7777-4321";
// A message too long for its row's page: it goes to overflow pages, which the purge frees whole.
const longMessage = `${"町会の行事に参加したいです。".repeat(150)}消去確認の長い伝言`;
const endpoint = "https://push.test/send/zz-endpoint-that-must-vanish-4f2a9";

/** Whether any of these texts is in the SQLite file or its WAL, as UTF-8 bytes. */
function bytesLeft(dataDir: string, texts: string[]): string[] {
  const files = ["machikoe.db", "machikoe.db-wal"].map((f) => path.join(dataDir, f)).filter((f) => existsSync(f));
  const contents = files.map((f) => readFileSync(f));
  return texts.filter((text) => contents.some((bytes) => bytes.includes(Buffer.from(text, "utf8"))));
}

describe.each(dialects)("deleted data", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      await insertWards(database, "27127");
    });
    afterEach(() => testDb.cleanup());

    const insertJoinRequest = async () => {
      const associationId = randomUUID();
      const now = new Date().toISOString();
      await insertInto(database, "associations", [
        { id: associationId, wardCode: "27127", data: JSON.stringify({ name: "菅北東町会" }), updatedAt: now, deletedAt: null },
      ]);
      await insertInto(database, "joinRequests", [
        {
          id: randomUUID(),
          associationId,
          wardCode: "27127",
          name,
          contact: phone,
          address: "北区菅北1丁目3-4",
          message: longMessage,
          status: "new",
          receivedAt: new Date(Date.now() - 100 * 86_400_000).toISOString(),
          statusChangedAt: now,
          purgedAt: null,
        },
      ]);
    };

    it("leaves none of a purged join request's bytes in the database or its WAL", async () => {
      await insertJoinRequest();
      const dataDir = "DATA_DIR" in testDb.serverEnv ? testDb.serverEnv.DATA_DIR : null;
      const marks = [name, phone, longMessage.slice(-9)];
      if (dataDir) expect(bytesLeft(dataDir, marks)).toEqual(marks); // there before: the check can see them
      expect(await purgeJoinRequests(database, 90)).toBe(1);
      await database.compact({ tables: ["join_requests"] });
      const row = await database.db.selectFrom("joinRequests").selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ name: null, contact: null, address: null, message: null });
      if (dataDir) expect(bytesLeft(dataDir, marks)).toEqual([]);
    });

    it("leaves no bytes of a subscription the resident removed", async () => {
      const registration = {
        endpoint,
        keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) },
        ward: "27127",
        locale: "ja" as const,
        cohorts: ["born:2026-05"],
      };
      await database.write(saveSubscription, { registration, now: new Date().toISOString() });
      const dataDir = "DATA_DIR" in testDb.serverEnv ? testDb.serverEnv.DATA_DIR : null;
      if (dataDir) expect(bytesLeft(dataDir, [endpoint])).toEqual([endpoint]);
      expect(await database.write(removeSubscription, { endpoint, auth: registration.keys.auth })).toBe(true);
      await database.compact({ tables: ["push_subscriptions"] });
      if (dataDir) expect(bytesLeft(dataDir, [endpoint])).toEqual([]);
    });

    it("deletes a gone subscription's lines in the send log with it", async () => {
      const now = new Date().toISOString();
      const subscriptionId = randomUUID();
      const noticeId = randomUUID();
      await insertInto(database, "pushSubscriptions", [
        { id: subscriptionId, endpoint, p256dh: "p", auth: "a", wardCode: "27127", locale: "ja", createdAt: now, updatedAt: now },
      ]);
      await insertInto(database, "notices", [
        {
          id: noticeId,
          key: null,
          kind: "broadcast",
          wardCode: "27127",
          segment: "{}",
          content: "{}",
          sendAt: now,
          status: "sending",
          createdBy: null,
          createdAt: now,
          startedAt: now,
          finishedAt: null,
        },
      ]);
      await insertInto(database, "noticeDeliveries", [
        { noticeId, subscriptionId, state: "claimed", attempts: 0, nextAt: null, holder: "h" },
      ]);
      await database.write(recordOutcomes, { noticeId, outcomes: [{ id: subscriptionId, state: "expired", deleteSubscription: true }] });
      expect(await database.db.selectFrom("pushSubscriptions").select("id").execute()).toEqual([]);
      expect(await database.db.selectFrom("noticeDeliveries").select("subscriptionId").execute()).toEqual([]);
      expect(await database.db.selectFrom("notices").select("expired").executeTakeFirstOrThrow()).toEqual({ expired: 1 });
    });
  });
});
