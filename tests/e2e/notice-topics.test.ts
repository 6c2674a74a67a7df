/**
 * Notices for everyone, by topic, on a phone (issue 14). A survey published by staff becomes a "new
 * surveys" notice: the server's sender pushes it through the local HTTPS push receiver (which checks
 * the VAPID token and decrypts it as a push service and a browser would) to a subscriber of that topic
 * only; its payload is delivered to the page's service worker through the DevTools protocol (headless
 * Chromium reaches no real push service), shows as a notification, and a click opens the survey.
 *
 * The opt-ins run with the browser's PushManager standing in for the push service (subscribe never
 * settles headless): on the survey list, in 設定 and on the 区政会議, with the registration they send;
 * a subscribe that never settles is given up after about 10 s with a retry; a browser without Push is
 * told exactly that. axe checks the changed screens in the six languages.
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
import { publishSurvey } from "../../server/surveys/staff/editor";
import type { StaffUser } from "../../shared/accounts/schemas";
import type { PushPayload } from "../../shared/notices/schemas";
import type { Survey } from "../../shared/surveys/model";
import { testPushNetwork, testVapidKeys } from "../helpers/app";
import { type PushReceiver, startPushReceiver } from "../helpers/push-receiver";
import { insertWards, surveyRow } from "../helpers/rows";
import { staffRow } from "../helpers/staff";
import { axeViolations, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;
let receiver: PushReceiver;
let database: Database;
let dir: string;

beforeAll(async () => {
  receiver = await startPushReceiver();
  dir = mkdtempSync(path.join(tmpdir(), "machikoe-e2e-topics-"));
  database = await openDatabase({ dialect: "sqlite", file: path.join(dir, "sender.db") }, registry);
  await insertWards(database, "27127");
});
afterAll(async () => {
  await database?.close();
  await receiver?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await context?.close();
});

const phone = { locale: "ja-JP", viewport: { width: 390, height: 844 }, bypassCSP: true };

/** The browser's push service, standing in: subscribe settles only once `push-works` is set (headless never settles it). */
function fakePush() {
  const fake = {
    endpoint: "https://push.test/push/e2e-topics",
    options: {},
    toJSON: () => ({
      endpoint: "https://push.test/push/e2e-topics",
      keys: { p256dh: "BPk".padEnd(87, "A"), auth: "AAAAAAAAAAAAAAAAAAAAAA" },
    }),
    unsubscribe: async () => {
      localStorage.removeItem("fake-push");
      return true;
    },
  };
  PushManager.prototype.subscribe = () =>
    localStorage.getItem("push-works")
      ? Promise.resolve().then(() => {
          localStorage.setItem("fake-push", "1");
          return fake as unknown as PushSubscription;
        })
      : new Promise<PushSubscription>(() => undefined);
  PushManager.prototype.getSubscription = async () => (localStorage.getItem("fake-push") ? (fake as unknown as PushSubscription) : null);
}

