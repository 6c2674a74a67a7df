/**
 * The PWA in a real browser: the service worker takes control on the first visit, a reload with
 * no network still shows the shell and the cached ward list, a new version waits for the
 * resident's "reload", and the manifest makes the app installable.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { launchPersistentContext, serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

async function openControlled(pathname: string): Promise<Page> {
  context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(app.server.url + pathname);
  await page.locator("h1").waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

const cached = (page: Page, url: string) => page.evaluate(async (u) => (await caches.match(u)) !== undefined, url);

describe("offline", () => {
  it("is controlled by the service worker from the first visit", async () => {
    const page = await openControlled("/");
    // A worker that claims the page may still be finishing its activation when it takes control.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe("activated");
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${app.server.url}/sw.js`);
  });

  it("reloads with no network and still shows the shell, the cached ward list and the chosen ward's 地活協 from the device", async () => {
    const page = await openControlled("/settings");
    // What the first load fetched before the worker took control is fetched again through it.
    await expect.poll(() => cached(page, `${app.server.url}/api/wards`)).toBe(true);
    await page.getByLabel("お住まいの区").selectOption("27127");
    await expect.poll(() => cached(page, `${app.server.url}/api/wards/27127/areas`)).toBe(true);
    // Choosing the ward also keeps its 通いの場, 町会 and 地活協 on the device.
    const synced = () =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open("machikoe");
            open.onerror = () => resolve(false);
            open.onsuccess = () => {
              const read = open.result.transaction("meta").objectStore("meta").get("local:27127");
              read.onsuccess = () => resolve(Boolean(read.result));
              read.onerror = () => resolve(false);
            };
          }),
      );
    await expect.poll(synced).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.locator("h1").waitFor();
    expect(await page.locator("h1").innerText()).toBe("設定");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "オフラインです" }).count()).toBe(1);
    const ward = page.getByLabel("お住まいの区");
    // The list comes from the worker's cache a moment after the heading: wait for it, then check it whole.
    await expect.poll(() => ward.locator("option").count()).toBe(25);
    await expect.poll(() => ward.inputValue()).toBe("27127");

    await page.getByRole("navigation").getByRole("link", { name: "地域・町会" }).click();
    await expect.poll(() => page.getByRole("listitem").filter({ hasText: "菅北" }).count()).toBe(1);

    // A page never visited is still the shell: navigations are answered with the cached index.html.
    await page.goto(`${app.server.url}/childcare`);
    expect(await page.locator("h1").innerText()).toBe("子育て");
  });

  it("says the staff pages need a connection when /staff is first opened offline, instead of a blank page", async () => {
    const page = await openControlled("/surveys");
    await context.setOffline(true);
    await page.goto(`${app.server.url}/staff`);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("職員用の画面は、この端末にまだ保存されていません");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("この画面を開けませんでした");
    expect(await page.getByRole("button", { name: "もう一度読み込む" }).count()).toBe(1);
  });

  it("shows the home page without the later pages' chunk, and says so on another page, when that chunk cannot be fetched", async () => {
    // No service worker yet, and the chunk of the pages after the first cannot be had (the signal dropped).
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.route(/\/assets\/later-[\w-]+\.js$/, (route) => route.abort("internetdisconnected"));
    await page.goto(`${app.server.url}/`);
    await page.locator(".card").first().waitFor();
    expect(await page.locator("h1").innerText()).toBe("アンケート");
    await page.getByRole("navigation").getByRole("link", { name: "設定" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("この画面は、まだこの端末に保存されていません");
    expect(await page.getByRole("button", { name: "もう一度読み込む" }).count()).toBe(1);
  });

  it("offers a new version and switches to it only when the resident reloads", async () => {
    const page = await openControlled("/");
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    // Ship a new version: any byte change to the worker makes the browser install it beside the old one.
    const sw = path.join(app.server.clientDir, "sw.js");
    const original = readFileSync(sw, "utf8");
    appendFileSync(sw, `\n// release ${Date.now()}\n`);
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const prompt = page.getByRole("status").filter({ hasText: "新しいバージョンがあります。" });
      await prompt.waitFor();
      // Until the resident agrees, the old worker stays in control.
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null))).toBe(true);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
      // The new worker takes over and the page reloads itself under it.
      await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "再読み込み" }).click()]);
      await page.locator("h1").waitFor();
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return registration?.waiting === null && registration.active?.state === "activated";
        }),
      ).toBe(true);
      expect(await page.getByRole("status").filter({ hasText: "新しいバージョンがあります。" }).count()).toBe(0);
    } finally {
      writeFileSync(sw, original);
    }
  });
});

describe("installability", () => {
  it("has a web manifest with names, icons 192/512 and maskable, standalone display and a start URL", async () => {
    const response = await fetch(`${app.server.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.name).toContain("まちの声");
    expect(manifest.short_name).toBe("まちの声");
    expect(manifest.start_url).toBe("/");
    expect(manifest.display).toBe("standalone");
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = manifest.icons.map((icon) => `${icon.sizes}:${icon.purpose ?? "any"}`);
    expect(sizes).toEqual(expect.arrayContaining(["192x192:any", "512x512:any", "512x512:maskable"]));
    for (const icon of manifest.icons) {
      const png = await fetch(app.server.url + icon.src);
      expect(png.headers.get("content-type")).toBe("image/png");
    }
  });

  it("meets Chromium's installability checks", async () => {
    // Installability is never granted in an incognito profile, so this test uses a real (temporary) one.
    const persistent = await launchPersistentContext();
    const page = persistent.pages()[0] ?? (await persistent.newPage());
    await page.goto(`${app.server.url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await persistent.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    await persistent.close();
    expect(installabilityErrors).toEqual([]);
  });
});

describe("caching headers", () => {
  it("caches hashed assets for good and revalidates index.html and the service worker", async () => {
    const html = await fetch(`${app.server.url}/`);
    expect(html.headers.get("cache-control")).toBe("no-cache");
    const asset = (await html.text()).match(/\/assets\/[^"]+\.js/)?.[0];
    expect(asset).toBeDefined();
    expect((await fetch(app.server.url + asset)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${app.server.url}/sw.js`)).headers.get("cache-control")).toBe("no-cache");
    const deepLink = await fetch(`${app.server.url}/community`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="root">');
    expect((await fetch(`${app.server.url}/assets/missing.js`)).status).toBe(404);
  });
});
