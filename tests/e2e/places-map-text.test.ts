/**
 * Text from data is never HTML, on the residents' map too: a 通いの場 named like an HTML tag, imported by
 * ward staff through the console's CSV import, shows on the map's tooltip as the literal text, and no
 * element is made from it (Leaflet reads a string as HTML; the map hands it text nodes).
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

const here = { latitude: 34.7065, longitude: 135.5115 };
const injected = "<img src=x onerror=alert(1)>";

async function newPage(options: Parameters<typeof app.browser.newContext>[0]): Promise<{ page: Page; dialogs: string[] }> {
  const context = await app.browser.newContext({ locale: "ja-JP", bypassCSP: true, ...options });
  contexts.push(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

describe("a place's name on the residents' map", () => {
  it("is shown as text, never run as HTML, after a CSV import planted it", async () => {
    // Ward staff import the file through the console's page.
    const staff = await newPage({ viewport: { width: 1100, height: 900 } });
    await staff.page.goto(`${app.server.url}/staff/local`);
    await staff.page.getByLabel("ログイン名").fill("kita.demo");
    await staff.page.getByLabel("パスワード").fill("kita-demo-password");
    await staff.page.getByRole("button", { name: "ログイン" }).click();
    await staff.page.getByRole("table", { name: /登録済み/ }).waitFor();
    const header = "全国地方公共団体コード,ID,名称,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,確認日";
    const row = `27127,,"${injected}",大阪市北区扇町1-1,${here.latitude},${here.longitude},火,14:00,15:00,いきいき百歳体操,2026-11-01`;
    await staff.page
      .locator('input[type="file"]')
      .setInputFiles({ name: "places.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\r\n${row}\r\n`) });
    await staff.page.getByRole("status").filter({ hasText: "追加 1件" }).waitFor();

    // A resident of 北区 opens the map of Tuesday's 百歳体操.
    const { page, dialogs } = await newPage({
      viewport: { width: 390, height: 844 },
      geolocation: here,
      permissions: ["geolocation"],
    });
    await page.goto(`${app.server.url}/settings`);
    await page.getByLabel("お住まいの区").selectOption("27127");
    await expect.poll(() => page.locator(".app-header").innerText()).toContain("北区");
    await page.getByRole("navigation").getByRole("link", { name: "通いの場" }).click();
    await page.getByLabel("種類").selectOption("hyakusai");
    await page.getByLabel("曜日").selectOption({ label: "火曜日" });
    await page.getByRole("button", { name: "地図" }).click();
    const map = page.getByRole("region", { name: "通いの場の地図" });
    await map.waitFor();
    const circles = map.locator("path.leaflet-interactive");
    await expect.poll(() => circles.count()).toBeGreaterThan(1);

    // The planted place's circle, found by its name (each circle is a named button), pointed at: its tooltip opens.
    // The pointer's event is sent to the circle itself, so a neighbour drawn over it cannot take it.
    const planted = map.getByRole("button", { name: injected, exact: true });
    await planted.dispatchEvent("mouseover");
    const tooltip = map.locator(".leaflet-tooltip").filter({ hasText: injected });
    await tooltip.waitFor({ timeout: 15_000 });
    expect(await tooltip.count()).toBe(1);
    expect(await tooltip.last().innerText()).toBe(injected);
    expect(await tooltip.last().locator("img").count()).toBe(0);
    expect(await map.locator("img[src='x']").count()).toBe(0);
    expect(await page.locator("img[src='x']").count()).toBe(0);
    // The tiles' attribution is text too.
    expect(await map.locator(".leaflet-control-attribution").innerText()).toContain("OpenStreetMap");
    expect(dialogs).toEqual([]);
  });

  it("is the name of its marker, which the keyboard reaches and opens: Enter puts focus on the popup's link", async () => {
    const { page } = await newPage({ viewport: { width: 390, height: 844 }, geolocation: here, permissions: ["geolocation"] });
    await page.goto(`${app.server.url}/settings`);
    await page.getByLabel("お住まいの区").selectOption("27127");
    await page.getByRole("navigation").getByRole("link", { name: "通いの場" }).click();
    await page.getByRole("button", { name: "地図" }).click();
    const map = page.getByRole("region", { name: "通いの場の地図" });
    await map.waitFor();
    const markers = map.getByRole("button").and(map.locator("path.leaflet-interactive"));
    await expect.poll(() => markers.count()).toBeGreaterThan(1);
    // Every marker has a name a screen reader reads, and each is a tab stop.
    const names = await markers.evaluateAll((paths) => paths.map((p) => [p.getAttribute("aria-label") ?? "", p.getAttribute("tabindex")]));
    expect(names.every(([name, tabindex]) => name !== "" && tabindex === "0")).toBe(true);
    // Tab until a marker has focus, then Enter.
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.classList.contains("leaflet-interactive") === true)) break;
    }
    const name = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(name).toBeTruthy();
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        page.evaluate(() => ({
          inPopup: Boolean(document.activeElement?.closest(".leaflet-popup")),
          text: document.activeElement?.textContent,
        })),
      )
      .toEqual({ inPopup: true, text: name });
  });
});
