/**
 * クロス集計 in a real browser at a desk (1100×900): 北区's staff open their 区民意識調査's cross-tabs from its
 * results, choose a question and another question in labelled selects, and read a table with a caption,
 * row headers and a suppressed cell written "10未満" ("under 10"); the CSV hides the same cell. axe finds
 * nothing and every control is a 44 px target, in Japanese and in English. Weighted by age band, a group's
 * share is shown beside its count, and the CSV carries it.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { SurveySummary } from "../../shared/surveys/model";
import type { Crosstab } from "../../shared/surveys/staff/crosstab";
import { axeViolations, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
});

interface Definition {
  questions: { id: string; type: string }[];
}

/** The demo 区民意識調査 of 北区, and a pair of its choice questions whose cross-tab hides a cell its row shows the total of. */
async function pairWithSuppressedCell(page: Page): Promise<{ surveyId: string; question: string; by: string }> {
  const list = (await (await page.request.get(`${app.server.url}/api/staff/surveys`)).json()) as { surveys: SurveySummary[] };
  const survey = list.surveys.find((s) => s.kind === "sampled" && s.ward === "27127");
  if (!survey) throw new Error("no demo 区民意識調査 for 北区");
  const { definition } = (await (await page.request.get(`${app.server.url}/api/staff/surveys/${survey.id}`)).json()) as {
    definition: Definition;
  };
  const choices = definition.questions.filter((q) => ["single", "multiple", "rating"].includes(q.type)).map((q) => q.id);
  for (const question of choices)
    for (const by of choices.filter((id) => id !== question)) {
      const query = new URLSearchParams({ question, by: `q:${by}` });
      const crosstab = (await (
        await page.request.get(`${app.server.url}/api/staff/surveys/${survey.id}/crosstab?${query}`)
      ).json()) as Crosstab;
      if (crosstab.rows.some((row) => row.answered !== null && row.cells.some((cell) => cell.count === null)))
        return { surveyId: survey.id, question, by: `q:${by}` };
    }
  throw new Error("no cross-tab of the demo survey hides a cell");
}

/** A cross-tab of the demo survey, by a question or a profile field, that shows a share weighted by age band. */
async function weightedPair(page: Page, surveyId: string): Promise<{ question: string; by: string; share: number }> {
  const { definition } = (await (await page.request.get(`${app.server.url}/api/staff/surveys/${surveyId}`)).json()) as {
    definition: Definition;
  };
  const choices = definition.questions.filter((q) => ["single", "multiple", "rating"].includes(q.type)).map((q) => q.id);
  for (const question of choices)
    for (const by of ["yearsInWard", "area", "childrenUnder6", "mode", ...choices.filter((id) => id !== question).map((id) => `q:${id}`)]) {
      const query = new URLSearchParams({ question, by, weight: "age" });
      const crosstab = (await (
        await page.request.get(`${app.server.url}/api/staff/surveys/${surveyId}/crosstab?${query}`)
      ).json()) as Crosstab;
      const share = crosstab.rows.flatMap((r) => (r.total ? [] : r.cells)).find((c) => c.weighted)?.weighted?.share;
      if (share !== undefined) return { question, by, share };
    }
  throw new Error("no cross-tab of the demo survey shows a weighted share");
}

async function logIn(page: Page) {
  await page.getByLabel(/ログイン名|Login name/).fill("kita.demo");
  await page.getByLabel(/パスワード|Password/).fill("kita-demo-password");
  await page.locator('button[type="submit"]').click();
}

