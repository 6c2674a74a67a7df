/**
 * Accessibility in a real browser: axe-core finds no violations on any page, in Japanese and in
 * the other locales, at standard and extra-large text; every touch target is at least 44×44 px;
 * and the whole app works from the keyboard alone.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { axeViolations, serverAndBrowserForThisFile, settingsStored } from "./harness";

const sections = ["/surveys", "/places", "/community", "/childcare", "/settings", "/no-such-page"];

/** Every section, plus a survey's first question screen, its results, "my answers", and a 通いの場, 町会 and 地活協 page. */
async function pages(): Promise<string[]> {
  const response = await fetch(`${app.server.url}/api/surveys?ward=27127`);
  const { surveys } = (await response.json()) as { surveys: { id: string; kind: string; ward: string | null }[] };
  const poll = surveys.find((s) => s.kind === "poll" && s.ward === "27127");
  if (!poll) throw new Error("the demo data has no poll for 27127");
  const local = (await (await fetch(`${app.server.url}/api/wards/27127/local`)).json()) as Record<
    "places" | "associations" | "councils",
    { id: string }[]
  >;
  return [
    ...sections,
    `/surveys/${poll.id}`,
    `/surveys/${poll.id}/results`,
    "/surveys/mine",
    // コードを入力, and a letter's short link with a mistyped code (its error shown).
    "/surveys/code",
    "/c/ABCD-EFGH-JKLM-NPQR",
    `/places/${local.places[0]?.id}`,
    `/community/associations/${local.associations[0]?.id}`,
    `/community/councils/${local.councils[0]?.id}`,
  ];
}

const app = serverAndBrowserForThisFile();
const rawMarkup = /\{[^{}|]+\|[^{}]+\}/;
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

/** A resident with settings already chosen: ward 北区, an area, a language and a text size. */
async function residentPage(settings: { locale: string; textSize: string }): Promise<Page> {
  // axe is injected as a script, which the app's CSP (rightly) forbids; the test alone bypasses it.
  context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.locator("h1").waitFor();
  await page.getByLabel(/./, { exact: false }).first().waitFor();
  await page.locator("select").first().selectOption("27127");
  await page.locator("select").nth(1).selectOption("27127-01");
  await page.locator(`input[name="locale"][value="${settings.locale}"]`).check();
  await page.locator(`input[name="textSize"][value="${settings.textSize}"]`).check();
  await expect.poll(() => page.getAttribute("html", "data-locale")).toBe(settings.locale);
  await settingsStored(page, { ward: "27127", area: "27127-01", locale: settings.locale, textSize: settings.textSize });
  return page;
}

async function visit(page: Page, pathname: string): Promise<void> {
  await page.goto(app.server.url + pathname);
  await page.locator("h1").waitFor();
  // Check the page as the resident sees it once its data (the areas list) has loaded.
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

describe.each([
  { locale: "ja", textSize: "standard" },
  { locale: "ja-easy", textSize: "xlarge" },
  { locale: "en", textSize: "large" },
  { locale: "zh-Hans", textSize: "standard" },
  { locale: "ko", textSize: "standard" },
  { locale: "vi", textSize: "xlarge" },
])("in $locale at $textSize text", (settings) => {
  // One visit per page serves both checks: each page load is the costly part.
  it("has no axe violations, touch targets of at least 44×44 px and nothing overflowing sideways, on any page", async () => {
    const page = await residentPage(settings);
    for (const pathname of await pages()) {
      await visit(page, pathname);
      expect(await axeViolations(page), `${settings.locale} ${pathname}`).toEqual([]);
      // No furigana markup reaches the screen as text ({漢字|かんじ}): it is drawn as ruby, or stripped.
      expect(await page.locator("body").innerText(), `${settings.locale} ${pathname}`).not.toMatch(rawMarkup);
      const small = await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            "button, select, input, .bottom-nav a, .header-ward, a.button, label.choice-option, main p > a:only-child",
          ),
        ]
          .filter((el) => el.offsetParent !== null)
          // A radio button or checkbox is tapped through its label: the label is the target.
          .map((el) =>
            el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox") ? (el.closest("label") ?? el) : el,
          )
          .map((el) => ({ el: el.outerHTML.slice(0, 80), ...el.getBoundingClientRect().toJSON() }))
          .filter((r) => r.width < 44 || r.height < 44),
      );
      expect(small, `${settings.locale} ${pathname}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${settings.locale} ${pathname} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

describe("keyboard", () => {
  it("reaches the skip link first, and every section from the navigation by Tab and Enter", async () => {
    context = await app.browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/`);
    await page.locator("h1").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("本文へ移動");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    for (const [name, heading] of [
      ["設定", "設定"],
      ["子育て", "子育て"],
      ["通いの場", "通いの場"],
    ] as const) {
      // Tab forward until the navigation link has focus, then follow it.
      for (let i = 0; i < 40; i++) {
        const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? "");
        if (focused.trim() === name) break;
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("h1").innerText()).toBe(heading);
    }
    // On the settings page, a radio group is operated with the arrow keys.
    await page.goto(`${app.server.url}/settings`);
    await page.locator('input[name="textSize"][value="standard"]').focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.getAttribute("html", "data-text-size")).toBe("large");
  });
});
