/**
 * Push notices on each dialect, against a local HTTPS push receiver (tests/helpers/push-receiver.ts)
 * that checks every VAPID token and decrypts every payload as a browser would (RFC 8291/8292):
 * registration and its SSRF refusals; a broadcast sent once per browser in its own language;
 * exactly once across a stop and restart, with two senders at once, and after a sender that died
 * mid-send; pruning on 404/410, deletion on another 4xx, retries with backoff on 5xx, Retry-After on
 * 429; the timeline's cohort notices planned on the day a window opens; staff scope.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { vapidKeys } from "../../server/notices/keys";
import { NoticeSender, type PushNetwork, type SenderOptions } from "../../server/notices/sender/sender";
import { VapidHeaders } from "../../server/notices/sender/webpush";
import { claimDeliveries } from "../../server/notices/store/deliveries";
import { takeLease } from "../../server/notices/store/lease";
import type { Database } from "../../server/platform/db/database";
import { createLogger } from "../../server/platform/logger";
import { addDays } from "../../shared/childcare/dates";
import type { BroadcastInput, PushPayload, PushRegistration } from "../../shared/notices/schemas";
import { testApp, testPushNetwork, testVapidKeys } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { type PushReceiver, type ReceiverSubscription, startPushReceiver } from "../helpers/push-receiver";
import { insertWards } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

let receiver: PushReceiver;
beforeAll(async () => {
  receiver = await startPushReceiver();
});
afterAll(async () => {
  await receiver.close();
});

/** Where the test push services "are": public addresses, except the hosts that tests make private. */
const addresses = new Map<string, string[]>();
const network = (): PushNetwork => ({
  allowList: testPushNetwork.allowList,
  resolve: async (host) => addresses.get(host) ?? testPushNetwork.resolve(host),
  dial: { host: "127.0.0.1", port: receiver.port },
  ca: receiver.ca,
});

const idOf = (subscription: ReceiverSubscription | string) =>
  (typeof subscription === "string" ? subscription : subscription.endpoint).split("/").at(-1) as string;
const payloadsTo = (subscription: ReceiverSubscription) =>
  receiver.received.filter((r) => r.id === idOf(subscription)).map((r) => JSON.parse(r.payload) as PushPayload);

