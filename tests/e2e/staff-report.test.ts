/**
 * 結果報告書 printed as ward staff print it: 北区's demo 区民意識調査, with 区の対応 written, opened from its
 * results and printed to PDF by Chromium on A4. The PDF has one page per section as designed (cover,
 * method, one per question with a chart, free text, 区の対応), and its text carries the method's figures
 * and every chart's data as the published results give them, hidden cells as "<10", the ward by name.
 * The page is axe-clean in Japanese and English at a desktop size, and its charts are black on white.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Question, SurveyDefinition } from "../../shared/surveys/model";
import type { SurveyReport } from "../../shared/surveys/staff/report";
import { pdfPages } from "../helpers/pdf-text";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function staffPage(): Promise<Page> {
  const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${app.server.url}/staff`);
  await logIn(page);
  await page.getByRole("heading", { name: "アンケート" }).waitFor();
  return page;
}

/** A staff API answer, read in the page with its session (GETs need no CSRF token). */
const read = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, path);

/** Text as the PDF gives it, without the line breaks and spaces layout puts in. */
const flat = (text: string) => text.replace(/\s+/g, "");
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
}

describe("結果報告書", () => {
  it("prints 北区's 区民意識調査 on A4, a page per section, with the method and every chart's published data", {
    timeout: 180_000,
  }, async () => {
    const page = await staffPage();
    const { surveys } = await read<{ surveys: { id: string; kind: string; ward: string | null }[] }>(page, "/api/staff/surveys");
    const survey = surveys.find((s) => s.kind === "sampled" && s.ward === "27127");
    expect(survey).toBeDefined();
    const id = survey?.id as string;
    const { definition } = await read<{ definition: SurveyDefinition }>(page, `/api/staff/surveys/${id}`);

    // 区の対応, written (not yet published) on the results page, where the report is linked from.
    await page.goto(`${app.server.url}/staff/surveys/${id}`);
    const followUp = "ご意見を受けて、防災訓練の案内を二か月前に配ることにしました。";
    await page.getByLabel("区の対応（日本語）").fill(followUp);
    await page.getByRole("button", { name: "公開せずに保存" }).click();
    await page.getByText("保存しました（公開していません）。").waitFor();
    await page.getByRole("link", { name: "結果報告書（印刷用）" }).click();
    await page.getByRole("heading", { level: 1, name: /結果報告書/ }).waitFor();
    // Focus moves to the report's heading (the link that was clicked is gone with the results page).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("report-heading");
    await expectAccessible(page);

    // Every fill and line of the charts is black, white or a pattern of them: it reads on a monochrome printer.
    const colours = await page.evaluate(() =>
      [...document.querySelectorAll(".report svg *")].flatMap((el) => ["fill", "stroke"].map((a) => el.getAttribute(a) ?? "none")),
    );
    expect(colours.filter((c) => !["#000", "#fff", "none"].includes(c) && !/^url\(#/.test(c))).toEqual([]);

    const report = await read<SurveyReport>(page, `/api/staff/surveys/${id}/report`);
    const charted = definition.questions.filter((q) => q.type !== "text");
    const expectedPages = 2 + charted.length + 1 + 1;
    expect(await page.locator(".report").getAttribute("data-pages")).toBe(String(expectedPages));
    const pages = pdfPages(await page.pdf({ format: "A4" })).map(flat);
    expect(pages).toHaveLength(expectedPages);
    // Each page is numbered in its bottom margin: "3 / 13".
    pages.forEach((text, i) => {
      expect(text).toMatch(new RegExp(`(^|\\D)${i + 1}/${expectedPages}($|\\D)`));
    });

    // The cover: the survey and the ward by name, never its code.
    expect(pages[0]).toContain("結果報告書");
    expect(pages[0]).toContain(flat(definition.title.ja));
    expect(pages[0]).toContain("北区");
    // Its contents give the page each section starts on, and the pages agree.
    expect(pages[0]).toContain(flat("目次調査の方法2ページ"));
    charted.forEach((question, i) => {
      const heading = flat(`問${definition.questions.indexOf(question) + 1}${question.text.ja}`);
      expect(pages[0]).toContain(`${heading}${i + 3}ページ`);
      expect(pages[i + 2]?.startsWith(`${i + 3}/${expectedPages}${heading}`)).toBe(true);
    });
    expect(pages[0]).toContain(flat(`自由記述${charted.length + 3}ページ区の対応（住民への報告）${charted.length + 4}ページ`));
    expect(pages.join("")).not.toContain("27127");
    // Only the report prints: not the console's session bar, navigation or the page's print button.
    expect(pages.join("")).not.toMatch(/ログアウト|ニーズと施策|印刷する/);

    // The method, from the data: 1,003 letters, 260 responses (180 online, 80 on paper) in the demo.
    const { method } = report;
    expect(method).toMatchObject({ sample: 1003, letters: 1003, responses: 260, online: 180, paper: 80 });
    const methodPage = pages[1] as string;
    for (const text of [
      "調査の方法",
      `標本数（無作為に選んだ人数）${(1003).toLocaleString("ja")}`,
      `依頼状の送付数${(1003).toLocaleString("ja")}`,
      "回答数260",
      `回答率（回答数÷標本数）${percent(260 / 1003)}`,
      `オンラインの回答（割合）180（${percent(180 / 260)}）`,
      `紙の回答（割合）80（${percent(80 / 260)}）`,
      `母集団（人口）${(method.population as number).toLocaleString("ja")}`,
    ])
      expect(methodPage).toContain(flat(text));
    // Weighting: said as it is, and "none worked out" when hidden age counts stop every weighted share.
    const anyWeighted = report.results.segments.some((s) => s.questions.some((q) => q.options.some((o) => o.weighted)));
    expect(methodPage).toContain(flat(anyWeighted ? "年代別人口による事後層化（各表の「補正後の割合」）" : "どの割合も算出していません"));

    // Each question's page: its chart's and table's figures, as published (hidden cells as "10未満").
    const all = report.results.segments[0];
    charted.forEach((question: Question, i) => {
      const text = pages[2 + i] as string;
      const number = definition.questions.indexOf(question) + 1;
      expect(text).toContain(flat(`問${number}${question.text.ja}`));
      expect(text).toContain(flat(`図${number}`));
      expect(text).toContain(flat(`表${number}`));
      const result = all?.questions.find((q) => q.id === question.id);
      for (const option of result?.options ?? []) {
        if (option.count === null) expect(text).toContain("10未満");
        else expect(text).toContain(`${option.count}`);
        if (option.share !== null) expect(text.split(percent(option.share)).length - 1).toBeGreaterThanOrEqual(2); // the bar and the table
        if (option.interval) expect(text).toContain(`${percent(option.interval[0])}–${percent(option.interval[1])}`);
      }
    });
    expect(charted.some((q) => all?.questions.find((r) => r.id === q.id)?.options.some((o) => o.count === null))).toBe(true);

    // Free text as counts only, then 区の対応 as written.
    expect(pages[2 + charted.length]).toContain("自由記述");
    expect(pages[2 + charted.length]).not.toMatch(/ほしい|ください/);
    expect(pages[3 + charted.length]).toContain(flat(followUp));

    // In English: the same pages, the ward's English name, still axe-clean.
    await page.getByLabel("表示言語").selectOption("en");
    await page.getByRole("heading", { level: 1, name: /results report/ }).waitFor();
    await expectAccessible(page);
    const english = pdfPages(await page.pdf({ format: "A4" })).map(flat);
    expect(english).toHaveLength(expectedPages);
    expect(english[0]).toContain("KitaWard");
    expect(english[1]).toContain(flat(`Response rate (responses ÷ sample)${percent(260 / 1003)}`));
  });
});
