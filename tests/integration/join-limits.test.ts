/**
 * 町会 join requests against an attacker, on each dialect: a per-address rate limit (copies of one
 * request count once), field sizes, and a cap on a ward's waiting inbox.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { uuidv7 } from "../../shared/ids";
import { testApp, testStaffRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const association = {
  ward: "27127",
  area: "27127-01",
  name: "菅北東町会",
  nameKana: "",
  chome: ["菅北1丁目"],
  activities: ["festival"],
  feeMinYen: 1200,
  feeMaxYen: 2400,
  howToJoin: "申込フォームから",
  notes: "",
};
const joinBody = () => ({
  id: uuidv7(),
  name: "大阪 花子",
  contact: "090-0000-0000",
  address: "北区菅北1丁目3-4",
  message: "",
  consent: true,
});

describe.each(dialects)("join request limits", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let associationId: string;

    beforeEach(async () => {
      vi.useFakeTimers({ toFake: ["Date"] }); // every request in one minute's window
      testDb = await dialect.open();
      database = testDb.database;
      await insertWards(database, "27127", "27128");
      await insertStaff(database, ["kita.staff"]);
      const client = jsonClient(testApp(database, { bodyLimitBytes: 16 * 1024 }));
      const created = await client.request("POST", "/api/staff/local/associations", await client.loginAs("kita.staff"), association);
      expect(created.status).toBe(201);
      associationId = ((await created.json()) as { id: string }).id;
    });

    afterEach(async () => {
      vi.useRealTimers();
      await testDb.cleanup();
    });

    const appWith = (rules: Partial<typeof testStaffRules>) =>
      jsonClient(testApp(database, { bodyLimitBytes: 16 * 1024, staff: { ...testStaffRules, ...rules } }));
    const send = (client: ReturnType<typeof appWith>, body: unknown) =>
      client.request("POST", `/api/associations/${associationId}/join-requests`, {}, body);
    const stored = async () => (await database.db.selectFrom("joinRequests").select("id").execute()).length;

    it("limits one address: of 60 requests sent at once, 10 are stored and 50 meet rate.limited", async () => {
      const client = appWith({ joinRateLimitPerMinute: 10 });
      const answers = await Promise.all(Array.from({ length: 60 }, () => send(client, joinBody())));
      expect(answers.filter((r) => r.status === 201).length).toBe(10);
      expect(answers.filter((r) => r.status === 429).length).toBe(50);
      await expectErrorResponse(answers.find((r) => r.status === 429) as Response, "rate.limited");
      expect(await stored()).toBe(10);
    });

    it("counts 20 copies of one request sent at once as one: each gets the receipt", async () => {
      const client = appWith({ joinRateLimitPerMinute: 2 });
      const body = joinBody();
      const answers = await Promise.all(Array.from({ length: 20 }, () => send(client, body)));
      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(await stored()).toBe(1);
      expect((await send(client, joinBody())).status).toBe(201);
      await expectErrorResponse(await send(client, joinBody()), "rate.limited");
    });

    it("refuses an oversized field with request.invalid and stores nothing", async () => {
      const client = appWith({});
      for (const field of ["name", "contact", "address", "message"]) {
        await expectErrorResponse(await send(client, { ...joinBody(), [field]: "あ".repeat(1001) }), "request.invalid");
      }
      expect(await stored()).toBe(0);
    });

    it("refuses new requests with joins.inbox_full once the ward holds its cap waiting, keeping those stored", async () => {
      const client = appWith({ joinInboxMax: 5 });
      const answers = await Promise.all(Array.from({ length: 20 }, () => send(client, joinBody())));
      expect(answers.filter((r) => r.status === 201).length).toBe(5);
      await expectErrorResponse(answers.find((r) => r.status === 429) as Response, "joins.inbox_full");
      expect(await stored()).toBe(5);
    });
  });
});
