/**
 * Each language in its own glyph shapes (issue 15): Han characters are drawn from a Chinese font on a
 * 简体中文 page and from a Korean one on a 한국어 page, not from the Japanese font the rest of the app uses
 * (CI installs fonts-noto-cjk). Read from what Chromium actually drew, through the DevTools protocol.
 */

import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;
afterEach(async () => {
  await context?.close();
});

/** The fonts Chromium used to draw the page's heading, by family name. */
async function headingFonts(browserLocale: string): Promise<{ lang: string; fonts: string[] }> {
  context = await app.browser.newContext({ locale: browserLocale, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.locator("h1").waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  return { lang: await page.evaluate(() => document.documentElement.lang), fonts: fonts.map((f) => f.familyName) };
}

describe("fonts", () => {
  it("draws a 简体中文 page with a Chinese font", async () => {
    const { lang, fonts } = await headingFonts("zh-CN");
    expect(lang).toBe("zh-Hans");
    expect(fonts).toContain("Noto Sans CJK SC");
    expect(fonts).not.toContain("Noto Sans CJK JP");
  });

  it("draws a 한국어 page with a Korean font", async () => {
    const { lang, fonts } = await headingFonts("ko-KR");
    expect(lang).toBe("ko");
    expect(fonts).toContain("Noto Sans CJK KR");
  });
});
