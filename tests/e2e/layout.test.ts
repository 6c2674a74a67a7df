/**
 * Layout on a small phone: the 通いの場 map's markers and zoom buttons pass under the bottom navigation
 * (which stays on top and tappable), a 区政会議 agenda keeps its line breaks, and a 地活協's amounts are
 * never broken inside (「￥180,0/00」).
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close();
});

async function resident(width = 390): Promise<Page> {
  context = await app.browser.newContext({ locale: "ja-JP", viewport: { width, height: 700 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.getByLabel("お住まいの区").selectOption("27127");
  await expect.poll(() => page.locator(".app-header").innerText()).toContain("北区");
  return page;
}

/** What a tap at the centre of `selector`'s box would reach: inside the bottom navigation or not. */
const tapReachesNav = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const box = document.querySelector(s)?.getBoundingClientRect();
    if (!box) return null;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit?.closest(".bottom-nav") !== null;
  }, selector);

/** How many lines the browser lays the text of each element matching `selector` on. */
const lineCounts = (page: Page, selector: string) =>
  page.evaluate(
    (s) =>
      [...document.querySelectorAll(s)].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    selector,
  );

describe("layout on a phone", () => {
  it("keeps the map's zoom buttons and markers under the bottom navigation", async () => {
    const page = await resident();
    await page.getByRole("navigation").getByRole("link", { name: "通いの場" }).click();
    await page.getByRole("button", { name: "地図" }).click();
    const map = page.getByRole("region", { name: "通いの場の地図" });
    await map.locator(".leaflet-control-zoom-in").waitFor();
    // Scroll until the zoom buttons sit where the navigation is.
    await page.evaluate(() => {
      const zoom = document.querySelector(".leaflet-control-zoom-in")?.getBoundingClientRect();
      const nav = document.querySelector(".bottom-nav")?.getBoundingClientRect();
      if (zoom && nav) window.scrollBy(0, zoom.top + zoom.height / 2 - (nav.top + nav.height / 2));
    });
    const zoom = await page.locator(".leaflet-control-zoom-in").boundingBox();
    const nav = await page.locator(".bottom-nav").boundingBox();
    expect(zoom && nav && zoom.y + zoom.height / 2 > nav.y).toBe(true);
    expect(await tapReachesNav(page, ".leaflet-control-zoom-in")).toBe(true);
    // Wherever the map (its tiles and markers) lies under the navigation, the navigation is what a tap reaches.
    const underNav = await page.evaluate(() => {
      const nav = document.querySelector(".bottom-nav")?.getBoundingClientRect();
      const mapBox = document.querySelector(".places-map")?.getBoundingClientRect();
      if (!nav || !mapBox) return [];
      const points: boolean[] = [];
      for (let x = mapBox.left + 10; x < mapBox.right - 10; x += 20) {
        const y = nav.top + nav.height / 2;
        if (y > mapBox.top && y < mapBox.bottom) points.push(document.elementFromPoint(x, y)?.closest(".bottom-nav") !== null);
      }
      return points;
    });
    expect(underNav.length).toBeGreaterThan(5);
    expect(underNav.filter((reached) => !reached)).toEqual([]);
  });

  it("keeps a 区政会議 agenda's line breaks", async () => {
    const page = await resident();
    await page.getByRole("navigation").getByRole("link", { name: "地域・町会" }).click();
    const agenda = page.locator(".pre-line").first();
    await agenda.waitFor();
    expect(await agenda.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("pre-line");
    expect((await lineCounts(page, ".pre-line"))[0]).toBeGreaterThanOrEqual(3);
  });

  it("never breaks an amount inside, on a 320 px screen", async () => {
    const page = await resident(320);
    await page.getByRole("navigation").getByRole("link", { name: "地域・町会" }).click();
    await page.locator("a[href^='/community/councils/']").first().click();
    await page.locator("td.number").first().waitFor();
    const lines = await lineCounts(page, "td.number");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((n) => n > 1)).toEqual([]);
  });
});
