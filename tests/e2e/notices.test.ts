/**
 * Push notices on a phone. A cohort notice made by the server's sender goes through the local HTTPS
 * push receiver (which checks the VAPID token and decrypts it, as a push service and a browser
 * would); its payload is then delivered to the page's service worker through the DevTools protocol
 * (headless Chromium reaches no real push service), and becomes the parent's personal notification,
 * worked out from the child kept in IndexedDB, plus a line in the inbox that opens the item.
 *
 * The 「通知を受け取る」 flow runs with the browser's PushManager standing in for the push service
 * (PushManager.subscribe never settles headless), and the registration it sends is checked: the ward,
 * the language and the cohort month — no date, no nickname — and a stop made without a connection is
 * sent once the connection returns. The server's side of registration is
 * tested against the receiver in tests/integration/notices.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NoticeSender } from "../../server/notices/sender/sender";
import { VapidHeaders } from "../../server/notices/sender/webpush";
import { saveSubscription } from "../../server/notices/store/subscriptions";
import { type Database, openDatabase } from "../../server/platform/db/database";
import { createLogger } from "../../server/platform/logger";
import { registry } from "../../server/registry";
import { addMonths } from "../../shared/childcare/dates";
import type { PushPayload } from "../../shared/notices/schemas";
import { jstToday } from "../../shared/time";
import { testPushNetwork, testVapidKeys } from "../helpers/app";
import { type PushReceiver, startPushReceiver } from "../helpers/push-receiver";
import { axeViolations, serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;
let receiver: PushReceiver;
let database: Database;
let dir: string;

beforeAll(async () => {
  receiver = await startPushReceiver();
  dir = mkdtempSync(path.join(tmpdir(), "machikoe-e2e-push-"));
  database = await openDatabase({ dialect: "sqlite", file: path.join(dir, "sender.db") }, registry);
});
afterAll(async () => {
  await database?.close();
  await receiver?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await context?.close();
});

async function openChildcare(): Promise<Page> {
  context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, bypassCSP: true });
  await context.grantPermissions(["notifications"], { origin: app.server.url });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/childcare`);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
  await page.reload();
  return page;
}

async function addChild(page: Page, nickname: string, kind: "出産予定日" | "生まれた日", date: string) {
  await page.getByLabel("呼び名（本名ではなく、ニックネームで）").fill(nickname);
  await page.getByRole("radio", { name: new RegExp(kind) }).check();
  await page.getByLabel("日付").fill(date);
  await page.getByRole("button", { name: "登録する", exact: true }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `${nickname}を登録しました` })
    .waitFor();
}

describe("push notices", () => {
  it("turns a cohort notice from the sender, through the push receiver, into the parent's personal notification and inbox line", async () => {
    const page = await openChildcare();
    // A child born on the 1st, three months ago: the 3か月児健診 window opened on the 1st of this month.
    const today = jstToday();
    const born = addMonths(`${today.slice(0, 7)}-01`, -3);
    await addChild(page, "ゆい", "生まれた日", born);

    // The server's side: a subscription of that cohort (its month only), and the day's run on the 1st at 09:30 in Japan.
    const browser = receiver.subscribe();
    await database.write(saveSubscription, {
      registration: { endpoint: browser.endpoint, keys: browser.keys, ward: null, locale: "ja", cohorts: [`born:${born.slice(0, 7)}`] },
      now: "2000-01-01T00:00:00.000Z",
    });
    const sender = new NoticeSender({
      database,
      logger: createLogger("silent"),
      vapid: new VapidHeaders(testVapidKeys, "mailto:test@example.jp"),
      network: { ...testPushNetwork, dial: { host: "127.0.0.1", port: receiver.port }, ca: receiver.ca },
      sendTime: "09:00",
      now: () => Date.parse(`${today.slice(0, 7)}-01T00:30:00Z`),
    });
    await sender.runOnce();
    await sender.stop();
    expect(receiver.rejected).toEqual([]);
    const pushed = receiver.received.find((r) => (JSON.parse(r.payload) as PushPayload & { item?: string }).item === "checkup_3m");
    expect(pushed, "the receiver decrypted the 3か月児健診 notice").toBeDefined();
    const payload = pushed?.payload as string;
    // What the server sent names neither the child nor a date of birth.
    expect(payload).not.toContain("ゆい");
    expect(payload).not.toContain(born);

    // The push service's delivery, as Chromium's DevTools protocol makes it.
    const cdp = await context?.newCDPSession(page);
    if (!cdp) throw new Error("no CDP session");
    const registered = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const mine = registrations.find(
          (r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL === `${app.server.url}/` && !r.isDeleted,
        );
        if (mine) resolve(mine.registrationId);
      }),
    );
    await cdp.send("ServiceWorker.enable");
    const registrationId = await registered;
    const deliver = () => cdp.send("ServiceWorker.deliverPushMessage", { origin: app.server.url, registrationId, data: payload });
    await deliver();

    const notifications = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag })),
      );
    await expect
      .poll(notifications)
      .toEqual([
        { title: "子育てのお知らせ", body: "ゆいちゃんの3か月児健診（区の保健福祉センター）の時期です", tag: JSON.parse(payload).id },
      ]);

    // The inbox keeps it; a second delivery of the same notice (a retry) is one notification and one line.
    const inbox = page.getByRole("region", { name: "受け取ったお知らせ" });
    await expect.poll(() => inbox.getByRole("listitem").count()).toBe(1);
    await deliver();
    await page.waitForTimeout(300);
    expect(await notifications()).toHaveLength(1);
    await page.reload();
    await expect.poll(() => inbox.getByRole("listitem").count()).toBe(1);
    expect(await inbox.innerText()).toContain("ゆいちゃんの3か月児健診（区の保健福祉センター）の時期です");
    expect(await axeViolations(page)).toEqual([]);

    // Opening it brings the item itself into view, with focus.
    await inbox.getByRole("link", { name: "開く" }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#item-checkup_3m");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-item"))).toBe("checkup_3m");
    // Marked read on the device (an IndexedDB write the inbox's live query then sees).
    await expect.poll(() => inbox.innerText()).not.toContain("未読");
  });

  it("explains first, registers only the ward, the language and the month, follows a new child, and stops at once", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, bypassCSP: true });
    await context.grantPermissions(["notifications"], { origin: app.server.url });
    // The browser's push service, standing in: a subscription that persists across reloads like a real one.
    await context.addInitScript(() => {
      const fake = {
        endpoint: "https://push.test/push/e2e",
        options: {},
        toJSON: () => ({ endpoint: "https://push.test/push/e2e", keys: { p256dh: "BPk".padEnd(87, "A"), auth: "AAAAAAAAAAAAAAAAAAAAAA" } }),
        unsubscribe: async () => {
          localStorage.removeItem("fake-push");
          return true;
        },
      };
      PushManager.prototype.subscribe = async () => {
        localStorage.setItem("fake-push", "1");
        return fake as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async () =>
        localStorage.getItem("fake-push") ? (fake as unknown as PushSubscription) : null;
    });
    const registrations: { method: string; body: unknown }[] = [];
    // The first removal finds no connection (it must wait on the phone and go out once back online).
    let dropRemoval = true;
    await context.route("**/api/push/subscription", async (route) => {
      const request = route.request();
      registrations.push({ method: request.method(), body: request.postDataJSON() });
      if (request.method() === "DELETE" && dropRemoval) {
        dropRemoval = false;
        return route.abort("internetdisconnected");
      }
      await route.fulfill({
        status: request.method() === "PUT" ? 201 : 200,
        json: request.method() === "PUT" ? { registered: true } : { removed: true },
      });
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/childcare`);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
    const due = addMonths(jstToday(), 4);
    await addChild(page, "まめ", "出産予定日", due);

    const panel = page.getByRole("region", { name: "子育ての通知" });
    expect(await panel.innerText()).toContain("サーバーに送るのは、お住まいの区、言語、お子さんの生まれた月");
    await panel.getByRole("button", { name: "通知を受け取る" }).click();
    await panel.getByText("通知を受け取っています。").waitFor();
    expect(registrations[0]).toEqual({
      method: "PUT",
      body: {
        endpoint: "https://push.test/push/e2e",
        keys: { p256dh: "BPk".padEnd(87, "A"), auth: "AAAAAAAAAAAAAAAAAAAAAA" },
        ward: null,
        locale: "ja",
        cohorts: [`due:${due.slice(0, 7)}`],
        topics: ["childcare"],
      },
    });
    expect(JSON.stringify(registrations)).not.toContain("まめ");
    expect(JSON.stringify(registrations)).not.toContain(due);

    // A second child: the registration follows with both months.
    const sibling = addMonths(jstToday(), -20);
    await addChild(page, "そら", "生まれた日", sibling);
    await expect.poll(() => registrations.length).toBe(2);
    expect(registrations[1]?.body).toHaveProperty("cohorts", [`born:${sibling.slice(0, 7)}`, `due:${due.slice(0, 7)}`]);
    expect(await axeViolations(page)).toEqual([]);

    await panel.getByRole("button", { name: "通知を止める" }).click();
    await panel.getByText("通知を止めました。サーバーの登録は、次にインターネットにつながったときに削除します。").waitFor();
    expect(await panel.getByRole("button", { name: "通知を受け取る" }).count()).toBe(1);
    // Back online: the removal goes out by itself, once.
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    const removal = { method: "DELETE", body: { endpoint: "https://push.test/push/e2e", auth: "AAAAAAAAAAAAAAAAAAAAAA" } };
    await expect.poll(() => registrations.filter((r) => r.method === "DELETE")).toEqual([removal, removal]);
    await page.reload();
    await page.locator("h1").waitFor();
    await page.waitForTimeout(300);
    expect(registrations.filter((r) => r.method === "DELETE")).toHaveLength(2);

    // 「データをすべて削除」 asks first; then the children and the inbox are gone from the device.
    await page.getByRole("button", { name: "子育てのデータをすべて削除" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "やめる" }).click();
    expect(await page.locator("main").innerText()).toContain("まめ");
    await page.getByRole("button", { name: "子育てのデータをすべて削除" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "削除する" }).click();
    await page.getByRole("status").filter({ hasText: "子育てのデータを削除しました" }).waitFor();
    await expect.poll(() => page.locator("main").innerText()).not.toContain("まめ");
  });
});