describe("クロス集計", () => {
  it("shows a cross-tab with a suppressed cell, from labelled selects, and the same hidden cell in its CSV", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff`);
    await logIn(page);
    await page.getByRole("heading", { name: "アンケート" }).waitFor();
    const { surveyId, question, by } = await pairWithSuppressedCell(page);

    // From the survey's results, by its actions.
    await page.goto(`${app.server.url}/staff/surveys/${surveyId}`);
    await page.getByRole("link", { name: "クロス集計" }).click();
    await page.getByRole("heading", { name: "クロス集計", level: 1 }).waitFor();
    // Focus moves to the new page's heading (WCAG 2.4.3), and the selects follow it by keyboard.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("クロス集計");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
    await page.getByLabel("集計する質問").selectOption(question);
    await page.getByLabel("クロスする項目（行）").selectOption(by);
    const table = page.getByRole("table");
    await table.locator("caption").waitFor();
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    await expect.poll(() => table.innerText()).toContain("10未満");
    expect(await table.locator("caption").innerText()).toContain("×");
    expect(await table.locator('thead th[scope="col"]').count()).toBeGreaterThan(2);
    expect(await table.locator('tbody th[scope="row"]').count()).toBeGreaterThan(1);
    // The total row: everyone who answered the by-question.
    expect(await table.locator("tbody tr").last().innerText()).toContain("に回答した人 計");

    // The CSV: the same cross-tab, the same hidden cell.
    const href = await page.getByRole("link", { name: "このクロス集計をCSVで保存" }).getAttribute("href");
    expect(href).toContain(`question=${question}`);
    const csv = await (await page.request.get(`${app.server.url}${href}`)).text();
    expect(csv).toContain("10未満");

    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });

  it("weights the shares by age band when asked, on screen and in the CSV", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff`);
    await logIn(page);
    await page.getByRole("heading", { name: "アンケート" }).waitFor();
    const { surveyId } = await pairWithSuppressedCell(page);
    // The demo's 260 respondents are too few for eight age bands: every band's count would be hidden.
    // Weighted to the two largest bands only (the rest's population 0), some group's shares can be shown.
    await page.goto(`${app.server.url}/staff/population`);
    const bands = ["10代", "20代", "30代", "40代", "50代", "60代", "70代", "80代以上"];
    await page.getByLabel("50代", { exact: true }).waitFor();
    let total = 0;
    for (const band of bands) total += Number(await page.getByLabel(band, { exact: true }).inputValue());
    // The same total (the console checks it against the ward's), in the 50s and 60s alone.
    for (const band of bands)
      await page.getByLabel(band, { exact: true }).fill(band === "50代" || band === "60代" ? String(Math.round(total / 2)) : "0");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByRole("status").filter({ hasText: "保存しました" }).waitFor();
    const { question, by, share } = await weightedPair(page, surveyId);
    await page.goto(`${app.server.url}/staff/surveys/${surveyId}/crosstab`);
    await page.getByRole("heading", { name: "クロス集計", level: 1 }).waitFor();
    await page.getByLabel("集計する質問").selectOption(question);
    await page.getByLabel("クロスする項目（行）").selectOption(by);
    const table = page.getByRole("table");
    await table.locator("caption").waitFor();
    expect(await table.innerText()).not.toContain("補正後");
    await page.getByLabel("年代構成で補正した割合も表示する（事後層化）").check();
    await expect.poll(() => table.innerText()).toContain(`補正後 ${(share * 100).toFixed(1)}%`);
    expect(await page.locator("p.hint").first().innerText()).toContain("年代ごとの回答を区の年代別人口の比率で重み付け");
    const href = await page.getByRole("link", { name: "このクロス集計をCSVで保存" }).getAttribute("href");
    expect(href).toContain("weight=age");
    const csv = await (await page.request.get(`${app.server.url}${href}`)).text();
    expect(csv).toContain("補正後の割合(%)");
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });

  it("is readable and accessible in English too", async () => {
    context = await app.browser.newContext({ locale: "en-US", viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff`);
    await logIn(page);
    await page.locator("table").first().waitFor();
    const { surveyId, question, by } = await pairWithSuppressedCell(page);
    await page.goto(`${app.server.url}/staff/surveys/${surveyId}/crosstab`);
    await page.getByRole("heading", { name: "Cross-tabs", level: 1 }).waitFor();
    await page.getByLabel("Question to count").selectOption(question);
    await page.getByLabel("Cross by (rows)").selectOption(by);
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    await expect.poll(() => page.getByRole("table").innerText()).toMatch(/under 10/i);
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });
});
