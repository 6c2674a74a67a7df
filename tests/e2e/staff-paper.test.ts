/**
 * Paper forms as they come, in a real browser at a desk (1100×900): 北区's staff type three mailed
 * letters of the 区民意識調査 into the console by keyboard, each with the required first question left
 * blank. The letter's code is checked as it is typed (a typo, a fresh letter, one already entered); the
 * blank items are stored as 無回答 — the follow-up its condition hides is not (非該当) — and the
 * results then show 無回答 as a category of its own, in Japanese and in English. axe and the 44 px
 * rule are checked on the pages in both languages.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { demoInvitationCodes } from "../../server/seed/demo-surveys";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

// K = 3 and no waiting between snapshots: the three letters entered here are then published.
const app = serverAndBrowserForThisFile({ RESULTS_MIN_CELL: "3", RESULTS_REFRESH_HOURS: "0" });
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
});

/** 北区's sampled survey (区民意識調査), as the staff API lists it. */
async function kitaSampledSurvey(url: string): Promise<string> {
  const login = await fetch(`${url}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "kita.demo", password: "kita-demo-password" }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const list = (await (await fetch(`${url}/api/staff/surveys`, { headers: { cookie } })).json()) as {
    surveys: { id: string; kind: string; ward: string | null }[];
  };
  const survey = list.surveys.find((s) => s.kind === "sampled" && s.ward === "27127");
  if (!survey) throw new Error("no sampled survey for 北区");
  return survey.id;
}

async function expectAccessible(page: Page, name: string) {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  expect(await axeViolations(page), name).toEqual([]);
  expect(await smallTargets(page), name).toEqual([]);
}

/**
 * One letter, by keyboard only: the code typed into the code field, then Tab past question 1 (left
 * blank), Space on question 2's first answer, Tab past its "back to 無回答" button, Space on question 3's
 * first answer (a member: the follow-up for non-members stays hidden), and Enter on the submit button.
 */
async function enterLetter(page: Page, code: string, codeLabel: string) {
  const codeField = page.getByLabel(codeLabel, { exact: true });
  await codeField.focus();
  await page.keyboard.type(code);
  for (const key of ["Tab", "Tab", "Space", "Tab", "Tab", "Space"]) await page.keyboard.press(key);
  // The button is the form's submit: reached by Tab, pressed with Enter.
  await page.getByRole("button", { name: codeLabel === "依頼状の招待コード" ? "登録する" : "Submit" }).focus();
  await page.keyboard.press("Enter");
}

describe("紙の回答の入力", () => {
  it("enters a paper form with a blank required item by keyboard, and counts it as 無回答", { timeout: 180_000 }, async () => {
    const surveyId = await kitaSampledSurvey(app.server.url);
    const [first, second, third] = demoInvitationCodes("27127") as [string, string, string];
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff/surveys/${surveyId}/paper`);
    await logIn(page);
    await page.getByRole("heading", { name: "紙の回答の入力", level: 1 }).waitFor();
    await expectAccessible(page, "paper entry (ja)");

    // The code, checked as it is typed: a typo (the last character changed) is caught at once.
    const codeField = page.getByLabel("依頼状の招待コード", { exact: true });
    const typo = `${first.slice(0, -1)}${first.endsWith("2") ? "3" : "2"}`;
    await codeField.fill(typo);
    await page.getByText("コードに打ち間違いがあります").waitFor();
    expect(await codeField.getAttribute("aria-invalid")).toBe("true");
    await codeField.fill("");
    // Every shown question left blank says what it becomes; question 1 is required and still may be left blank.
    const q1 = page.locator(".paper-question").filter({ hasText: "「地域活動協議会」を知っていますか" });
    expect(await q1.innerText()).toContain("問1");
    expect(await q1.innerText()).toContain("未記入: 無回答として登録します");

    await enterLetter(page, first, "依頼状の招待コード");
    // Blank: questions 1 and 4 to 9; the reason for not joining a 町会 is not asked of a member (非該当).
    await expect.poll(() => page.getByRole("status").filter({ hasText: "登録しました" }).innerText()).toContain("無回答 7問");
    // The form is ready for the next letter: the code field has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("code");

    // The same letter again: the check says so while it is typed.
    await page.keyboard.type(first);
    await page.getByText("このコードの依頼状は入力済みです").waitFor();
    await codeField.fill("");
    await page.keyboard.type(second);
    await page.getByText("このコードの依頼状はまだ入力されていません。").waitFor();
    await codeField.fill("");
    await enterLetter(page, second, "依頼状の招待コード");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "登録しました" }).innerText()).toContain("無回答 7問");
    await expectAccessible(page, "paper entry after storing (ja)");

    // The third letter in English.
    await page.getByLabel("表示言語").selectOption("en");
    await page.getByRole("heading", { name: "Enter paper responses", level: 1 }).waitFor();
    await expectAccessible(page, "paper entry (en)");
    await enterLetter(page, third, "Invitation code on the letter");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved" }).innerText()).toContain("7 questions with no answer");

    // The results, published again after K (3) new responses: 無回答 is a category of its own, never an answer.
    await page.getByRole("link", { name: "Back to results" }).click();
    const table = page.getByRole("table").filter({ hasText: "Do you know the area council" });
    const noAnswer = table.getByRole("row", { name: /No answer/ });
    await expect.poll(() => noAnswer.innerText()).toMatch(/No answer\s+3\s+\d+\.\d%\s+\d+\.\d% – \d+\.\d%/);
    // A free-text question's 無回答 is given too: the three letters left it blank.
    expect(await page.locator(".staff-question").filter({ hasText: "Your comments and requests for the ward" }).innerText()).toMatch(
      /No answer: \d+/,
    );
    await expectAccessible(page, "results (en)");

    await page.getByLabel("Language").selectOption("ja");
    const jaTable = page.getByRole("table").filter({ hasText: "「地域活動協議会」を知っていますか" });
    await expect.poll(() => jaTable.getByRole("row", { name: /無回答/ }).innerText()).toMatch(/無回答\s+3\s+\d+\.\d%/);
    await expectAccessible(page, "results (ja)");
  });
});