describe.each(dialects)("push notices", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    const senders: NoticeSender[] = [];
    const vapid = new VapidHeaders(testVapidKeys, "mailto:test@example.jp");

    beforeEach(async () => {
      receiver.received.length = 0;
      receiver.rejected.length = 0;
      receiver.script = null;
      addresses.clear();
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, {
        bodyLimitBytes: 16 * 1024,
        notices: { publicKey: testVapidKeys.publicKey, network: network(), sender: null },
      });
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
        vapid,
        network: network(),
        sendTime: "09:00",
        retryBaseMs: 100,
        ...options,
      });
      senders.push(made);
      return made;
    };

    const request = (...args: Parameters<ReturnType<typeof jsonClient>["request"]>) => jsonClient(app).request(...args);
    const loginAs = (login: string) => jsonClient(app).loginAs(login);

    const registration = (subscription: ReceiverSubscription, overrides: Partial<PushRegistration> = {}): PushRegistration => ({
      endpoint: subscription.endpoint,
      keys: subscription.keys,
      ward: "27127",
      locale: "ja",
      cohorts: [],
      ...overrides,
    });

    async function register(subscription: ReceiverSubscription, overrides: Partial<PushRegistration> = {}) {
      const response = await request("PUT", "/api/push/subscription", {}, registration(subscription, overrides));
      expect(response.status, await response.clone().text()).toBe(201);
    }

    const broadcast = (overrides: Partial<BroadcastInput> = {}): BroadcastInput => ({
      texts: {
        ja: { title: "北区からのお知らせ", body: "子育てサロンを開きます。" },
        en: { title: "From Kita ward", body: "A parenting salon opens." },
      },
      path: "/places",
      segment: { ward: "27127", audience: { kind: "all" } },
      sendAt: null,
      ...overrides,
    });

    async function send(input: BroadcastInput = broadcast(), login = "kita.staff"): Promise<string> {
      const response = await request("POST", "/api/staff/notices", await loginAs(login), input);
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    }

    /** A notice's status after one more run of the sender: what a poll waits on. */
    const statusAfterRun = async (running: NoticeSender, id: string) => {
      await running.runOnce();
      return (await notice(id)).status;
    };
    const notice = (id: string) => database.db.selectFrom("notices").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const subscriptionCount = async () =>
      Number(
        (
          await database.db
            .selectFrom("pushSubscriptions")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    describe("registration", () => {
      it("keeps no time finer than the month: when a newborn was added would point to the birth date", async () => {
        const browser = receiver.subscribe();
        await register(browser, { cohorts: ["due:2027-02"] });
        const again = await request(
          "PUT",
          "/api/push/subscription",
          {},
          registration(browser, { cohorts: ["due:2027-02", "born:2026-12"] }),
        );
        expect(again.status).toBe(200);
        const stored = await database.db.selectFrom("pushSubscriptions").select(["createdAt", "updatedAt"]).executeTakeFirstOrThrow();
        const month = `${new Date().toISOString().slice(0, 7)}-01T00:00:00.000Z`;
        expect(stored).toEqual({ createdAt: month, updatedAt: month });
      });

      it("keeps the endpoint, keys, ward, language and cohort months — and updates them for the same browser", async () => {
        const browser = receiver.subscribe();
        await register(browser, { cohorts: ["born:2026-08", "due:2027-02"] });
        const again = await request(
          "PUT",
          "/api/push/subscription",
          {},
          registration(browser, { locale: "vi", cohorts: ["born:2026-08"] }),
        );
        expect(again.status).toBe(200);
        const row = await database.db.selectFrom("pushSubscriptions").selectAll().executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          endpoint: browser.endpoint,
          p256dh: browser.keys.p256dh,
          auth: browser.keys.auth,
          wardCode: "27127",
          locale: "vi",
        });
        const cohorts = await database.db.selectFrom("pushSubscriptionCohorts").select("cohort").execute();
        expect(cohorts.map((c) => c.cohort)).toEqual(["born:2026-08"]);
        // A cohort is a month: a date is refused.
        const dated = await request("PUT", "/api/push/subscription", {}, registration(browser, { cohorts: ["born:2026-08-14"] }));
        await expectErrorResponse(dated, "request.invalid");
      });

      it("refuses endpoints it must never send to, and stores nothing", async () => {
        addresses.set("internal.push.test", ["10.12.0.5"]);
        addresses.set("loopback.push.test", ["127.0.0.1"]);
        addresses.set("mixed.push.test", ["203.0.113.9", "192.168.1.20"]);
        addresses.set("unknown.push.test", []);
        const keys = receiver.subscribe().keys;
        const refusals: [string, string][] = [
          ["http://push.test/push/a", "not_https"],
          ["https://push.test:8443/push/a", "port"],
          ["https://127.0.0.1/push/a", "ip_literal"],
          ["https://[::1]/push/a", "ip_literal"],
          ["https://internal.push.test/push/a", "private_address"],
          ["https://loopback.push.test/push/a", "private_address"],
          ["https://mixed.push.test/push/a", "private_address"],
          ["https://push.evil.example/push/a", "not_allowed"],
          ["https://unknown.push.test/push/a", "unresolvable"],
        ];
        for (const [endpoint, reason] of refusals) {
          const response = await request("PUT", "/api/push/subscription", {}, { endpoint, keys, ward: null, locale: "ja", cohorts: [] });
          const body = await expectErrorResponse(response, "push.endpoint_refused");
          expect(body.error.details, endpoint).toEqual({ reason });
        }
        const badKeys = await request(
          "PUT",
          "/api/push/subscription",
          {},
          {
            ...registration(receiver.subscribe()),
            // 65 bytes that start like a point but are not on P-256.
            keys: { p256dh: Buffer.concat([Buffer.of(4), Buffer.alloc(64, 7)]).toString("base64url"), auth: keys.auth },
          },
        );
        await expectErrorResponse(badKeys, "push.keys_invalid");
        expect(await subscriptionCount()).toBe(0);
      });

      it("stops at once: the browser's record, cohorts and send log go; another browser's secret cannot remove it", async () => {
        const browser = receiver.subscribe();
        await register(browser, { cohorts: ["born:2026-08"] });
        await send();
        await sender().runOnce();
        expect(payloadsTo(browser)).toHaveLength(1);
        const stranger = await request(
          "DELETE",
          "/api/push/subscription",
          {},
          { endpoint: browser.endpoint, auth: receiver.subscribe().keys.auth },
        );
        await expectErrorResponse(stranger, "push.conflict");
        const removed = await request("DELETE", "/api/push/subscription", {}, { endpoint: browser.endpoint, auth: browser.keys.auth });
        expect(await removed.json()).toEqual({ removed: true });
        expect(await subscriptionCount()).toBe(0);
        expect(await database.db.selectFrom("pushSubscriptionCohorts").selectAll().execute()).toEqual([]);
        expect(await database.db.selectFrom("noticeDeliveries").selectAll().execute()).toEqual([]);
        // Asked again (a retry from an offline queue): nothing left, and no error.
        const twice = await request("DELETE", "/api/push/subscription", {}, { endpoint: browser.endpoint, auth: browser.keys.auth });
        expect(await twice.json()).toEqual({ removed: false });
      });

      it("makes its VAPID key pair once and keeps it; a configured pair must be one", async () => {
        const first = await vapidKeys(database, null);
        expect(await vapidKeys(database, null)).toEqual(first);
        expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
        await expect(vapidKeys(database, { publicKey: first.publicKey, privateKey: testVapidKeys.privateKey })).rejects.toThrow(
          /not one P-256 key pair/,
        );
      });
    });

    describe("sending", () => {
      it("sends a ward's broadcast once to each of its browsers, in each one's language, signed and encrypted", async () => {
        const ja = receiver.subscribe();
        const en = receiver.subscribe();
        const vi = receiver.subscribe();
        const chuo = receiver.subscribe();
        await register(ja);
        await register(en, { locale: "en" });
        await register(vi, { locale: "vi" });
        await register(chuo, { ward: "27128" });
        const id = await send();
        const signedBefore = vapid.signed;
        const summary = await sender().runOnce();
        expect(summary).toMatchObject({ held: true, sent: 3, failed: 0, expired: 0 });
        expect(payloadsTo(ja)).toEqual([expect.objectContaining({ id, kind: "broadcast", title: "北区からのお知らせ", url: "/places" })]);
        expect(payloadsTo(en)).toEqual([expect.objectContaining({ title: "From Kita ward", body: "A parenting salon opens." })]);
        // No Vietnamese text was written: Japanese stands in.
        expect(payloadsTo(vi)).toEqual([expect.objectContaining({ title: "北区からのお知らせ" })]);
        expect(payloadsTo(chuo)).toEqual([]);
        expect(receiver.rejected).toEqual([]);
        const pushed = receiver.received[0];
        expect(pushed?.ttl).toBe(86_400);
        expect(pushed?.urgency).toBe("normal");
        expect(pushed?.topic).toBe(id.replaceAll("-", ""));
        expect(pushed?.vapid).toMatchObject({
          aud: "https://push.test",
          sub: "mailto:test@example.jp",
          publicKey: testVapidKeys.publicKey,
        });
        // One signature for the push service's origin, reused for every push to it.
        expect(vapid.signed - signedBefore).toBeLessThanOrEqual(1);
        expect(await notice(id)).toMatchObject({ status: "done", sent: 3, failed: 0, expired: 0 });
        // Run again: nothing more goes out.
        await sender().runOnce();
        expect(receiver.received).toHaveLength(3);
      });

      it("goes out exactly once across a stop and restart in the middle of sending", async () => {
        const browsers = Array.from({ length: 60 }, () => receiver.subscribe());
        for (const browser of browsers) await register(browser);
        const id = await send();
        const first = sender({ batchSize: 10, concurrency: 4 });
        const running = first.runOnce();
        await expect.poll(() => receiver.received.length, { interval: 5, timeout: 10_000 }).toBeGreaterThanOrEqual(15);
        await first.stop();
        await running;
        const partly = receiver.received.length;
        expect(partly).toBeLessThan(60);
        expect((await notice(id)).status).toBe("sending");
        await sender({ batchSize: 10 }).runOnce();
        for (const browser of browsers) expect(payloadsTo(browser).map((p) => p.id)).toEqual([id]);
        expect(await notice(id)).toMatchObject({ status: "done", sent: 60 });
      });

      it("goes out exactly once when two instances send at the same time", async () => {
        const browsers = Array.from({ length: 40 }, () => receiver.subscribe());
        for (const browser of browsers) await register(browser);
        const id = await send();
        const [a, b] = await Promise.all([sender({ batchSize: 5 }).runOnce(), sender({ batchSize: 5 }).runOnce()]);
        // One holds the lease and sends; the other finds it taken.
        expect([a.held, b.held].sort()).toEqual([false, true]);
        for (const browser of browsers) expect(payloadsTo(browser)).toHaveLength(1);
        expect(await notice(id)).toMatchObject({ status: "done", sent: 40 });
      });

      it("sends what a sender claimed and never marked (it died) once its lease lapses", async () => {
        const browsers = Array.from({ length: 5 }, () => receiver.subscribe());
        for (const browser of browsers) await register(browser);
        const id = await send();
        // A sender that claimed two deliveries and died: its lease ran out a minute ago.
        const now = new Date().toISOString();
        await database.write(takeLease, { name: "notices", holder: "dead", now, until: new Date(Date.now() - 60_000).toISOString() });
        const subscriptionIds = (await database.db.selectFrom("pushSubscriptions").select("id").orderBy("id").execute()).map((r) => r.id);
        await database.db.updateTable("notices").set({ status: "sending", startedAt: now }).where("id", "=", id).execute();
        await database.write(claimDeliveries, { noticeId: id, ids: subscriptionIds.slice(0, 2), holder: "dead" });
        await sender().runOnce();
        for (const browser of browsers) expect(payloadsTo(browser)).toHaveLength(1);
        expect(await notice(id)).toMatchObject({ status: "done", sent: 5 });
      });

      it("deletes a browser on 404 and 410 (expired) and on another 4xx (failed); retries 5xx with backoff until sent", async () => {
        const gone = receiver.subscribe();
        const notFound = receiver.subscribe();
        const forbidden = receiver.subscribe();
        const flaky = receiver.subscribe();
        const fine = receiver.subscribe();
        for (const browser of [gone, notFound, forbidden, flaky, fine]) await register(browser);
        receiver.forget(idOf(gone));
        const attempts: number[] = [];
        receiver.script = (id, attempt) => {
          if (id === idOf(notFound)) return { status: 404 };
          if (id === idOf(forbidden)) return { status: 403 };
          if (id === idOf(flaky)) {
            attempts.push(Date.now());
            if (attempt <= 2) return { status: attempt === 1 ? 503 : 408 };
          }
          return undefined;
        };
        const id = await send();
        const running = sender({ retryBaseMs: 150 });
        await running.runOnce();
        expect(await notice(id)).toMatchObject({ status: "sending", sent: 1, expired: 2, failed: 1 });
        const left = (await database.db.selectFrom("pushSubscriptions").select("endpoint").execute()).map((r) => r.endpoint).sort();
        expect(left).toEqual([flaky.endpoint, fine.endpoint].sort());
        // Not before the delay: 150 ms, then 300 ms.
        await running.runOnce();
        expect(attempts).toHaveLength(1);
        await expect.poll(() => statusAfterRun(running, id), { timeout: 5000, interval: 50 }).toBe("done");
        expect(attempts).toHaveLength(3);
        expect((attempts[1] as number) - (attempts[0] as number)).toBeGreaterThanOrEqual(150);
        expect((attempts[2] as number) - (attempts[1] as number)).toBeGreaterThanOrEqual(300);
        expect(payloadsTo(flaky)).toHaveLength(1);
        expect(await notice(id)).toMatchObject({ sent: 2, expired: 2, failed: 1 });
      });

      it("gives up after the last attempt, and keeps the browser", async () => {
        const down = receiver.subscribe();
        await register(down);
        receiver.script = () => ({ status: 500 });
        const id = await send();
        const running = sender({ retryBaseMs: 10, maxAttempts: 3 });
        await expect.poll(() => statusAfterRun(running, id), { timeout: 5000, interval: 20 }).toBe("done");
        expect(await notice(id)).toMatchObject({ sent: 0, failed: 1 });
        expect(await subscriptionCount()).toBe(1);
      });

      it("waits for Retry-After on 429, and holds back the whole push service meanwhile", async () => {
        const limited = receiver.subscribe();
        const other = receiver.subscribe();
        await register(limited);
        const times: number[] = [];
        receiver.script = (id, attempt) => {
          if (id !== idOf(limited)) return undefined;
          times.push(Date.now());
          return attempt === 1 ? { status: 429, headers: { "retry-after": "1" } } : undefined;
        };
        const id = await send();
        const running = sender();
        await running.runOnce();
        expect(await notice(id)).toMatchObject({ status: "sending", sent: 0 });
        // A second notice to the same push service waits too.
        await register(other);
        const second = await send(broadcast({ texts: { ja: { title: "二通目", body: "本文" } } }));
        await running.runOnce();
        expect(payloadsTo(other)).toEqual([]);
        await expect.poll(() => statusAfterRun(running, id), { timeout: 5000, interval: 100 }).toBe("done");
        await expect.poll(() => statusAfterRun(running, second), { timeout: 5000, interval: 100 }).toBe("done");
        // The first notice refused, then sent after the wait; the second sent after the wait too.
        expect(times).toHaveLength(3);
        expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(1000);
        expect((times[2] as number) - (times[0] as number)).toBeGreaterThanOrEqual(1000);
        expect(payloadsTo(limited)).toHaveLength(2);
        // Subscriptions keep only their month, so a browser subscribing while a notice is being sent gets it too.
        expect(payloadsTo(other)).toHaveLength(2);
      });

      it("checks the endpoint again at each send: one that now resolves to a private address gets nothing and is deleted", async () => {
        const moving = receiver.subscribe("moving.push.test");
        await register(moving);
        addresses.set("moving.push.test", ["10.0.0.8"]);
        const id = await send();
        await sender().runOnce();
        expect(receiver.received).toEqual([]);
        expect(await notice(id)).toMatchObject({ status: "done", failed: 1 });
        expect(await subscriptionCount()).toBe(0);
      });
    });

    describe("the timeline", () => {
      // 1 November 2026, 09:30 in Japan.
      const morning = Date.parse("2026-11-01T00:30:00Z");

      it("sends a cohort's notice on the day its window opens, once, with the words in the browser's language", async () => {
        const august = receiver.subscribe();
        const english = receiver.subscribe();
        const other = receiver.subscribe();
        await register(august, { cohorts: ["born:2026-08"] });
        await register(english, { cohorts: ["born:2026-08"], locale: "en", ward: "27128" });
        await register(other, { cohorts: ["born:2025-01"] });
        // They subscribed before that morning (the sender's clock is set back to it).
        await database.db.updateTable("pushSubscriptions").set({ createdAt: "2026-10-01T00:00:00.000Z" }).execute();
        // Before the day's send time (08:00 in Japan), nothing is planned.
        const early = await sender({ now: () => Date.parse("2026-10-31T23:00:00Z") }).runOnce();
        expect(early.planned).toBe(0);
        await senders.pop()?.stop();
        const summary = await sender({ now: () => morning }).runOnce();
        expect(summary.planned).toBeGreaterThan(0);
        const sent = payloadsTo(august);
        // A child born in August 2026 reaches 3 months on 1 November (if born on the 1st).
        const checkup = sent.find((p) => p.kind === "timeline" && p.item === "checkup_3m");
        expect(checkup).toMatchObject({ kind: "timeline", cohort: "born:2026-08", start: "2026-11-01", url: "/childcare#item-checkup_3m" });
        expect(checkup?.kind === "timeline" && checkup.words.item).toBe("3か月児健診（区の保健福祉センター）");
        expect(checkup?.kind === "timeline" && checkup.words.open).toContain("{{names}}");
        const inEnglish = payloadsTo(english).find((p) => p.kind === "timeline" && p.item === "checkup_3m");
        expect(inEnglish?.kind === "timeline" && inEnglish.words.item).toMatch(/3-month/i);
        // Every payload is for this cohort, and only items whose window opened within the last week.
        for (const payload of sent) {
          expect(payload.kind === "timeline" && payload.cohort).toBe("born:2026-08");
          expect(payload.kind === "timeline" && payload.start >= addDays("2026-11-01", -6)).toBe(true);
        }
        expect(payloadsTo(other).every((p) => p.kind === "timeline" && p.cohort === "born:2025-01")).toBe(true);
        const count = receiver.received.length;
        // Planned again (a restart, another instance, the next tick): the same notices are not made twice.
        await senders.pop()?.stop();
        const again = await sender({ now: () => morning + 3_600_000 }).runOnce({ plan: "now" });
        expect(again.planned).toBe(0);
        expect(receiver.received).toHaveLength(count);
      });
    });

    describe("staff", () => {
      it("keeps each ward to its own notices; the city is an administrator's", async () => {
        const other = { ...broadcast(), segment: { ward: "27128", audience: { kind: "all" as const } } };
        const kita = await loginAs("kita.staff");
        await expectErrorResponse(await request("POST", "/api/staff/notices", kita, other), "staff.forbidden");
        const city = { ...broadcast(), segment: { ward: null, audience: { kind: "all" as const } } };
        await expectErrorResponse(await request("POST", "/api/staff/notices", kita, city), "staff.forbidden");
        const chuoNotice = await send(other, "chuo.staff");
        await expectErrorResponse(await request("POST", `/api/staff/notices/${chuoNotice}/cancel`, kita), "notices.not_found");
        await send(city, "city.admin");
        const list = (await (await request("GET", "/api/staff/notices", kita)).json()) as {
          notices: { id: string; ward: string | null }[];
        };
        expect(list.notices.map((n) => n.ward)).toEqual([null]);
        await expectErrorResponse(await request("GET", "/api/staff/notices?ward=27128", kita), "staff.forbidden");
        await expectErrorResponse(await request("POST", "/api/staff/notices/run", kita), "staff.forbidden");
        // The change was audited.
        const audit = await database.db
          .selectFrom("auditLog")
          .select(["action", "wardCode"])
          .where("action", "=", "notice.create")
          .execute();
        expect(audit.map((a) => a.wardCode).sort()).toEqual(["27128", null].sort());
      });

      it("counts a segment's browsers, schedules for later and cancels before it goes", async () => {
        await register(receiver.subscribe(), { cohorts: ["born:2025-03"] });
        await register(receiver.subscribe(), { cohorts: ["due:2027-04"] });
        await register(receiver.subscribe(), { cohorts: ["born:2019-01"] });
        const kita = await loginAs("kita.staff");
        const count = async (audience: BroadcastInput["segment"]["audience"]) =>
          (await (await request("POST", "/api/staff/notices/audience", kita, { ward: "27127", audience })).json()) as {
            subscribers: number | null;
            minimum: number;
          };
        // Small groups are never counted: 3, 1, 1 and 2 subscribers all read "fewer than 10".
        for (const audience of [
          { kind: "all" as const },
          { kind: "pregnant" as const },
          { kind: "children" as const, fromYears: 0, toYears: 2 },
          { kind: "children" as const, fromYears: 0, toYears: 12 },
        ])
          expect(await count(audience)).toEqual({ subscribers: null, minimum: 10 });
        // Past the minimum, only tens: 14 subscribers read 10, 16 read 20.
        for (let i = 0; i < 11; i++) await register(receiver.subscribe(), { cohorts: [] });
        expect(await count({ kind: "all" })).toEqual({ subscribers: 10, minimum: 10 });
        for (let i = 0; i < 2; i++) await register(receiver.subscribe(), { cohorts: [] });
        expect(await count({ kind: "all" })).toEqual({ subscribers: 20, minimum: 10 });
        expect(await count({ kind: "pregnant" })).toEqual({ subscribers: null, minimum: 10 });
        const later = new Date(Date.now() + 3_600_000).toISOString();
        const id = await send(broadcast({ sendAt: later }));
        await sender().runOnce();
        expect(receiver.received).toEqual([]);
        const cancelled = await request("POST", `/api/staff/notices/${id}/cancel`, kita);
        expect(cancelled.status).toBe(204);
        expect((await notice(id)).status).toBe("cancelled");
        await expectErrorResponse(await request("POST", `/api/staff/notices/${id}/cancel`, kita), "notices.not_cancellable");
        // A time already past is refused.
        const past = broadcast({ sendAt: new Date(Date.now() - 3_600_000).toISOString() });
        await expectErrorResponse(await request("POST", "/api/staff/notices", kita, past), "request.invalid");
      });
    });
  });
});
