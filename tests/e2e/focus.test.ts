/**
 * Focus as a keyboard or screen-reader user meets it (issue 15), in Chromium:
 *  - after each change of page inside the app (home → survey, send → receipt, receipt → results,
 *    staff login → console) the new page's heading has focus, so it is announced;
 *  - no focus stop ever sits under the fixed bottom bar or the sticky header (WCAG 2.4.11), at 390×844.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Survey, SurveySummary } from "../../shared/surveys/model";
import { serverAndBrowserForThisFile, settingsStored } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;
afterEach(async () => {
  await context?.close();
});

async function resident(): Promise<Page> {
  context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.getByLabel("お住まいの区").selectOption("27127");
  await settingsStored(page, { ward: "27127" });
  return page;
}

/** The focused element: its tag and text, and whether it is wholly between the header and the bottom bar. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const rect = element?.getBoundingClientRect();
    const header = document.querySelector(".app-header")?.getBoundingClientRect();
    const nav = document.querySelector(".bottom-nav")?.getBoundingClientRect();
    // The skip link shows over the header when focused; focus on the document itself is no element to see.
    const inBars = !element || element === document.body || Boolean(element.closest(".app-header, .bottom-nav, .skip-link"));
    return {
      tag: element?.tagName ?? "",
      text: element?.textContent?.trim() ?? "",
      visible:
        inBars ||
        !rect ||
        ((header ? rect.top >= header.bottom - 1 : true) && (nav ? rect.bottom <= nav.top + 1 : true) && rect.height > 0),
    };
  });

describe("focus", () => {
  it("never sits under the bottom bar or the header while tabbing through the home page", async () => {
    const page = await resident();
    await page.goto(`${app.server.url}/surveys`);
    await page.locator(".card").first().waitFor();
    // The page as it settles: the notices offer comes once the list is drawn and the browser is idle, and the
    // page's last line (the list is saved on this device) once the list is stored.
    await page.getByText("この一覧のアンケートは端末に保存してあります", { exact: false }).waitFor();
    await page.getByRole("button", { name: "通知を受け取る" }).waitFor();
    const hidden: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const now = await focused(page);
      if (!now.visible) hidden.push(`${i + 1}: ${now.tag} ${now.text.slice(0, 30)}`);
    }
    expect(hidden, JSON.stringify(hidden)).toEqual([]);
  });

  it("draws the focus ring on the blue header at 3:1 or more against it (WCAG 1.4.11)", async () => {
    const page = await resident();
    await page.goto(`${app.server.url}/surveys`);
    await page.locator(".app-header a").first().focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const contrast = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const luminance = (css: string) => {
        const [r, g, b] = rgb(css).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ring = luminance(getComputedStyle(element).outlineColor);
      const header = luminance(getComputedStyle(document.querySelector(".app-header") as HTMLElement).backgroundColor);
      return {
        inHeader: Boolean(element.closest(".app-header")),
        ratio: (Math.max(ring, header) + 0.05) / (Math.min(ring, header) + 0.05),
      };
    });
    expect(contrast.inHeader).toBe(true);
    expect(contrast.ratio).toBeGreaterThanOrEqual(3);
  });

  it("moves to the new page's heading after every change of page inside the app", async () => {
    const page = await resident();
    await page.goto(`${app.server.url}/surveys`);
    const summaries = (await (await fetch(`${app.server.url}/api/surveys?ward=27127`)).json()) as { surveys: SurveySummary[] };
    const pollSummary = summaries.surveys.find((s) => s.kind === "poll" && s.ward === "27127" && s.resultsPublic);
    if (!pollSummary) throw new Error("no public poll in the demo data");
    const poll = (await (await fetch(`${app.server.url}/api/surveys/${pollSummary.id}`)).json()) as Survey;

    // Home → survey.
    await page.locator(".card").first().waitFor();
    await page.locator(`a[href="/surveys/${poll.id}"]`).first().click();
    await expect.poll(async () => focused(page)).toMatchObject({ tag: "H1", text: poll.definition.title.ja });

    // Answer it with the keyboard's help of the page, then send → receipt.
    for (let i = 0; i < 10 && (await page.getByRole("button", { name: "送信する" }).count()) === 0; i++) {
      const question = page.locator("fieldset").first();
      if ((await question.locator("input[type=radio]").count()) > 0) await question.locator("input[type=radio]").first().check();
      await page.getByRole("button", { name: /次へ|確認へ|はじめる/ }).click();
    }
    await page.getByRole("button", { name: "送信する" }).click();
    await expect.poll(async () => (await focused(page)).tag).toBe("H1");
    const receipt = (await focused(page)).text;
    expect(receipt).not.toBe(poll.definition.title.ja);

    // Receipt → results.
    await page
      .getByRole("link", { name: /みんなの回答/ })
      .first()
      .click();
    await expect.poll(async () => (await focused(page)).text).toBe("みんなの回答");
  });

  it("moves to the console's heading after the staff login", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff`);
    await page.getByLabel("ログイン名").fill("kita.demo");
    await page.getByLabel("パスワード").fill("kita-demo-password");
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect.poll(async () => (await focused(page)).tag).toBe("H1");
    expect((await focused(page)).text).toBe("アンケート");
  });
});
