/**
 * クロス集計 in a real browser at a desk (1100×900): 北区's staff open their 区民意識調査's cross-tabs from its
 * results, choose a question and another question in labelled selects, and read a table with a caption,
 * row headers and a suppressed cell written "10未満" ("under 10"); the CSV hides the same cell. axe finds
 * nothing and every control is a 44 px target, in Japanese and in English.
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
