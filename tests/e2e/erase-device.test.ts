/**
 * 設定 → 「この端末のデータをすべて削除」 on a phone: a resident with a ward, a child, push notices and an
 * answer still waiting to be sent is warned about the unsent answer, can still say no, and after saying
 * yes has nothing of the app left in the browser (every IndexedDB database and Cache Storage cache,
 * read through the page), the server's push record removed, and no message about a child now gone.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { SurveySummary } from "../../shared/surveys/model";
import { axeViolations, serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close();
});

const ward = "27127";
const endpoint = "https://push.test/push/erase";
const auth = "AAAAAAAAAAAAAAAAAAAAAA";

/** The browser's push service, standing in (PushManager.subscribe never settles headless): a subscription kept across reloads. */
function fakePush() {
  const fake = {
    endpoint: "https://push.test/push/erase",
    options: {},
    toJSON: () => ({ endpoint: "https://push.test/push/erase", keys: { p256dh: "BPk".padEnd(87, "A"), auth: "AAAAAAAAAAAAAAAAAAAAAA" } }),
    unsubscribe: async () => {
      localStorage.removeItem("fake-push");
      return true;
    },
  };
  PushManager.prototype.subscribe = async () => {
    localStorage.setItem("fake-push", "1");
    return fake as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async () => (localStorage.getItem("fake-push") ? (fake as unknown as PushSubscription) : null);
}

const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

async function pollOfWard(): Promise<SurveySummary> {
  const { surveys } = (await (await fetch(`${app.server.url}/api/surveys?ward=${ward}`)).json()) as { surveys: SurveySummary[] };
  const poll = surveys.find((s) => s.kind === "poll" && s.ward === ward);
  if (!poll) throw new Error("no demo poll");
  return poll;
}

describe("deleting everything on this device", () => {
  it("warns about an unsent answer, then leaves IndexedDB and the caches empty and the server's push record removed", async () => {
    context = await app.browser.newContext({
      locale: "ja-JP",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
    await context.grantPermissions(["notifications"], { origin: app.server.url });
    await context.addInitScript(fakePush);
    const pushCalls: { method: string; body: unknown }[] = [];
    await context.route("**/api/push/subscription", async (route) => {
      const request = route.request();
      pushCalls.push({ method: request.method(), body: request.postDataJSON() });
      await route.fulfill({
        status: request.method() === "PUT" ? 201 : 200,
        json: request.method() === "PUT" ? { registered: true } : { removed: true },
      });
    });
    // Answers cannot reach the server: the one given below waits in the outbox.
    await context.route("**/api/surveys/*/responses", (route) => route.abort("connectionrefused"));
    const page = await context.newPage();
    await page.goto(`${app.server.url}/settings`);
    await page.getByLabel("お住まいの区").selectOption(ward);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect.poll(async () => (await cacheNames(page)).length).toBeGreaterThan(0);

    // A child, notices on, and the message 「ゆいを登録しました。」 on the 子育て page.
    await page.getByRole("navigation").getByRole("link", { name: "子育て" }).click();
    await page.getByLabel("呼び名（本名ではなく、ニックネームで）").fill("ゆい");
    await page.getByRole("radio", { name: /生まれた日/ }).check();
    await page.getByLabel("日付").fill("2026-01-15");
    await page.getByRole("button", { name: "登録する", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "ゆいを登録しました" }).waitFor();
    await page.getByRole("region", { name: "子育ての通知" }).getByRole("button", { name: "通知を受け取る" }).click();
    await expect.poll(() => pushCalls.filter((c) => c.method === "PUT").length).toBe(1);

    // An answer given, sent, and still waiting.
    const poll = await pollOfWard();
    await page.goto(`${app.server.url}/surveys/${poll.id}`);
    await page.locator(".screen-heading").waitFor();
    // Each screen answered with its first choice (or 8), until the review offers 「送信する」.
    for (let step = 0; step < 12 && (await page.getByRole("button", { name: "送信する" }).count()) === 0; step++) {
      const heading = await page.locator(".screen-heading").innerText();
      const choice = page.locator("main input[type=radio], main input[type=checkbox]").first();
      if (await choice.count()) await choice.check();
      const number = page.getByRole("spinbutton");
      if (await number.count()) await number.fill("8");
      await page.getByRole("button", { name: /次へ|確認へ進む|回答を始める/ }).click();
      await expect.poll(() => page.locator(".screen-heading").innerText()).not.toBe(heading);
    }
    await page.getByRole("button", { name: "送信する" }).click();
    await expect.poll(() => page.locator(".outbox-status").innerText()).toContain("送信待ち");

    await page.getByRole("navigation").getByRole("link", { name: "設定" }).click();
    const button = page.getByRole("button", { name: "この端末のデータをすべて削除" });
    await button.click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.innerText()).toContain("まだ送信していない回答が1件あります");
    expect(await axeViolations(page)).toEqual([]);
    // Saying no keeps everything.
    await dialog.getByRole("button", { name: "やめる" }).click();
    expect(await databases(page)).toContain("machikoe");

    await button.click();
    await dialog.getByRole("button", { name: "すべて削除する" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "この端末のデータをすべて削除しました。通知の登録もサーバーから削除しました。" })
      .waitFor();
    expect(await databases(page)).toEqual([]);
    expect(await cacheNames(page)).toEqual([]);
    expect(pushCalls.filter((c) => c.method === "DELETE")).toEqual([{ method: "DELETE", body: { endpoint, auth } }]);
    expect(await page.getByLabel("お住まいの区").inputValue()).toBe("");
    expect(await axeViolations(page)).toEqual([]);

    // The app goes on as on a new phone: no child, no stale 「ゆいを登録しました。」, no answer of ours.
    await page.getByRole("navigation").getByRole("link", { name: "子育て" }).click();
    await page.getByText("お子さんを登録すると、ここに予定が表示されます。").waitFor();
    expect(await page.locator("main").innerText()).not.toContain("ゆい");
  });

  it("leaves no message about a child behind when the 子育て data is deleted", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/childcare`);
    await page.getByLabel("呼び名（本名ではなく、ニックネームで）").fill("ゆい");
    await page.getByRole("radio", { name: /生まれた日/ }).check();
    await page.getByLabel("日付").fill("2026-01-15");
    await page.getByRole("button", { name: "登録する", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "ゆいを登録しました" }).waitFor();
    await page.getByRole("button", { name: "子育てのデータをすべて削除" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "削除する" }).click();
    await page.getByRole("status").filter({ hasText: "子育てのデータを削除しました" }).waitFor();
    expect(await page.locator("main").innerText()).not.toContain("ゆい");
  });
});
