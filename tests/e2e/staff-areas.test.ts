/**
 * 地域 in the staff console, in real Chromium: ward staff import Excel's Shift_JIS file through the
 * page, are told of another ward's row by line and column and of a UTF-16 file's encoding (nothing
 * written), import their own rows and see them listed; the page is checked with axe and for 44 px
 * targets, refused and after the import.
 */
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function staffPage(): Promise<Page> {
  const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.server.url}/staff`);
  await logIn(page);
  await page.getByRole("navigation", { name: "職員コンソールのメニュー" }).getByRole("link", { name: "地域（地活協の区域）" }).click();
  await page.getByRole("heading", { name: "地域（地活協の区域）" }).waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  return page;
}

async function expectAccessible(page: Page, name: string) {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  expect(await axeViolations(page), name).toEqual([]);
  expect(await smallTargets(page), name).toEqual([]);
}

const cp932 = readFileSync(new URL("../fixtures/csv/areas-cp932.csv", import.meta.url));

describe("地域 in the staff console", () => {
  it("imports Excel's Shift_JIS file through the page, naming another ward's row, and lists the ward's areas", async () => {
    const page = await staffPage();
    const table = page.getByRole("table", { name: /この区の地域/ });
    await table.waitFor();
    await expectAccessible(page, "areas");
    const before = await table.locator("tbody tr").allInnerTexts();
    const download = page.getByRole("link", { name: "今の地域をCSVでダウンロード" });
    expect(await download.getAttribute("href")).toBe("/api/staff/wards/areas/export.csv?ward=27127");

    // The city's file holds a 中央区 row too: ward staff of 北区 are told which, and nothing is written.
    const upload = (buffer: Buffer) =>
      page.locator('input[type="file"]').setInputFiles({ name: "areas.csv", mimeType: "text/csv", buffer });
    await upload(cp932);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("4行目・全国地方公共団体コード: 担当の区ではありません");
    expect(await table.locator("tbody tr").allInnerTexts()).toEqual(before);
    await expectAccessible(page, "import refused");

    // A UTF-16 file is named, with how to save it from Excel.
    await upload(readFileSync(new URL("../fixtures/csv/areas-utf16.csv", import.meta.url)));
    await page.getByRole("alert").filter({ hasText: "UTF-16LE" }).waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("「CSV UTF-8 (コンマ区切り)」");
    expect(await table.locator("tbody tr").allInnerTexts()).toEqual(before);

    // The same file without that row (still Shift_JIS) imports, and the page lists the new areas.
    const own = Buffer.from(cp932.subarray(0, cp932.indexOf(Buffer.from("\r\n27128,")) + 2));
    await upload(own);
    await page.getByRole("status").filter({ hasText: "追加 2件" }).waitFor();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(before.length + 2);
    const rows = await table.locator("tbody tr").allInnerTexts();
    expect(rows.some((r) => r.includes("髙松～扇町") && r.includes("たかまつおうぎまち") && r.includes("12,345"))).toBe(true);
    await expectAccessible(page, "imported");

    // The download is the ward's areas in the columns the import reads.
    const exported = await page.evaluate(async (href) => (await fetch(href as string)).text(), await download.getAttribute("href"));
    expect(exported.split("\r\n")[0]).toBe('"全国地方公共団体コード","ID","名称","名称_カナ","名称_英語","人口","表示順"');
    expect(exported).toContain('"27127-91","髙松～扇町"');
  });
});
