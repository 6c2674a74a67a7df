/**
 * お知らせ配信 in a real browser: ward staff write a notice in Japanese and English, see how many
 * devices the segment reaches and how a phone shows it (in either language), schedule it, see it
 * listed as scheduled, and cancel it after a confirmation; a notice sent now is listed with its
 * counts. The page is checked with axe and for 44 px targets.
 */
import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
});

describe("お知らせ配信", () => {
  it("writes, previews, schedules and cancels a ward notice, and sends one now", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await page.goto(`${app.server.url}/staff/notices`);
    await logIn(page);
    await page.getByRole("heading", { name: "お知らせ配信", level: 1 }).waitFor();
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);

    // Japanese is required: without it, the form says so and nothing is sent.
    await page.getByRole("radio", { name: "日時を指定して送る" }).check();
    await page.getByRole("button", { name: "予約する" }).click();
    await page.getByRole("alert").filter({ hasText: "日本語のタイトルと本文を入力してください。" }).waitFor();

    const japanese = page.getByRole("group", { name: /日本語.*必須/ });
    await japanese.getByLabel("タイトル（80字まで）").fill("子育てサロンのお知らせ");
    await japanese.getByLabel("本文（300字まで）").fill("12月10日10時から、扇町で子育てサロンを開きます。");
    const english = page.getByRole("group", { name: /English/ });
    await english.getByLabel("タイトル（80字まで）").fill("Parenting salon");
    await english.getByLabel("本文（300字まで）").fill("A parenting salon opens on 10 December at 10:00 in Ogimachi.");
    // A notice goes to the subscribers of one topic; only childcare narrows by the children's age.
    expect(await page.getByRole("radio", { name: "お子さんの年齢で選ぶ" }).isVisible()).toBe(false);
    await page.getByRole("radio", { name: "子育ての通知（受け取っている人へ）" }).check();
    await page.getByRole("radio", { name: "お子さんの年齢で選ぶ" }).check();
    await page.getByLabel("何歳まで").selectOption("2");
    // No phone has subscribed in this ward yet.
    // No exact small count is ever shown: under RESULTS_MIN_CELL only "fewer than".
    await page.getByRole("status").filter({ hasText: "今の条件で届く端末：10台未満" }).waitFor();

    const preview = page.locator(".phone-notification");
    expect(await preview.innerText()).toContain("子育てサロンのお知らせ");
    await page.getByLabel("表示する言語").selectOption("en");
    expect(await preview.innerText()).toContain("Parenting salon");
    await page.getByLabel("表示する言語").selectOption("vi");
    // Not written in Vietnamese: the Japanese is what a Vietnamese phone gets.
    expect(await preview.innerText()).toContain("子育てサロンのお知らせ");
    await expectAccessible();

    await page.getByLabel("送る日時（日本時間）").fill("2099-12-01T09:00");
    await page.getByRole("button", { name: "予約する" }).click();
    await page.getByRole("status").filter({ hasText: "予約しました" }).waitFor();
    const table = page.getByRole("table");
    const row = table.getByRole("row").filter({ hasText: "子育てサロンのお知らせ" });
    await expect.poll(() => row.innerText()).toContain("予約中");
    expect(await row.innerText()).toContain("子育て / 0〜2歳の子の保護者");

    await row.getByRole("button", { name: "取り消す" }).click();
    expect(dialogs.at(-1)).toContain("「子育てサロンのお知らせ」の予約を取り消しますか？");
    await expect.poll(() => row.innerText()).toContain("取り消し");

    // Sent now (after a confirmation naming the reach, never an exact small count): listed, and done with nothing to send.
    await japanese.getByLabel("タイトル（80字まで）").fill("防災訓練");
    await japanese.getByLabel("本文（300字まで）").fill("日曜日に防災訓練があります。");
    await page.getByRole("radio", { name: "区からのお知らせ（受け取っている人へ）" }).check();
    await page.getByRole("radio", { name: "今すぐ送る" }).check();
    await page.getByRole("button", { name: "今すぐ送る" }).click();
    expect(dialogs.at(-1)).toContain("10台未満の端末に今すぐ送ります");
    const sent = table.getByRole("row").filter({ hasText: "防災訓練" });
    await sent.waitFor();
    await expect
      .poll(async () => {
        await page.reload();
        await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
        return sent.innerText();
      })
      .toContain("完了");
    expect(await sent.innerText()).toContain("区からのお知らせ");
    await expectAccessible();

    async function expectAccessible() {
      expect(await axeViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
    }
  });
});
