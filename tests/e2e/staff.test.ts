/**
 * The staff console in a real browser: it is a chunk residents never download; ward staff log in
 * with the demo account, see only their ward's surveys, and read a sampled survey's results with
 * 95 % intervals and hidden small cells; axe finds nothing on its pages, in Japanese and English.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

describe("the staff console", () => {
  it("keeps the stop-word panel open, and its list unfetched again, while the free-text comments reload", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const listReads: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "GET" && request.url().includes("/stop-words")) listReads.push(request.url());
    });
    await page.goto(`${app.server.url}/staff`);
    await logIn(page);
    await page.locator("tbody a").first().click();
    await page.locator(".staff-segment").first().waitFor();
    await page.goto(`${new URL(page.url()).href}/comments`);
    const panel = page.locator("details.stop-words");
    await panel.locator("summary").click();
    await page.getByRole("textbox", { name: "除く言葉" }).waitFor();
    const readsBefore = listReads.length;
    expect(readsBefore).toBe(1);

    await page.getByRole("searchbox", { name: "キーワードで探す" }).fill("公園");
    await page.getByRole("button", { name: "検索", exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    await page.getByRole("heading", { level: 2 }).filter({ hasText: "件" }).first().waitFor();
    expect(await panel.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    expect(listReads).toHaveLength(readsBefore);
  });

  it("is never downloaded by a resident, nor precached by the service worker", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${app.server.url}/surveys`);
    await page.locator("h1").waitFor();
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
    await page.goto(`${app.server.url}/settings`);
    await page.locator("h1").waitFor();

    expect(requested.filter((url) => /StaffApp|staff\/locales|\/api\/staff/.test(url))).toEqual([]);
    const sw = readFileSync(path.join(app.server.clientDir, "sw.js"), "utf8");
    expect(sw).toContain("index.html");
    expect(sw).not.toMatch(/StaffApp/);
  });

  it("lets ward staff log in and read their ward's sampled survey with intervals and hidden small cells", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff`);
    await page.getByRole("heading", { name: "職員ログイン" }).waitFor();

    await logIn(page, "kita.demo", "wrong password");
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("ログイン名またはパスワードが違います");

    await logIn(page);
    await page.getByRole("heading", { name: "アンケート" }).waitFor();
    const table = page.getByRole("table", { name: "担当のアンケート（新しい順）" });
    // Only 北区's surveys: its poll and its 区民意識調査, not the city's nor another ward's.
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
    expect(await table.innerText()).not.toContain("市全体");

    await table.getByRole("link", { name: /区民意識調査/ }).click();
    await page.getByRole("columnheader", { name: "95%信頼区間" }).first().waitFor();
    const results = await page.locator("main").innerText();
    expect(results).toMatch(/\d+\.\d% – \d+\.\d%/);
    expect(results).toContain("10未満");
    // Published, not live: the time of the snapshot the tables come from, and when they change.
    expect(results).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} 時点の集計です。/);

    // Weighted to the ward's age structure: a column of weighted shares with their intervals.
    await page.getByLabel("年代構成で補正した割合も表示する（事後層化）").check();
    await page.getByRole("columnheader", { name: "補正後の割合" }).first().waitFor();
    expect(await page.locator("main").innerText()).toMatch(/\d+\.\d% \(\d+\.\d% – \d+\.\d%\)/);
    await page.getByLabel("年代構成で補正した割合も表示する（事後層化）").uncheck();

    // By age band: the breakdown hides bands too small to show.
    await page.getByLabel("内訳").selectOption("ageBand");
    await expect.poll(() => page.locator(".staff-segment").count()).toBeGreaterThan(1);

    // The ward's poll takes anyone's answers: its results say so (issue 13, finding 8).
    await page.goto(`${app.server.url}/staff`);
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
    await table.getByRole("link").filter({ hasNotText: "区民意識調査" }).first().click();
    await expect.poll(() => page.getByRole("note").filter({ hasText: "未検証の意見募集" }).count()).toBe(1);

    await page.getByRole("button", { name: "ログアウト" }).click();
    await page.getByRole("heading", { name: "職員ログイン" }).waitFor();
    expect((await fetch(`${app.server.url}/api/staff/session`)).status).toBe(401);
  });

  describe.each(["ja", "en"])("in %s", (locale) => {
    it("has no axe violations and 44 px targets on the login, survey list, results, builder, paper-entry, free-text, audit-log, population accounts, needs-matching, targets, local-information, areas and notices pages", async () => {
      context = await app.browser.newContext({
        locale: locale === "ja" ? "ja-JP" : "en-US",
        viewport: { width: 390, height: 844 },
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/staff`);
      await page.locator("h1").waitFor();
      expect(await axeViolations(page), "login").toEqual([]);
      expect(await smallTargets(page), "login").toEqual([]);

      await page.locator('input[name="login"]').fill("kita.demo");
      await page.locator('input[name="password"]').fill("kita-demo-password");
      await page.locator('button[type="submit"]').click();
      await page.locator("table").first().waitFor();
      expect(await axeViolations(page), "surveys").toEqual([]);
      expect(await smallTargets(page), "surveys").toEqual([]);

      await page.locator("tbody a").first().click();
      await page.locator(".staff-segment").first().waitFor();
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
      expect(await axeViolations(page), "results").toEqual([]);
      expect(await smallTargets(page), "results").toEqual([]);

      const surveyPath = new URL(page.url()).pathname;
      for (const [name, path] of [
        ["builder", "/staff/surveys/new"],
        ["paper entry", `${surveyPath}/paper`],
        ["free text", `${surveyPath}/comments`],
        ["audit log", "/staff/audit"],
        ["population", "/staff/population"],
        ["needs matching", "/staff/matching"],
        ["targets", "/staff/indicators"],
        ["local information", "/staff/local"],
        ["areas", "/staff/areas"],
        ["notices", "/staff/notices"],
        ["accounts", "/staff/users"],
      ] as const) {
        await page.goto(app.server.url + path);
        await page.locator("h1").waitFor();
        await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
        expect(await axeViolations(page), name).toEqual([]);
        expect(await smallTargets(page), name).toEqual([]);
      }
    });
  });
});
