/**
 * The 子育てタイムライン on a phone: a parent registers a due date and sees the timeline worked out
 * from it; ticks an item off; and with no signal, after a reload, still sees all of it — because
 * the dates live only in this device's IndexedDB.
 */
import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { addMonths } from "../../shared/childcare/dates";
import { jstToday } from "../../shared/time";
import { axeViolations, serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
});

describe("子育てタイムライン", () => {
  it("shows a parent's timeline from a due date, keeps ticks, and works offline", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => {
      if (request.method() !== "GET") requests.push(request.url());
    });
    await page.goto(`${app.server.url}/childcare`);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
    await page.reload();

    const due = addMonths(jstToday(), 3);
    await page.getByLabel("呼び名（本名ではなく、ニックネームで）").fill("まめ");
    await page.getByLabel("日付").fill(due);
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByRole("status").filter({ hasText: "まめを登録しました" }).waitFor();

    const dueNow = page.getByRole("region", { name: /今の時期です/ });
    await expect.poll(() => dueNow.innerText()).toContain("妊婦健康診査");
    const overdue = page.getByRole("region", { name: /時期を過ぎています/ });
    const report = overdue.getByRole("listitem").filter({ hasText: "妊娠届と母子健康手帳" });
    // Ticked, the item moves to 済み (a click, not check(): the box leaves this list as it is ticked).
    await report.getByLabel("済んだ").click();
    const done = page.getByRole("region", { name: /済み/ });
    await expect.poll(() => done.innerText()).toContain("妊娠届と母子健康手帳");
    // Estimated items after birth carry the due date's mark.
    expect(await page.locator("main").innerText()).toContain("予定日からの目安");
    expect(await axeViolations(page)).toEqual([]);
    // Nothing about the child went to the server.
    expect(requests.filter((url) => url.includes("/api/"))).toEqual([]);

    await context.setOffline(true);
    await page.reload();
    await page.locator("h1").waitFor();
    await expect.poll(() => page.locator("main").innerText()).toContain("まめ: 出産予定日");
    expect(await page.getByRole("region", { name: /済み/ }).innerText()).toContain("妊娠届と母子健康手帳");
    expect(await page.getByRole("region", { name: /今の時期です/ }).innerText()).toContain("妊婦健康診査");
  });
});
