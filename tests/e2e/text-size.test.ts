/**
 * Every text size (issue 15, WCAG 1.4.4 and 1.4.10): at `html { font-size: 200% }` on a 320×640 phone, in
 * each of the six languages and on every section, the navigation keeps all five tabs — 設定, where text
 * size and language are changed, included — on screen and uncut; the bars that stay on screen take at most
 * 40 % of its height; and no page scrolls sideways.
 */
import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { serverAndBrowserForThisFile, settingsStored } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;
afterEach(async () => {
  await context?.close();
});

const sections = ["/surveys", "/places", "/community", "/childcare", "/settings"];

describe.each(["ja", "ja-easy", "en", "zh-Hans", "ko", "vi"])("at 200 percent text on a 320 px phone in %s", (locale) => {
  it("keeps every tab on screen and uncut, the bars small, and nothing scrolling sideways", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 320, height: 640 }, bypassCSP: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/settings`);
    await page.locator("select").first().selectOption("27127");
    await page.locator(`input[name="locale"][value="${locale}"]`).check();
    await expect.poll(() => page.getAttribute("html", "data-locale")).toBe(locale);
    await settingsStored(page, { ward: "27127", locale });
    const problems: string[] = [];
    for (const pathname of sections) {
      await page.goto(app.server.url + pathname);
      await page.locator("h1").waitFor();
      await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const width = document.documentElement.clientWidth;
        const height = window.innerHeight;
        for (const tab of document.querySelectorAll<HTMLElement>(".bottom-nav a")) {
          const r = tab.getBoundingClientRect();
          if (r.left < -0.5 || r.right > width + 0.5 || r.bottom > height + 0.5) out.push(`tab "${tab.innerText}" off screen`);
          for (const part of tab.querySelectorAll<HTMLElement>("span")) {
            if (part.scrollWidth > part.clientWidth + 1) out.push(`tab "${tab.innerText}" cut`);
          }
        }
        const nav = document.querySelector(".bottom-nav")?.getBoundingClientRect().height ?? 0;
        const header = document.querySelector<HTMLElement>(".app-header");
        const stays = header && getComputedStyle(header).position !== "static" ? header.getBoundingClientRect().height : 0;
        if (nav + stays > 0.4 * height) out.push(`bars take ${Math.round(((nav + stays) / height) * 100)} %`);
        const sideways = document.documentElement.scrollWidth - width;
        if (sideways > 0) out.push(`scrolls sideways by ${sideways} px`);
        return out;
      });
      problems.push(...found.map((p) => `${pathname}: ${p}`));
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
