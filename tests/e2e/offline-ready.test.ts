/**
 * The notice that the app now works offline, on a phone: said on the first visit once the service
 * worker is ready, closed with a button, not said again on the next visit, and never in the staff
 * console (which works online only).
 */
import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close();
});

const said = "電波がなくても使えるようになりました。";

describe("the offline-ready notice", () => {
  it("is said once on a device, and closes", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/`);
    const notice = page.getByRole("status").filter({ hasText: said });
    await notice.waitFor();
    await notice.getByRole("button", { name: "閉じる" }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await page.reload();
    await page.locator("h1").waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByRole("navigation").getByRole("link", { name: "設定" }).click();
    await page.locator("h1").filter({ hasText: "設定" }).waitFor();
    expect(await page.getByText(said).count()).toBe(0);
  });

  it("appears without moving the page under the thumb (cumulative layout shift under 0.05 on a first visit to home, a poll and 通いの場)", async () => {
    const surveys = (await (await fetch(`${app.server.url}/api/surveys`)).json()) as { surveys: { id: string; kind: string }[] };
    const poll = surveys.surveys.find((s) => s.kind === "poll");
    if (!poll) throw new Error("no poll in the demo data");
    const shifts: Record<string, number> = {};
    for (const pathname of ["/", `/surveys/${poll.id}`, "/places"]) {
      context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { shifts: number }).shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${app.server.url}${pathname}`);
      await page.getByRole("status").filter({ hasText: said }).waitFor();
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
      await page.waitForTimeout(500);
      shifts[pathname] = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
      await context.close();
      context = undefined;
    }
    for (const [pathname, shift] of Object.entries(shifts)) expect(shift, pathname).toBeLessThan(0.05);
  });

  it("is never said in the staff console", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff`);
    await page.getByLabel("ログイン名").waitFor();
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === "activated");
    // The worker is ready: a resident's page would say so now.
    await page.getByRole("button", { name: "ログイン" }).waitFor();
    expect(await page.getByText(said).count()).toBe(0);
  });
});
