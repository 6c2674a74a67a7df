/** The app shell in a real browser: language detection and choice, text size, navigation. */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;
const pageErrors: string[] = [];

afterEach(async () => {
  await context?.close();
  // Script errors and CSP violations show as console errors: there must be none.
  expect(pageErrors.splice(0)).toEqual([]);
});

async function open(locale: string, path = "/"): Promise<Page> {
  context = await app.browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(app.server.url + path);
  await page.locator("h1").waitFor();
  return page;
}

describe("the app shell", () => {
  it("opens in Japanese for a Japanese browser, with the five sections in the bottom navigation", async () => {
    const page = await open("ja-JP");
    expect(await page.locator("h1").innerText()).toBe("アンケート");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    const nav = page.getByRole("navigation", { name: "メインメニュー" });
    expect(await nav.getByRole("link").allInnerTexts()).toEqual(["アンケート", "通いの場", "地域・町会", "子育て", "設定"]);
    expect(await nav.getByRole("link", { name: "アンケート" }).getAttribute("aria-current")).toBe("page");
    expect(await page.title()).toBe("アンケート | まちの声");
  });

  it("downloads only the active locale", async () => {
    context = await app.browser.newContext({ locale: "ko-KR" });
    const page = await context.newPage();
    const localeFiles: string[] = [];
    page.on("request", (request) => {
      const match = new URL(request.url()).pathname.match(/^\/assets\/([\w-]+?)-[\w-]{8}\.json$/);
      if (match) localeFiles.push(match[1] as string);
    });
    await page.goto(`${app.server.url}/`);
    await page.locator("h1").waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await page.getAttribute("html", "lang")).toBe("ko");
    // Once from the page, once more through the service worker to cache it for offline use.
    expect(new Set(localeFiles)).toEqual(new Set(["ko"]));
  });

  it("takes the browser's language on the first visit", async () => {
    const page = await open("vi-VN");
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    expect(await page.getByRole("navigation").getByRole("link").first().innerText()).not.toBe("アンケート");
  });

  it("keeps a switch to English across a reload", async () => {
    const page = await open("ja-JP", "/settings");
    await page.getByRole("radio", { name: "English" }).check();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Settings");
    // Reloaded once the page says the choice is saved (on a loaded machine the write can come a moment later).
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved" }).count()).toBeGreaterThan(0);
    await page.reload();
    await page.locator("h1").waitFor();
    expect(await page.locator("h1").innerText()).toBe("Settings");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("radio", { name: "English" }).isChecked()).toBe(true);
  });

  it("shows やさしい日本語 with furigana", async () => {
    const page = await open("ja-JP", "/settings");
    await page.getByRole("radio", { name: "やさしい にほんご" }).check();
    await expect.poll(() => page.locator("h1 ruby rt").count()).toBeGreaterThan(0);
    expect(await page.getAttribute("html", "lang")).toBe("ja");
  });

  it("enlarges all text when the resident chooses a larger size, and keeps it", async () => {
    const page = await open("ja-JP", "/settings");
    const rootSize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await rootSize();
    await page.getByRole("radio", { name: "とても大きい" }).check();
    await expect.poll(rootSize).toBeCloseTo(before * 1.375, 1);
    await page.reload();
    await page.locator("h1").waitFor();
    expect(await rootSize()).toBeCloseTo(before * 1.375, 1);
  });

  it("moves between sections from the bottom navigation, by keyboard too, and shows the chosen ward's areas", async () => {
    const page = await open("ja-JP", "/settings");
    await page.getByLabel("お住まいの区").selectOption("27127");
    await expect.poll(() => page.locator(".app-header").innerText()).toContain("北区");
    const communityLink = page.getByRole("navigation").getByRole("link", { name: "地域・町会" });
    await communityLink.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("h1").innerText()).toBe("地域・町会");
    expect(new URL(page.url()).pathname).toBe("/community");
    await expect.poll(() => page.getByRole("listitem").filter({ hasText: "菅北" }).count()).toBe(1);
    // Focus moved to the new page's heading, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  });

  it("tells the resident when a page does not exist, with a way back", async () => {
    const page = await open("ja-JP", "/no-such-page");
    expect(await page.locator("h1").innerText()).toBe("ページが見つかりません");
    await page.getByRole("link", { name: "アンケートのページへ戻る" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("アンケート");
  });
});
