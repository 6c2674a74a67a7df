/**
 * Notices by topic (issue 14), on each dialect, against the local HTTPS push receiver: a browser hears
 * only the topics it chose (a registration from before topics: childcare and ward news, as the migration
 * gives the old ones); a published survey tells its ward's "new surveys" subscribers once — with 20
 * publishes at once and two senders — when it opens, and a click opens it; a 区政会議 about to start tells
 * "meetings" subscribers once; another feature's notice (notifyTopic) is made once; SSRF refusals stand.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NoticeSender, type SenderOptions } from "../../server/notices/sender/sender";
import { VapidHeaders } from "../../server/notices/sender/webpush";
import { notifyTopic } from "../../server/notices/topics";
import type { Database } from "../../server/platform/db/database";
import { down, up } from "../../server/platform/db/migrations/0022_notice_topics";
import { createLogger } from "../../server/platform/logger";
import type { BroadcastInput, PushPayload, PushRegistration } from "../../shared/notices/schemas";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { testApp, testPushNetwork, testVapidKeys } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { type PushReceiver, type ReceiverSubscription, startPushReceiver } from "../helpers/push-receiver";
import { dayMs, insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

let receiver: PushReceiver;
beforeAll(async () => {
  receiver = await startPushReceiver();
});
afterAll(async () => {
  await receiver.close();
});

const definition: SurveyDefinition = {
  title: { ja: "公園の使いやすさ", en: "How easy are our parks to use?" },
  description: { ja: "説明" },
  profile: [],
  questions: [
    {
      id: "q1",
      type: "single",
      text: { ja: "よく使う公園" },
      required: true,
      themes: [],
      options: ["a", "b"].map((id) => ({ id, label: { ja: id }, themes: [] })),
    },
  ],
};

const network = () => ({ ...testPushNetwork, dial: { host: "127.0.0.1", port: receiver.port }, ca: receiver.ca });
const idOf = (subscription: ReceiverSubscription) => subscription.endpoint.split("/").at(-1) as string;
const payloadsTo = (subscription: ReceiverSubscription) =>
  receiver.received.filter((r) => r.id === idOf(subscription)).map((r) => JSON.parse(r.payload) as PushPayload);

describe.each(dialects)("notices by topic", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    const senders: NoticeSender[] = [];

    beforeEach(async () => {
      receiver.received.length = 0;
      receiver.rejected.length = 0;
      receiver.script = null;
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, { notices: { publicKey: testVapidKeys.publicKey, network: network(), sender: null } });
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
    });
    afterEach(async () => {
      for (const sender of senders.splice(0)) await sender.stop();
      await testDb.cleanup();
    });

    const sender = (options: Partial<SenderOptions> = {}) => {
      const made = new NoticeSender({
        database,
        logger: createLogger("silent"),
        vapid: new VapidHeaders(testVapidKeys, "mailto:test@example.jp"),
        network: network(),
        sendTime: "23:59",
        retryBaseMs: 100,
        ...options,
      });
      senders.push(made);
      return made;
    };
    const request = (...args: Parameters<ReturnType<typeof jsonClient>["request"]>) => jsonClient(app).request(...args);
    const loginAs = (login: string) => jsonClient(app).loginAs(login);

    async function register(overrides: Partial<PushRegistration> = {}): Promise<ReceiverSubscription> {
      const browser = receiver.subscribe();
      const body: PushRegistration = {
        endpoint: browser.endpoint,
        keys: browser.keys,
        ward: "27127",
        locale: "ja",
        cohorts: [],
        ...overrides,
      };
      const response = await request("PUT", "/api/push/subscription", {}, body);
      expect(response.status, await response.clone().text()).toBe(201);
      return browser;
    }
    const topicsOf = async () =>
      (
        await database.db
          .selectFrom("pushSubscriptionTopics as t")
          .innerJoin("pushSubscriptions as s", "s.id", "t.subscriptionId")
          .select(["s.endpoint", "t.topic"])
          .orderBy("t.topic")
          .execute()
      ).reduce<Record<string, string[]>>((all, row) => {
        all[row.endpoint] = [...(all[row.endpoint] ?? []), row.topic];
        return all;
      }, {});
    const draft = async (overrides: Parameters<typeof surveyRow>[1] = {}) => {
      const row = surveyRow(definition, { status: "draft", ...overrides });
      await database.db.insertInto("surveys").values(row).execute();
      return row.id;
    };

    it("keeps each browser's topics, and cohort months only with the childcare topic", async () => {
      const surveys = await register({ topics: ["surveys"], cohorts: ["born:2026-08"] });
      const parent = await register({ topics: ["childcare", "meetings"], cohorts: ["born:2026-08"] });
      const older = await register({ cohorts: ["due:2027-02"] });
      expect(await topicsOf()).toEqual({
        [surveys.endpoint]: ["surveys"],
        [parent.endpoint]: ["childcare", "meetings"],
        [older.endpoint]: ["childcare", "news"],
      });
      const cohorts = await database.db.selectFrom("pushSubscriptionCohorts").select("cohort").orderBy("cohort").execute();
      expect(cohorts.map((c) => c.cohort)).toEqual(["born:2026-08", "due:2027-02"]);
      // A topic that does not exist, or none at all, is refused.
      const unknown = { endpoint: receiver.subscribe().endpoint, keys: surveys.keys, ward: null, locale: "ja", cohorts: [] };
      await expectErrorResponse(await request("PUT", "/api/push/subscription", {}, { ...unknown, topics: ["ads"] }), "request.invalid");
      await expectErrorResponse(await request("PUT", "/api/push/subscription", {}, { ...unknown, topics: [] }), "request.invalid");
    });

    it("gives every subscription made before topics the childcare reminders and ward news, and nothing else", async () => {
      const before = await register({ topics: ["surveys"] });
      await down(database.db as never);
      await up(database.db as never);
      expect(await topicsOf()).toEqual({ [before.endpoint]: ["childcare", "news"] });
      const rows = await sql<{ n: number | string }>`select count(*) as n from push_subscription_topics`.execute(database.db);
      expect(Number(rows.rows[0]?.n)).toBe(2);
    });

    it("sends a staff broadcast only to the subscribers of its topic, and previews them rounded and hidden under K", async () => {
      const news = await register({ topics: ["news"] });
      const older = await register({ cohorts: ["due:2027-03"] });
      const surveysOnly = await register({ topics: ["surveys"] });
      const parent = await register({ topics: ["childcare"], cohorts: ["due:2027-02"] });
      const kita = await loginAs("kita.staff");
      const broadcast = (segment: BroadcastInput["segment"]): BroadcastInput => ({
        texts: { ja: { title: "北区からのお知らせ", body: "防災訓練を行います。" } },
        segment,
        sendAt: null,
      });
      const sent = await request(
        "POST",
        "/api/staff/notices",
        kita,
        broadcast({ ward: "27127", audience: { kind: "all" }, topic: "news" }),
      );
      expect(sent.status).toBe(201);
      const pregnant = broadcast({ ward: "27127", audience: { kind: "pregnant" }, topic: "childcare" });
      expect((await request("POST", "/api/staff/notices", kita, pregnant)).status).toBe(201);
      // Only childcare narrows by cohorts.
      const narrowed = broadcast({ ward: "27127", audience: { kind: "pregnant" }, topic: "news" });
      await expectErrorResponse(await request("POST", "/api/staff/notices", kita, narrowed), "request.invalid");
      await sender().runOnce();
      expect(receiver.rejected).toEqual([]);
      expect(payloadsTo(news).map((p) => p.kind === "broadcast" && p.title)).toEqual(["北区からのお知らせ"]);
      expect(payloadsTo(older)).toHaveLength(2);
      expect(payloadsTo(surveysOnly)).toEqual([]);
      expect(payloadsTo(parent)).toHaveLength(1);

      const preview = async (segment: BroadcastInput["segment"]) =>
        (await request("POST", "/api/staff/notices/audience", kita, segment)).json();
      for (let i = 0; i < 12; i++) await register({ topics: ["surveys"] });
      // 13 "new surveys" subscribers read 10; the 2 of ward news read "fewer than 10".
      expect(await preview({ ward: "27127", audience: { kind: "all" }, topic: "surveys" })).toEqual({ subscribers: 10, minimum: 10 });
      expect(await preview({ ward: "27127", audience: { kind: "all" }, topic: "news" })).toEqual({ subscribers: null, minimum: 10 });
    });

    it("tells a ward's new-survey subscribers once of a survey published 20 times at once, with two senders; a click opens it", async () => {
      const kitaEn = await register({ topics: ["surveys"], locale: "en" });
      const kitaJa = await register({ topics: ["surveys", "news"] });
      const kitaNews = await register({ topics: ["news"] });
      const chuo = await register({ topics: ["surveys"], ward: "27128" });
      const wardSurvey = await draft();
      const citySurvey = await draft({ wardCode: null });
      const kita = await loginAs("kita.staff");
      const admin = await loginAs("city.admin");
      const publishes = await Promise.all([
        ...Array.from({ length: 20 }, () => request("POST", `/api/staff/surveys/${wardSurvey}/publish`, kita)),
        ...Array.from({ length: 20 }, () => request("POST", `/api/staff/surveys/${citySurvey}/publish`, admin)),
      ]);
      expect(publishes.filter((r) => r.status === 200)).toHaveLength(2);
      const [a, b] = [sender({ batchSize: 1 }), sender({ batchSize: 1 })];
      for (let round = 0; round < 3; round++) await Promise.all([a.runOnce(), b.runOnce()]);
      expect(receiver.rejected).toEqual([]);

      const urls = (browser: ReceiverSubscription) =>
        payloadsTo(browser)
          .map((p) => p.url)
          .sort();
      expect(urls(kitaEn)).toEqual([`/surveys/${citySurvey}`, `/surveys/${wardSurvey}`].sort());
      expect(urls(kitaJa)).toEqual([`/surveys/${citySurvey}`, `/surveys/${wardSurvey}`].sort());
      // The city's survey reaches every ward's subscribers to new surveys; a ward's, its own only.
      expect(urls(chuo)).toEqual([`/surveys/${citySurvey}`]);
      expect(urls(kitaNews)).toEqual([]);
      const english = payloadsTo(kitaEn).find((p) => p.url === `/surveys/${wardSurvey}`);
      expect(english).toMatchObject({ kind: "broadcast", title: "A new survey is open", body: "How easy are our parks to use?" });
      const japanese = payloadsTo(kitaJa).find((p) => p.url === `/surveys/${wardSurvey}`);
      expect(japanese).toMatchObject({ title: "新しいアンケートが始まりました", body: "公園の使いやすさ" });
      const made = await database.db.selectFrom("notices").select(["key", "status"]).where("key", "like", "survey:%").execute();
      expect(made.map((n) => n.status)).toEqual(["done", "done"]);
    });

    it("tells of a survey published ahead when its opensAt arrives, not before; not at all when it closes first", async () => {
      const browser = await register({ topics: ["surveys"] });
      const opensAt = new Date(Date.now() + dayMs / 2).toISOString();
      const later = await draft({ opensAt, closesAt: new Date(Date.now() + 2 * dayMs).toISOString() });
      const closed = await draft({ opensAt, closesAt: new Date(Date.now() + 2 * dayMs).toISOString() });
      const kita = await loginAs("kita.staff");
      for (const id of [later, closed]) expect((await request("POST", `/api/staff/surveys/${id}/publish`, kita)).status).toBe(200);
      expect((await request("POST", `/api/staff/surveys/${closed}/close`, kita)).status).toBe(200);
      await sender().runOnce();
      expect(payloadsTo(browser)).toEqual([]);
      const opened = () => Date.parse(opensAt) + 60_000;
      const [a, b] = [sender({ now: opened }), sender({ now: opened })];
      await Promise.all([a.runOnce(), b.runOnce()]);
      await Promise.all([a.runOnce(), b.runOnce()]);
      expect(payloadsTo(browser).map((p) => p.url)).toEqual([`/surveys/${later}`]);
    });

    it("tells meetings subscribers once, shortly before a 区政会議 starts, in the meeting's ward", async () => {
      const kita = await register({ topics: ["meetings"] });
      const chuo = await register({ topics: ["meetings"], ward: "27128" });
      const surveysOnly = await register({ topics: ["surveys"] });
      const now = Date.now();
      const meeting = (startsIn: number) => {
        const startsAt = new Date(now + startsIn).toISOString();
        const data = JSON.stringify({ ward: "27127", title: "第3回 北区区政会議", startsAt });
        return { id: randomUUID(), wardCode: "27127", data, startsAt, updatedAt: new Date(now).toISOString(), deletedAt: null };
      };
      const soon = meeting(10 * 60_000);
      await database.db
        .insertInto("meetings")
        .values([soon, meeting(2 * 3_600_000), meeting(-60_000)])
        .execute();
      const [a, b] = [sender(), sender()];
      await Promise.all([a.runOnce(), b.runOnce()]);
      await Promise.all([a.runOnce(), b.runOnce()]);
      expect(payloadsTo(kita)).toMatchObject([
        { kind: "broadcast", title: "区政会議がまもなく始まります", body: "第3回 北区区政会議", url: `/community#meeting-${soon.id}` },
      ]);
      expect(payloadsTo(chuo)).toEqual([]);
      expect(payloadsTo(surveysOnly)).toEqual([]);
    });

    it("makes another feature's notice to a ward once, however often it is asked", async () => {
      const browser = await register({ topics: ["news"] });
      const notice = {
        key: `follow-up:${randomUUID()}`,
        ward: "27127",
        topic: "news" as const,
        texts: { ja: { title: "区の対応", body: "公園に日よけを付けました。" } },
        path: "/surveys",
      };
      const made = await Promise.all(Array.from({ length: 20 }, () => database.write(notifyTopic, notice)));
      expect(made.filter(Boolean)).toHaveLength(1);
      await sender().runOnce();
      expect(payloadsTo(browser).map((p) => p.kind === "broadcast" && p.body)).toEqual(["公園に日よけを付けました。"]);
    });

    it("refuses, with topics, every endpoint it refused before", async () => {
      const keys = receiver.subscribe().keys;
      for (const [endpoint, reason] of [
        ["http://push.test/push/a", "not_https"],
        ["https://push.test:8443/push/a", "port"],
        ["https://127.0.0.1/push/a", "ip_literal"],
        ["https://push.evil.example/push/a", "not_allowed"],
      ]) {
        const body = { endpoint, keys, ward: "27127", locale: "ja", cohorts: [], topics: ["surveys", "meetings"] };
        const refused = await expectErrorResponse(await request("PUT", "/api/push/subscription", {}, body), "push.endpoint_refused");
        expect(refused.error.details).toEqual({ reason });
      }
      expect(await database.db.selectFrom("pushSubscriptionTopics").selectAll().execute()).toEqual([]);
    });
  });
});
