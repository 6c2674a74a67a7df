/**
 * Letters that work on paper, in real Chromium: ward staff keep the ward's 問い合わせ先, make a batch
 * of letters and print it to PDF — exactly one A4 page per letter, each with its 回答期限, contact,
 * short address and code; a resident reaches the survey from the letter both ways (typing the code on
 * コードを入力, lower case and spaced, and opening /c/CODE) and answers; and staff make the batch's one
 * reminder from its CSV, for the codes not yet used, printed one page each too. axe finds nothing on
 * the new pages, in Japanese and English.
 */
import type { BrowserContext, Download, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { type Answers, isVisible } from "../../shared/surveys/answers";
import type { Survey, SurveySummary } from "../../shared/surveys/model";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

// Small batches keep the PDFs small, and three letters are shorter than the console page they are printed from (the
// case that printed blank pages); the minimum batch (100 by default) is tested in the integration suite.
const app = serverAndBrowserForThisFile({ LETTER_BATCH_MIN: "3" });
const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function newPage(options: { locale: string; phone?: boolean }): Promise<Page> {
  const context = await app.browser.newContext({
    locale: options.locale,
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1100, height: 900 },
    ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
    acceptDownloads: true,
    bypassCSP: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  return page;
}

async function staffPage(): Promise<Page> {
  const page = await newPage({ locale: "ja-JP" });
  await page.goto(`${app.server.url}/staff`);
  await logIn(page);
  await page.getByRole("heading", { name: "アンケート" }).waitFor();
  return page;
}

/** 北区's open 区民意識調査 (demo data). */
async function sampledSurvey(): Promise<SurveySummary> {
  const { surveys } = (await (await fetch(`${app.server.url}/api/surveys?ward=27127`)).json()) as { surveys: SurveySummary[] };
  const survey = surveys.find((s) => s.kind === "sampled" && s.ward === "27127");
  if (!survey) throw new Error("no sampled survey in 北区");
  return survey;
}

const textOf = async (download: Download) =>
  Buffer.concat((await (await download.createReadStream()).toArray()) as Buffer[]).toString("utf8");
const rowsOf = (csv: string) => parseCsv(csv.replace(/^\uFEFF/, "")).slice(1) as [string, string, string][];
/** The pages of a PDF: its page objects (not the page tree's /Pages). */
const pdfPages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

/** Makes a batch of letters in the console: the CSV's rows and the name it was saved under. */
async function makeLetters(staff: Page, count = 25) {
  await staff.getByLabel("作る通数").fill(String(count));
  const [download] = await Promise.all([
    staff.waitForEvent("download"),
    staff.getByRole("button", { name: "コードを作ってCSVをダウンロード" }).click(),
  ]);
  const csv = await textOf(download);
  await expect.poll(() => staff.locator(".printable .letter").count()).toBe(count);
  return { csv, rows: rowsOf(csv), name: download.suggestedFilename() };
}

/** Answers a code's survey over the API, as a resident's phone would: the first option of each required choice shown. */
async function answerWith(surveyId: string, code: string) {
  const survey = (await (await fetch(`${app.server.url}/api/surveys/${surveyId}`)).json()) as Survey;
  const answers: Answers = {};
  for (const question of survey.definition.questions)
    if (question.required && question.type === "single" && isVisible(question, answers))
      answers[question.id] = { option: question.options[0]?.id as string };
  const response = await fetch(`${app.server.url}/api/surveys/${surveyId}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: uuidv7(), answers, profile: {}, invitationCode: code }),
  });
  expect(response.status).toBe(201);
}

describe("letters that work on paper", () => {
  it("print one A4 page per letter, with the 回答期限, the ward's contact, the short address and the code", {
    timeout: 180_000,
  }, async () => {
    const survey = await sampledSurvey();
    const staff = await staffPage();
    await staff.goto(`${app.server.url}/staff/surveys/${survey.id}`);

    // The ward's contact, kept in the console: the letters print it.
    const contact = staff.getByRole("form", { name: "依頼状の問い合わせ先" });
    await contact.getByLabel("担当（課・係）").fill("北区役所 政策推進課（区民意識調査担当）");
    await contact.getByLabel("電話番号").fill("06-6313-9474");
    await contact.getByLabel("受付時間").fill("平日 9:00〜17:30");
    await contact.getByRole("button", { name: "問い合わせ先を保存する" }).click();
    await contact.getByRole("status").filter({ hasText: "問い合わせ先を保存しました" }).waitFor();

    const { rows } = await makeLetters(staff, 3);
    expect(rows).toHaveLength(3);
    for (const [, code, link] of rows) {
      expect(link).toBe(`${app.server.url}/c/${code}`);
      expect(link.length - app.server.url.length).toBeLessThanOrEqual(32);
    }
    const first = staff.locator(".printable .letter").first();
    const text = await first.innerText();
    expect(text).toContain("回答期限");
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日（[日月火水木金土]）/);
    expect(text).toContain("北区役所 政策推進課（区民意識調査担当）");
    expect(text).toContain("06-6313-9474");
    const code = (await first.locator(".letter-code").innerText()).trim();
    expect(await first.locator(".letter-url").innerText()).toBe(rows.find((row) => row[1] === code)?.[2]);
    expect(await axeViolations(staff), "letters").toEqual([]);
    expect(await smallTargets(staff), "letters").toEqual([]);

    // Printed as the browser prints (print media, A4): three letters, three pages, none blank — though the
    // console page they are printed from (the survey's results) is longer than three pages.
    expect(pdfPages(await staff.pdf({ format: "A4" }))).toBe(3);
    // And a batch of 25, 25 pages.
    await staff.getByRole("button", { name: "印刷画面を閉じる" }).click();
    await makeLetters(staff, 25);
    expect(pdfPages(await staff.pdf({ format: "A4" }))).toBe(25);
  });

  it("load the ward's contact again after a failed load, when staff press retry", async () => {
    const survey = await sampledSurvey();
    const staff = await staffPage();
    let failures = 1;
    await staff.route("**/api/staff/wards/contact?*", async (route) => {
      if (route.request().method() === "GET" && failures-- > 0) await route.abort("internetdisconnected");
      else await route.continue();
    });
    await staff.goto(`${app.server.url}/staff/surveys/${survey.id}`);
    const contact = staff.getByRole("form", { name: "依頼状の問い合わせ先" });
    // No field and no save button while the contact is not loaded: a retry instead.
    await contact.getByRole("alert").waitFor();
    expect(await contact.getByRole("button", { name: "問い合わせ先を保存する" }).count()).toBe(0);
    await contact.getByRole("alert").getByRole("button").click();
    await contact.getByLabel("電話番号").waitFor();
    expect(await contact.getByLabel("電話番号").inputValue()).not.toBe("");
    await contact.getByRole("button", { name: "問い合わせ先を保存する" }).waitFor();
  });

  it("have no axe violations and 44 px targets in the console in English, letters shown", { timeout: 120_000 }, async () => {
    const survey = await sampledSurvey();
    const staff = await newPage({ locale: "en-US" });
    await staff.goto(`${app.server.url}/staff`);
    await staff.locator('input[name="login"]').fill("kita.demo");
    await staff.locator('input[name="password"]').fill("kita-demo-password");
    await staff.locator('button[type="submit"]').click();
    await staff.locator("table").first().waitFor();
    await staff.goto(`${app.server.url}/staff/surveys/${survey.id}`);
    await staff.getByRole("heading", { name: "Contact printed on the letters" }).waitFor();
    await staff.getByLabel("Number of letters").fill("3");
    await Promise.all([staff.waitForEvent("download"), staff.getByRole("button", { name: "Make codes and download the CSV" }).click()]);
    await expect.poll(() => staff.locator(".printable .letter").count()).toBe(3);
    await staff.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
    expect(await axeViolations(staff), "letters, en").toEqual([]);
    expect(await smallTargets(staff), "letters, en").toEqual([]);
  });

  it("lead a resident to the survey from the code typed on コードを入力, and from the short link", { timeout: 180_000 }, async () => {
    const survey = await sampledSurvey();
    const staff = await staffPage();
    await staff.goto(`${app.server.url}/staff/surveys/${survey.id}`);
    const { rows } = await makeLetters(staff);

    // Typed by hand on a phone, in English: lower case, spaces instead of hyphens.
    const resident = await newPage({ locale: "en-US", phone: true });
    await resident.goto(`${app.server.url}/surveys`);
    await resident.getByRole("link", { name: "Enter the code from your letter" }).click();
    await resident.getByRole("heading", { name: "Enter your code" }).waitFor();
    expect(await axeViolations(resident), "enter code, en").toEqual([]);
    expect(await smallTargets(resident), "enter code, en").toEqual([]);
    const field = resident.getByLabel("Invitation code from your letter");
    // A wrong code says so plainly.
    await field.fill("ABCD EFGH JKLM NPQR");
    await resident.getByRole("button", { name: "Open the survey" }).click();
    await expect.poll(() => resident.getByRole("alert").innerText()).toMatch(/not (valid|correct)|check/i);
    const typed = (rows[0]?.[1] ?? "").toLowerCase().replaceAll("-", " ");
    await field.fill(typed);
    await resident.getByRole("button", { name: "Open the survey" }).click();
    await resident.waitForURL(new RegExp(`/surveys/${survey.id}`));
    // The code is filled in and checked: the resident answers and sends.
    const next = () =>
      resident
        .getByRole("button", { name: /Next|Review|Start/ })
        .first()
        .click();
    for (let i = 0; i < 40 && (await resident.getByRole("button", { name: "Send" }).count()) === 0; i++) {
      // A required choice takes its first option; everything else is left as it is.
      if ((await resident.getByRole("radio").count()) > 0 && (await resident.locator("input[type=radio]:checked").count()) === 0)
        await resident.getByRole("radio").first().check();
      await next();
    }
    await resident.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => resident.locator("main").innerText(), { timeout: 15_000 }).toMatch(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);

    // The letter's short link, opened in Japanese: straight to the survey, the code filled in.
    const other = await newPage({ locale: "ja-JP", phone: true });
    await other.goto(rows[1]?.[2] as string);
    await other.waitForURL(new RegExp(`/surveys/${survey.id}\\?code=`));
    await expect.poll(() => other.locator("#invitation-code").inputValue()).toBe(rows[1]?.[1]);
    // The first code, used now: its short link says so, with whom to call.
    await other.goto(rows[0]?.[2] as string);
    await other.getByRole("heading", { name: "コードを入力" }).waitFor();
    await expect.poll(() => other.getByRole("alert").innerText()).toContain("06-");
    expect(await axeViolations(other), "enter code, ja").toEqual([]);
  });

  it("open offline from the survey saved on the phone, the code checked once the signal is back", { timeout: 180_000 }, async () => {
    const survey = await sampledSurvey();
    const staff = await staffPage();
    await staff.goto(`${app.server.url}/staff/surveys/${survey.id}`);
    const { rows } = await makeLetters(staff);

    // A phone that has seen its ward's list: the service worker in control, the surveys saved.
    const phone = await newPage({ locale: "ja-JP", phone: true });
    await phone.goto(`${app.server.url}/surveys`);
    await phone.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const firstVisit = phone.locator(".first-visit");
    await firstVisit.getByLabel("お住まいの区").selectOption("27127");
    await firstVisit.getByRole("button", { name: "この区で始める" }).click();
    await phone.getByRole("status").filter({ hasText: "この一覧のアンケートは端末に保存してあります" }).waitFor();

    // No signal: the short link cannot be checked; it says so, and offers the survey saved on the phone.
    await phone.context().setOffline(true);
    await phone.goto(rows[0]?.[2] as string);
    await phone.getByRole("heading", { name: "インターネットにつながっていません" }).waitFor();
    expect(await axeViolations(phone), "enter code, offline").toEqual([]);
    await phone.getByRole("link", { name: `「${survey.title.ja}」に答える` }).click();
    await phone.waitForURL(new RegExp(`/surveys/${survey.id}\\?code=`));
    await expect.poll(() => phone.locator("#invitation-code").inputValue()).toBe(rows[0]?.[1]);

    // Another letter's link opened offline is checked as soon as the signal is back, and leads to its survey.
    await phone.goto(rows[1]?.[2] as string);
    await phone.getByRole("heading", { name: "インターネットにつながっていません" }).waitFor();
    await phone.context().setOffline(false);
    await phone.waitForURL(new RegExp(`/surveys/${survey.id}\\?code=`));
    await expect.poll(() => phone.locator("#invitation-code").inputValue()).toBe(rows[1]?.[1]);
  });

  it("make the batch's one reminder from its CSV, for the codes not yet used, printed one page each", { timeout: 180_000 }, async () => {
    const survey = await sampledSurvey();
    const staff = await staffPage();
    await staff.goto(`${app.server.url}/staff/surveys/${survey.id}`);
    const { csv, rows, name } = await makeLetters(staff);
    // Twelve of the 25 answered (a reminder needs RESULTS_MIN_CELL first).
    for (const [, code] of rows.slice(0, 12)) await answerWith(survey.id, code);
    await staff.reload();
    const batch = staff.locator(".letter-batches > li").filter({ hasText: name });
    await batch.waitFor();
    expect(await batch.innerText()).toContain("25通のうち 約10件回答");

    await batch.getByText(`督促状のために依頼状のCSV（${name}）を選ぶ`).waitFor();
    await batch.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await batch.getByRole("status").filter({ hasText: "25通分のコードを読み込みました" }).waitFor();
    const [download] = await Promise.all([
      staff.waitForEvent("download"),
      batch.getByRole("button", { name: "まだ回答のないコードの督促状を作る" }).click(),
    ]);
    const reminders = rowsOf(await textOf(download));
    expect(reminders.map((row) => row[1]).sort()).toEqual(
      rows
        .slice(12)
        .map((row) => row[1])
        .sort(),
    );
    // The rows keep their 通し番号 from the batch's list, for the mail-merge of the same addresses.
    for (const row of reminders) expect(rows.find((r) => r[1] === row[1])?.[0]).toBe(row[0]);
    await expect.poll(() => staff.locator(".printable .letter").count()).toBe(13);
    expect(await staff.locator(".printable .letter").first().innerText()).toContain("再送");
    expect(pdfPages(await staff.pdf({ format: "A4" }))).toBe(13);

    // The batch now shows its reminder, and no way to make a second.
    const made = staff.locator(".letter-batches > li").filter({ hasText: name });
    await expect.poll(() => made.innerText()).toContain("督促状 13通");
    expect(await made.locator('input[type="file"]').count()).toBe(0);
    expect(await axeViolations(staff), "reminders").toEqual([]);
  });
});
