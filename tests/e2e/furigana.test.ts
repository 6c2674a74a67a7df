/**
 * Furigana done right (issue 15), in やさしい日本語 on a phone: every screen of a survey's walk — each
 * question, the profile, the review with answers chosen, the receipt, わたしの回答 and its discard
 * dialog — shows no raw `{漢字|かな}` markup, and no word with furigana is broken across lines inside its
 * group (number, ruby, okurigana); counters read by their number.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { SurveySummary } from "../../shared/surveys/model";
import { serverAndBrowserForThisFile, settingsStored } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;
afterEach(async () => {
  await context?.close();
});
const rawMarkup = /\{[^{}|]+\|[^{}]+\}/;

async function easyResident(): Promise<Page> {
  context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.locator("select").first().selectOption("27127");
  await page.locator('input[name="locale"][value="ja-easy"]').check();
  await page.locator('input[name="textSize"][value="xlarge"]').check();
  await expect.poll(() => page.getAttribute("html", "data-locale")).toBe("ja-easy");
  await settingsStored(page, { ward: "27127", locale: "ja-easy", textSize: "xlarge" });
  return page;
}

/** The screen's text (open dialogs included), and the ruby words that wrapped onto two lines. */
const screen = (page: Page) =>
  page.evaluate(() => ({
    text: document.body.innerText,
    // A word on two lines has fragments whose bottoms lie a line apart (the ruby's own boxes share its line).
    torn: [...document.querySelectorAll<HTMLElement>(".ruby-word")]
      .filter((word) => {
        const line = Number.parseFloat(getComputedStyle(word).fontSize) * 1.2;
        const bottoms = [...word.getClientRects()].filter((r) => r.width > 0).map((r) => r.bottom);
        return bottoms.length > 1 && Math.max(...bottoms) - Math.min(...bottoms) > line;
      })
      .map((word) => word.textContent ?? ""),
  }));

describe("furigana", () => {
  it("never shows raw markup nor tears a word apart, on any screen of a survey in やさしい日本語", async () => {
    const page = await easyResident();
    const { surveys } = (await (await fetch(`${app.server.url}/api/surveys?ward=27127`)).json()) as { surveys: SurveySummary[] };
    const poll = surveys.find((s) => s.kind === "poll" && s.ward === "27127");
    if (!poll) throw new Error("no poll in the demo data");
    const seen: string[] = [];
    const check = async (name: string) => {
      const now = await screen(page);
      expect(now.text, name).not.toMatch(rawMarkup);
      expect(now.torn, name).toEqual([]);
      seen.push(name);
    };
    await page.goto(`${app.server.url}/surveys`);
    await page.locator(".card").first().waitFor();
    await check("list");
    // A one-minute survey reads 1分 いっぷん: the counter's reading follows its number (not 1分(ふん)).
    const words = await page.locator(".ruby-word").allTextContents();
    expect(words).toContain("1分(ぷん)");
    expect(words).not.toContain("1分(ふん)");
    await page.goto(`${app.server.url}/surveys/${poll.id}`);
    await page.locator("h2.screen-heading").waitFor();
    // Every screen up to the review: choose the first option wherever there is one, type a number where asked.
    for (let i = 0; i < 12; i++) {
      await check(`screen ${i + 1}`);
      const send = page.locator("button.primary").last();
      if ((await page.locator("dl.review").count()) > 0) break;
      const radio = page.locator("main input[type=radio]").first();
      if ((await radio.count()) > 0) await radio.check();
      const box = page.locator("main input[type=checkbox]").first();
      if ((await box.count()) > 0 && !(await box.isChecked())) await box.check();
      const number = page.locator("main input[type=number]").first();
      if ((await number.count()) > 0) await number.fill("3");
      await send.click();
    }
    await check("review");
    expect(await page.locator("dl.review ruby").count()).toBeGreaterThan(0);
    await context?.setOffline(true);
    await page.locator("button.primary").last().click();
    await page.locator(".outbox-status").waitFor();
    await check("receipt");
    await page.goto(`${app.server.url}/surveys/mine`).catch(() => {});
    await page.locator("h1").waitFor();
    await check("my answers");
    await page.locator("main .card button.danger").first().click();
    await page.locator("dialog[open]").waitFor();
    await check("discard dialog");
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });

  it("puts furigana on ward names and dates, and shows no raw markup, on the list, 通いの場, 地域・町会 and 子育て", async () => {
    const page = await easyResident();
    const rubies = async () =>
      page.evaluate(() =>
        [...document.querySelectorAll("main ruby, header ruby")].map(
          (r) => `${r.firstChild?.textContent ?? ""}(${r.querySelector("rt")?.textContent ?? ""})`,
        ),
      );
    // The header names the ward with its reading; a survey's closing date reads its month and day.
    await page.goto(`${app.server.url}/surveys`);
    await page.locator(".card").first().waitFor();
    expect(await rubies()).toContain("北区(きたく)");
    expect((await rubies()).some((r) => /^\d+月\(\S+がつ\)$/.test(r))).toBe(true);
    expect(
      (await rubies()).some((r) =>
        /^\d+日\((ついたち|ふつか|みっか|よっか|いつか|むいか|なのか|ようか|ここのか|とおか|はつか|\S+にち|\S+よっか)\)$/.test(r),
      ),
    ).toBe(true);
    for (const pathname of ["/places", "/community", "/childcare"]) {
      await page.goto(app.server.url + pathname);
      await page.locator("h1").waitFor();
      await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
      const now = await screen(page);
      expect(now.text, pathname).not.toMatch(rawMarkup);
      expect(now.torn, pathname).toEqual([]);
    }
    // 通いの場: the next date of each place and its weekday carry their readings.
    await page.goto(`${app.server.url}/places`);
    await page.locator(".card").first().waitFor();
    expect((await rubies()).some((r) => /^\d+月\(\S+がつ\)$/.test(r))).toBe(true);
  });
});
