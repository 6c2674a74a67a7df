/**
 * 操作ログ in a real browser: 北区's staff open their join inbox (by the API, as the console does); a city
 * administrator filters the log by that action and reads it in Japanese — the action's label and 北区 by
 * name, never the code or a raw key — then switches the console to English and reads the same row in
 * English. The page is checked with axe and for 44 px targets in both languages.
 */
import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
});

/** 北区's demo staff log in and open the ward's join inbox, as the console's 町会 page would. */
async function kitaOpensJoinInbox(url: string) {
  const login = await fetch(`${url}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "kita.demo", password: "kita-demo-password" }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  expect((await fetch(`${url}/api/staff/local/join-requests`, { headers: { cookie } })).status).toBe(200);
}

describe("操作ログ", () => {
  it("lets an administrator filter by action and read labels and ward names, in Japanese and in English", async () => {
    await kitaOpensJoinInbox(app.server.url);
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff/audit`);
    await logIn(page, "city.demo", "city-demo-password");
    await page.getByRole("heading", { name: "操作ログ", level: 1 }).waitFor();
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    await expectAccessible();

    await page.getByLabel("操作", { exact: true }).selectOption({ label: "町会加入申込の閲覧" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    const rows = page.getByRole("table").getByRole("row");
    const row = rows.filter({ hasText: "kita.demo" });
    await row.waitFor();
    expect(await rows.count()).toBe(2); // the header and kita.demo's one opening
    const text = await row.innerText();
    expect(text).toContain("北区");
    expect(text).toContain("町会加入申込の閲覧");
    expect(text).toMatch(/\d+件/);
    expect(text).not.toMatch(/27127|join\.view|audit\.|\{/);
    await expectAccessible();

    await page.getByLabel("表示言語").selectOption("en");
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    const english = page.getByRole("table").getByRole("row").filter({ hasText: "kita.demo" });
    await expect.poll(() => english.innerText()).toContain("Viewed join requests");
    expect(await english.innerText()).toContain("Kita Ward");
    expect(await english.innerText()).not.toMatch(/27127|join\.view/);
    // The filter still holds: the administrator's own login is not listed.
    expect(await page.getByRole("table").getByRole("row").count()).toBe(2);
    await expectAccessible();

    async function expectAccessible() {
      expect(await axeViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
    }
  });
});