/** A phone whose registrations are recorded (and answered as the server would). */
async function phoneWithFakePush(works: boolean): Promise<{ page: Page; registrations: { method: string; body: unknown }[] }> {
  context = await app.browser.newContext(phone);
  await context.grantPermissions(["notifications"], { origin: app.server.url });
  await context.addInitScript(fakePush);
  if (works) await context.addInitScript(() => localStorage.setItem("push-works", "1"));
  const registrations: { method: string; body: unknown }[] = [];
  await context.route("**/api/push/subscription", async (route) => {
    const request = route.request();
    registrations.push({ method: request.method(), body: request.postDataJSON() });
    await route.fulfill({ status: 200, json: request.method() === "PUT" ? { registered: true } : { removed: true } });
  });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/surveys`);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
  return { page, registrations };
}

/** Buttons, fields and choices under 44×44 px (a checkbox or radio counts by its label), as tests/e2e/accessibility.test.ts measures them. */
function smallControls(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main button, main select, main input, main a.button, main label.choice-option")]
      .filter((el) => el.offsetParent !== null)
      .map((el) => (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox") ? (el.closest("label") ?? el) : el))
      .map((el) => ({ el: el.outerHTML.slice(0, 80), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.width < 44 || r.height < 44),
  );
}

describe("notices by topic", () => {
  it("delivers a published survey's notice to a new-surveys subscriber only, and its click opens the survey", async () => {
    // A survey the app serves; the sender's database publishes the same survey as staff do.
    const { surveys } = (await (await fetch(`${app.server.url}/api/surveys?ward=27127`)).json()) as { surveys: { id: string }[] };
    const survey = (await (await fetch(`${app.server.url}/api/surveys/${surveys[0]?.id}`)).json()) as Survey;
    await database.db
      .insertInto("surveys")
      .values(surveyRow(survey.definition, { id: survey.id, status: "draft", wardCode: "27127" }))
      .execute();
    const newSurveys = receiver.subscribe();
    const newsOnly = receiver.subscribe();
    for (const [browser, topics] of [
      [newSurveys, ["surveys"]],
      [newsOnly, ["news"]],
    ] as const)
      await database.write(saveSubscription, {
        registration: { endpoint: browser.endpoint, keys: browser.keys, ward: "27127", locale: "ja", cohorts: [], topics: [...topics] },
        now: "2000-01-01T00:00:00.000Z",
      });
    const row = staffRow("kita.e2e", "ward_staff", "27127", "-");
    await database.db.insertInto("staffUsers").values(row).execute();
    const staff: StaffUser = { id: row.id, login: row.login, displayName: row.displayName, role: "ward_staff", ward: "27127" };
    await publishSurvey(database, staff, survey.id);
    const sender = new NoticeSender({
      database,
      logger: createLogger("silent"),
      vapid: new VapidHeaders(testVapidKeys, "mailto:test@example.jp"),
      network: { ...testPushNetwork, dial: { host: "127.0.0.1", port: receiver.port }, ca: receiver.ca },
      sendTime: "23:59",
    });
    await sender.runOnce();
    await sender.runOnce();
    await sender.stop();
    expect(receiver.rejected).toEqual([]);
    const to = (browser: { endpoint: string }) => receiver.received.filter((r) => browser.endpoint.endsWith(`/${r.id}`));
    expect(to(newsOnly)).toEqual([]);
    expect(to(newSurveys)).toHaveLength(1);
    const payload = to(newSurveys)[0]?.payload as string;
    expect(JSON.parse(payload) as PushPayload).toMatchObject({ title: "新しいアンケートが始まりました", url: `/surveys/${survey.id}` });

    // The phone: the push service's delivery, as Chromium's DevTools protocol makes it.
    context = await app.browser.newContext(phone);
    await context.grantPermissions(["notifications"], { origin: app.server.url });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/settings`);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
    await page.reload();
    const cdp = await context.newCDPSession(page);
    const registered = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const mine = registrations.find(
          (r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL === `${app.server.url}/` && !r.isDeleted,
        );
        if (mine) resolve(mine.registrationId);
      }),
    );
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.deliverPushMessage", { origin: app.server.url, registrationId: await registered, data: payload });
    const notifications = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body })),
      );
    await expect.poll(notifications).toEqual([{ title: "新しいアンケートが始まりました", body: survey.definition.title.ja }]);

    // 設定 keeps it in the inbox of notices received, whatever its topic.
    const inbox = page.getByRole("region", { name: "受け取ったお知らせ" });
    await expect.poll(() => inbox.getByRole("listitem").count()).toBe(1);
    expect(await inbox.innerText()).toContain(survey.definition.title.ja);
    expect(await axeViolations(page)).toEqual([]);

    // The resident taps it: the service worker's click handler opens the survey in this window.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    await worker.evaluate(async () => {
      // The worker's own globals (the test is typed for the page): its registration and NotificationEvent.
      const scope = self as unknown as {
        registration: { getNotifications(): Promise<Notification[]> };
        dispatchEvent(event: Event): boolean;
        NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      };
      const [notification] = await scope.registration.getNotifications();
      // A tap, as the browser dispatches it (waitUntil refuses an untrusted event; the handler has already started).
      try {
        scope.dispatchEvent(new scope.NotificationEvent("notificationclick", { notification: notification as Notification }));
      } catch {
        // see above
      }
    });
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/surveys/${survey.id}`);
    await page.getByText(survey.definition.title.ja).first().waitFor();
  });

  it("turns on new surveys from the list, adds 区政会議 in 設定, and stops one topic where it was chosen", async () => {
    const { page, registrations } = await phoneWithFakePush(true);
    const puts = () => registrations.filter((r) => r.method === "PUT").map((r) => r.body as { topics: string[]; cohorts: string[] });
    const optIn = page.getByRole("region", { name: "新しいアンケートの通知" });
    expect(await optIn.innerText()).toContain("サーバーに送るのは、お住まいの区、言語、受け取る通知の種類だけです");
    await optIn.getByRole("button", { name: "通知を受け取る" }).click();
    await optIn.getByText("通知を受け取っています。").waitFor();
    expect(puts()).toMatchObject([{ endpoint: "https://push.test/push/e2e-topics", topics: ["surveys"], cohorts: [] }]);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${app.server.url}/settings`);
    // A ward chosen: the registration follows it, and the community page shows the ward's 区政会議.
    await page.locator("select").first().selectOption("27127");
    await expect.poll(() => (puts().at(-1) as { ward?: string } | undefined)?.ward).toBe("27127");
    const settings = page.getByRole("region", { name: "通知" });
    await expect.poll(() => settings.getByRole("checkbox", { name: /新しいアンケート/ }).isChecked()).toBe(true);
    expect(await settings.getByRole("checkbox", { name: /区政会議/ }).isChecked()).toBe(false);
    await settings.getByRole("checkbox", { name: /区政会議/ }).check();
    await settings.getByRole("button", { name: "この内容で保存" }).click();
    await expect.poll(() => puts().at(-1)?.topics).toEqual(["surveys", "meetings"]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.goto(`${app.server.url}/community`);
    const meetings = page.getByRole("region", { name: "区政会議の通知" });
    await meetings.getByText("通知を受け取っています。").waitFor();
    await meetings.getByRole("button", { name: "通知を止める" }).click();
    await expect.poll(() => puts().at(-1)?.topics).toEqual(["surveys"]);
    await meetings.getByRole("button", { name: "通知を受け取る" }).waitFor();
    expect(registrations.filter((r) => r.method === "DELETE")).toEqual([]);
  });

  it("gives up a subscribe that never settles after about 10 s, says so, and retries", async () => {
    const { page, registrations } = await phoneWithFakePush(false);
    const optIn = page.getByRole("region", { name: "新しいアンケートの通知" });
    await optIn.getByRole("button", { name: "通知を受け取る" }).click();
    await optIn
      .getByRole("alert")
      .filter({ hasText: "通知の準備が10秒たっても終わりませんでした。もう一度お試しください。" })
      .waitFor({ timeout: 20_000 });
    expect(registrations).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // The push service answers now: the retry goes through.
    await page.evaluate(() => localStorage.setItem("push-works", "1"));
    await optIn.getByRole("button", { name: "もう一度試す" }).click();
    await optIn.getByText("通知を受け取っています。").waitFor();
    expect(registrations.map((r) => r.method)).toEqual(["PUT"]);
  });

  it("tells a browser without Push exactly that, not that the signal is weak", async () => {
    context = await app.browser.newContext(phone);
    await context.addInitScript(() => {
      delete (window as unknown as { PushManager?: unknown }).PushManager;
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/settings`);
    const settings = page.getByRole("region", { name: "通知" });
    await settings.getByText("このブラウザーはプッシュ通知に対応していないため、通知を受け取れません。").waitFor();
    expect(await settings.innerText()).not.toContain("通信");
    expect(await settings.getByRole("button").count()).toBe(0);
  });

  for (const locale of ["ja", "ja-easy", "en", "zh-Hans", "ko", "vi"])
    it(`has no axe violations on the changed screens in ${locale}`, async () => {
      context = await app.browser.newContext(phone);
      await context.grantPermissions(["notifications"], { origin: app.server.url });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/settings`);
      await page.locator("select").first().selectOption("27127");
      await page.locator(`input[name="locale"][value="${locale}"]`).check();
      await expect.poll(() => page.getAttribute("html", "data-locale")).toBe(locale);
      for (const pathname of ["/settings", "/surveys", "/community", "/childcare"]) {
        await page.goto(app.server.url + pathname);
        await page.locator("h1").waitFor();
        await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
        await page.locator("section h2").last().waitFor();
        expect(await axeViolations(page), `${locale} ${pathname}`).toEqual([]);
        expect(await smallControls(page), `${locale} ${pathname}`).toEqual([]);
      }
    });
});
