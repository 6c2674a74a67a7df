/**
 * Needs matching and yearly targets in a real browser, on the demo data: ward staff keep their
 * policies (with undo after a delete) and read the matrix; they record a year's value and see it in
 * the table behind the chart; a city administrator compares the wards and reads the city's
 * average. Every page state is checked with axe and for 44 px targets.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { axeViolations, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function logIn(login: string, password: string, path: string): Promise<Page> {
  const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${app.server.url}${path}`);
  await page.getByLabel("ログイン名").fill(login);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.locator("h1").waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  return page;
}

async function expectAccessible(page: Page, name: string) {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  expect(await axeViolations(page), name).toEqual([]);
  expect(await smallTargets(page), name).toEqual([]);
}

describe("needs matching", () => {
  it("lets ward staff add a policy, see it beside the need, delete it and undo the delete", async () => {
    const page = await logIn("kita.demo", "kita-demo-password", "/staff/matching");
    const matrix = page.getByRole("table", { name: "分野別のニーズと施策" });
    await matrix.waitFor();
    // The demo's 区民意識調査 gives a share for the most chosen theme, with its interval.
    const childcare = matrix.getByRole("row", { name: /子育て支援/ });
    expect(await childcare.innerText()).toMatch(/\d+\.\d% \(\d+\.\d% – \d+\.\d%\)/);
    expect(await matrix.innerText()).toContain("10未満");
    const before = Number((await childcare.innerText()).match(/施策 (\d+)件/)?.[1]);

    await page.getByRole("button", { name: "施策を追加" }).click();
    await page.getByLabel("施策名").fill("子育て世帯の防災ワークショップ");
    await page.getByLabel("計画の章（例: 3(1)）").fill("3(1)");
    await page.getByLabel("子育て支援").check();
    await page.getByLabel("地域防災").check();
    await expectAccessible(page, "policy form");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("status").filter({ hasText: "保存しました" }).waitFor();
    await expect.poll(async () => Number((await childcare.innerText()).match(/施策 (\d+)件/)?.[1])).toBe(before + 1);
    expect(await childcare.innerText()).toContain("子育て世帯の防災ワークショップ");

    await page.getByRole("button", { name: "「子育て世帯の防災ワークショップ」を削除" }).click();
    await page.getByRole("status").filter({ hasText: "削除しました" }).waitFor();
    await expect.poll(async () => Number((await childcare.innerText()).match(/施策 (\d+)件/)?.[1])).toBe(before);
    await page.getByRole("button", { name: "元に戻す" }).click();
    await expect.poll(async () => Number((await childcare.innerText()).match(/施策 (\d+)件/)?.[1])).toBe(before + 1);

    // By age band, and the CSV of what is shown.
    await page.getByLabel("内訳").selectOption("ageBand");
    await page.getByRole("columnheader", { name: "30代" }).waitFor();
    await expectAccessible(page, "matching by age");
    const href = (await page.getByRole("link", { name: "この表をCSVでダウンロード" }).getAttribute("href")) ?? "";
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, text: await response.text() };
    }, href);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("子育て世帯の防災ワークショップ");
    expect(csv.text).toContain("30代(%)");
  });

  it("shows a city administrator every ward side by side", async () => {
    const page = await logIn("city.demo", "city-demo-password", "/staff/matching");
    const comparison = page.getByRole("table", { name: "区別・分野別のニーズと施策数" });
    await comparison.waitFor();
    await expect.poll(() => comparison.locator("tbody tr").count()).toBe(24);
    expect(await comparison.innerText()).toContain("ニーズ高・施策少");
    await expectAccessible(page, "ward comparison");
  });
});

describe("yearly targets", () => {
  it("shows the ward's trend against the target with a data table, and takes a recorded value", async () => {
    const page = await logIn("kita.demo", "kita-demo-password", "/staff/indicators");
    const section = page.getByRole("region", { name: "地域活動協議会を知っている住民の割合", exact: true });
    await section.getByRole("img", { name: "年度ごとの値と目標線のグラフ" }).waitFor();
    const table = section.getByRole("table");
    // 2022 to 2025 recorded, 2026 from the survey in the app.
    await expect.poll(() => table.locator("tbody tr").count()).toBe(5);
    expect(await table.innerText()).toContain("アプリのアンケート");
    expect(await section.innerText()).toMatch(/目標（2026年度 \d+\.\d%）/);
    await expectAccessible(page, "targets");

    await section.getByLabel("年度", { exact: true }).fill("2021");
    await section.getByLabel("過去の調査の値を記録").check();
    await section.getByLabel("割合（%）").fill("120");
    await section.getByLabel("回答者数").fill("400");
    await section.getByRole("button", { name: "この年度の値を保存" }).click();
    await expect.poll(() => section.getByRole("alert").innerText()).toContain("0 から 100");
    await section.getByLabel("割合（%）").fill("41.5");
    await section.getByRole("button", { name: "この年度の値を保存" }).click();
    await page.getByRole("status").filter({ hasText: "2021年度の値を保存しました" }).waitFor();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(6);
    expect(await table.locator("tbody tr").first().innerText()).toContain("41.5%");
  });

  it("gives a city administrator the average of all wards and each ward's series", async () => {
    const page = await logIn("city.demo", "city-demo-password", "/staff/indicators");
    const section = page.getByRole("region", { name: "地域活動協議会を知っている住民の割合", exact: true });
    const table = section.getByRole("table", { name: /年度ごとの値/ });
    await table.waitFor();
    // The city's baseline is the plan's 全区平均 for 2022.
    expect(await table.getByRole("row", { name: /^2022/ }).innerText()).toContain("48.7%");
    expect(await table.innerText()).toContain("24区の平均");
    await section.getByLabel("表示する区").selectOption({ label: "北区" });
    await expect.poll(() => table.innerText()).toContain("アプリのアンケート");
    await expectAccessible(page, "targets (administrator)");
  });
});
