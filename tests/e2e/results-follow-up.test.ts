/**
 * Results worth reading, on a phone: a number question's published ranges carry the question's unit
 * (「0〜49分」) and never break inside; a ward's staff member writes 区の対応 in six languages and
 * publishes it, and makes the sampled survey's results public; a resident then finds the survey marked
 * in the list, reads 区の対応 as written (line breaks kept, markup shown as text) above the results,
 * and axe finds nothing on these screens, nor on 「すべて削除」's confirmation, in any of the six languages.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { SurveySummary } from "../../shared/surveys/model";
import { axeViolations, serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

const ward = "27127";
const followUp: Record<string, string> = {
  日本語: "ご意見を受けて、避難所までの案内板を増やしました。\n<b>来年度</b>も続けます。",
  やさしい日本語: "{案内板|あんないばん}を {増|ふ}やしました。",
  英語: "We added signs on the way to the shelters.",
  "中国語（簡体字）": "我们增加了通往避难所的指示牌。",
  韓国語: "대피소로 가는 안내판을 늘렸습니다.",
  ベトナム語: "Chúng tôi đã thêm biển chỉ dẫn đến nơi trú ẩn.",
};

async function surveyOfWard(kind: "poll" | "sampled"): Promise<SurveySummary> {
  const { surveys } = (await (await fetch(`${app.server.url}/api/surveys?ward=${ward}`)).json()) as { surveys: SurveySummary[] };
  const survey = surveys.find((s) => s.kind === kind && s.ward === ward);
  if (!survey) throw new Error(`no demo ${kind}`);
  return survey;
}

async function newPage(options: { phone: boolean }): Promise<Page> {
  const context = await app.browser.newContext({
    locale: "ja-JP",
    bypassCSP: true,
    ...(options.phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1100, height: 900 } }),
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  return page;
}

/** A resident of 北区 in a language. */
async function resident(locale: string): Promise<Page> {
  const page = await newPage({ phone: true });
  await page.goto(`${app.server.url}/settings`);
  await page.locator("select").first().selectOption(ward);
  await page.locator(`input[name="locale"][value="${locale}"]`).check();
  await expect.poll(() => page.getAttribute("html", "data-locale")).toBe(locale);
  return page;
}

/** The texts in `selector` that a browser lays out on more than one line. */
const brokenTokens = (page: Page, selector: string) =>
  page.evaluate(
    (s) =>
      [...document.querySelectorAll(s)].filter((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      }).length,
    selector,
  );

describe("results worth reading and 区の対応", () => {
  it("labels a number question's ranges with its unit, on one line each", async () => {
    const poll = await surveyOfWard("poll");
    const page = await resident("ja");
    await page.goto(`${app.server.url}/surveys/${poll.id}/results`);
    const rows = page.locator(".result th");
    await rows.first().waitFor();
    const labels = await rows.allInnerTexts();
    expect(labels.filter((label) => /^\d+〜\d+分$/.test(label)).length).toBeGreaterThan(0);
    // No range is shown as its bare key.
    expect(labels.filter((label) => /^\d+–\d+$/.test(label))).toEqual([]);
    expect(await brokenTokens(page, ".result .nowrap")).toBe(0);
    expect(await brokenTokens(page, ".result td.count")).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows 区の対応 that staff published, and a sampled survey's results they made public, in six languages", {
    timeout: 240_000,
  }, async () => {
    const sampled = await surveyOfWard("sampled");
    const before = await resident("ja");
    await before.goto(`${app.server.url}/surveys/${sampled.id}/results`);
    // Not public yet: said plainly, with no useless 「もう一度読み込む」.
    await before.getByRole("status").filter({ hasText: "このアンケートの結果は、まだ公開されていません。" }).waitFor();
    expect(await before.getByRole("button", { name: "もう一度読み込む" }).count()).toBe(0);

    const staff = await newPage({ phone: false });
    await staff.goto(`${app.server.url}/staff`);
    await staff.getByLabel("ログイン名").fill("kita.demo");
    await staff.getByLabel("パスワード").fill("kita-demo-password");
    await staff.getByRole("button", { name: "ログイン" }).click();
    await staff.getByRole("heading", { name: "アンケート" }).waitFor();
    await staff.goto(`${app.server.url}/staff/surveys/${sampled.id}`);
    const editor = staff.getByRole("region", { name: "区の対応（住民への報告）" });
    for (const [language, text] of Object.entries(followUp)) await editor.getByLabel(`区の対応（${language}）`).fill(text);
    expect(await axeViolations(staff)).toEqual([]);
    await editor.getByRole("button", { name: "住民に公開する" }).click();
    await editor.getByRole("status").filter({ hasText: "住民に公開しました。" }).waitFor();
    const results = staff.getByRole("region", { name: "結果の公開" });
    await results.getByRole("button", { name: "結果を住民に公開する" }).click();
    await results.getByText("結果を住民に公開しています").waitFor();

    // The resident finds it marked in the list, and reads it above the results.
    const page = await resident("ja");
    await page.getByRole("navigation").getByRole("link", { name: "アンケート" }).click();
    const list = page.getByRole("region", { name: "区の対応が届いたアンケート" });
    await list.getByRole("link", { name: "区の対応を読む" }).first().click();
    const section = page.getByRole("region", { name: "区の対応" });
    await section.waitFor();
    const text = await section.locator(".pre-line").innerText();
    expect(text).toBe(followUp.日本語);
    expect(await section.locator("b").count()).toBe(0);
    await page.locator(".result").first().waitFor();

    for (const locale of ["ja", "ja-easy", "en", "zh-Hans", "ko", "vi"]) {
      const reader = await resident(locale);
      await reader.goto(`${app.server.url}/surveys/${sampled.id}/results`);
      await reader.locator(".follow-up").waitFor();
      await reader.locator(".result").first().waitFor();
      expect(await axeViolations(reader), `results, ${locale}`).toEqual([]);
      await reader.goto(`${app.server.url}/surveys`);
      await reader.locator("#follow-ups-heading").waitFor();
      expect(await axeViolations(reader), `list, ${locale}`).toEqual([]);
      await reader.goto(`${app.server.url}/settings`);
      await reader.locator("button.danger").first().click();
      await reader.getByRole("dialog").waitFor();
      expect(await axeViolations(reader), `delete everything, ${locale}`).toEqual([]);
      await reader.context().close();
    }
  });
});
