/**
 * A resident's surveys offline, on a phone in Chromium: the list saves its surveys on the device, so
 * one never opened opens and is answered with no signal and is counted once when the signal returns;
 * a letter's link opens offline from the saved survey; a used letter code is refused before the
 * first question (or, answered offline, when sent) with the ward's phone; the first visit asks the
 * ward in the city's order. The new screens pass axe in all six locales.
 */
import path from "node:path";
import SQLite from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { demoInvitationCodes } from "../../server/seed/demo-surveys";
import { locales } from "../../shared/locales/locales";
import type { Survey, SurveySummary } from "../../shared/surveys/model";
import { axeViolations, serverAndBrowserForThisFile, smallTargets } from "./harness";

// Every browser here answers from 127.0.0.1: the per-address limit of code checks is tested in tests/integration/code-check.test.ts.
const app = serverAndBrowserForThisFile({ CODE_CHECK_RATE_LIMIT_PER_MIN: "0" });
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

const ward = "27127";
const usedCode = demoInvitationCodes(ward)[0] as string;

async function surveyOf(kind: "poll" | "sampled", wardCode = ward): Promise<Survey> {
  const { surveys } = (await (await fetch(`${app.server.url}/api/surveys?ward=${wardCode}`)).json()) as { surveys: SurveySummary[] };
  const summary = surveys.find((s) => s.kind === kind && s.ward === wardCode);
  if (!summary) throw new Error(`no ${kind} for ward ${wardCode}`);
  return (await (await fetch(`${app.server.url}/api/surveys/${summary.id}`)).json()) as Survey;
}

function storedResponses(surveyId: string): number {
  const database = new SQLite(path.join(app.server.dataDir, "machikoe.db"), { readonly: true });
  try {
    return (database.prepare("select count(*) as n from responses where survey_id = ?").get(surveyId) as { n: number }).n;
  } finally {
    database.close();
  }
}

/** Uses up a letter's code as a paper form would have: a response sent with it, straight to the server. */
async function useUp(survey: Survey, code: string): Promise<void> {
  const answers = Object.fromEntries(
    survey.definition.questions
      .filter((q) => q.required && q.type === "single")
      .map((q) => [q.id, { option: q.type === "single" ? (q.options[0]?.id as string) : "" }]),
  );
  const response = await fetch(`${app.server.url}/api/surveys/${survey.id}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: "0192f7a0-0000-7000-8000-000000000001", answers, profile: {}, invitationCode: code }),
  });
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`could not use the code: ${response.status} ${await response.text()}`);
}

/** A phone on its first visit, with the service worker in control; bypassCSP lets axe in. */
async function phone(): Promise<Page> {
  context = await app.browser.newContext({
    locale: "ja-JP",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/surveys`);
  await page.locator("h1").waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async () => (await (await caches.open("locales")).keys()).length > 0);
  return page;
}

/** The first visit's question, answered with a ward. */
async function chooseWard(page: Page, code = ward): Promise<void> {
  const firstVisit = page.locator(".first-visit");
  await firstVisit.getByLabel("お住まいの区").selectOption(code);
  await firstVisit.getByRole("button", { name: "この区で始める" }).click();
  await firstVisit.waitFor({ state: "detached" });
}

async function setLocale(page: Page, locale: string): Promise<void> {
  await page.goto(`${app.server.url}/settings`);
  await page.locator(`input[name="locale"][value="${locale}"]`).check();
  await expect.poll(() => page.getAttribute("html", "data-locale")).toBe(locale);
}

async function noViolations(page: Page, where: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  expect(await axeViolations(page), where).toEqual([]);
}

const heading = (page: Page) => page.locator(".screen-heading");
const next = (page: Page) => page.locator(".flow-actions .button.primary").click();
const savedOnDevice = (page: Page, id: string) =>
  page.evaluate(
    (surveyId) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open("machikoe");
        open.onsuccess = () => {
          const read = open.result.transaction("savedSurveys").objectStore("savedSurveys").get(surveyId);
          read.onsuccess = () => resolve(read.result !== undefined);
          read.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
    id,
  );
/** Drops the worker's cached answers for a survey, so only the copy the list saved in IndexedDB can open it. */
const forgetCachedSurvey = (page: Page, id: string) =>
  page.evaluate(async (surveyId) => {
    const cache = await caches.open("api");
    for (const request of await cache.keys())
      if (new URL(request.url).pathname.startsWith(`/api/surveys/${surveyId}`)) await cache.delete(request);
  }, id);

/** Answers the 区民意識調査's required questions with their first option and skips the rest, up to the review, then sends. */
async function answerSampledAndSend(page: Page, sampled: Survey): Promise<void> {
  for (const question of sampled.definition.questions.slice(0, 3)) {
    if (question.type !== "single") throw new Error("unexpected demo survey");
    await page.getByRole("radio", { name: question.options[0]?.label.ja, exact: true }).check();
    await next(page);
  }
  while ((await heading(page).innerText()) !== "回答の確認") await next(page);
  await page.getByRole("button", { name: "送信する" }).click();
}

describe("a resident's surveys offline", () => {
  it("asks the ward first on a first visit, 北区 first in the city's order, and marks the ward's surveys 新着", async () => {
    const page = await phone();
    const select = page.locator(".first-visit").getByLabel("お住まいの区");
    const names = (await select.locator("option").allInnerTexts()).slice(1);
    expect(names.slice(0, 5)).toEqual(["北区", "都島区", "福島区", "此花区", "中央区"]);
    expect(names).toHaveLength(24);
    expect(names.at(-1)).toBe("西成区");
    // Starting without a ward is refused in words, not silently.
    await page.getByRole("button", { name: "この区で始める" }).click();
    expect(await page.locator(".first-visit").getByRole("alert").innerText()).toBe("区を選んでください。");
    await chooseWard(page);
    const cards = page.locator(".survey-card");
    await expect.poll(() => cards.count()).toBeGreaterThan(1);
    await expect.poll(() => cards.filter({ hasText: "新着" }).count()).toBe(await cards.count());
    // The settings' list is in the same order.
    await page.goto(`${app.server.url}/settings`);
    const settingsWards = page.getByLabel("お住まいの区");
    await expect.poll(() => settingsWards.locator("option").count()).toBe(25);
    expect((await settingsWards.locator("option").allInnerTexts()).slice(1, 3)).toEqual(["北区", "都島区"]);
  });

  it("opens a survey never opened before with no signal, from the copy the list saved; it is sent once when the signal returns", async () => {
    const poll = await surveyOf("poll");
    const before = storedResponses(poll.id);
    const page = await phone();
    const surveyFetches: string[] = [];
    page.on("request", (request) => {
      if (/\/api\/surveys\/[0-9a-f-]{36}$/.test(new URL(request.url()).pathname)) surveyFetches.push(request.url());
    });
    await chooseWard(page);
    await page.getByRole("status").filter({ hasText: "この一覧のアンケートは端末に保存してあります" }).waitFor();
    expect(await savedOnDevice(page, poll.id)).toBe(true);
    // The ward's surveys were fetched once each to be saved (the city's were saved by the first visit's list);
    // loaded again, the list fetches none (none changed).
    const cards = page.locator(".survey-card");
    const wardCards = (await cards.count()) - (await cards.filter({ hasText: "大阪市全体" }).count());
    expect(wardCards).toBeGreaterThan(0);
    expect(surveyFetches).toHaveLength(wardCards);
    surveyFetches.length = 0;
    await page.reload();
    await page.getByRole("status").filter({ hasText: "この一覧のアンケートは端末に保存してあります" }).waitFor();
    expect(surveyFetches).toEqual([]);
    await forgetCachedSurvey(page, poll.id);

    await context.setOffline(true);
    const card = page.locator(".survey-card").filter({ hasText: poll.definition.title.ja });
    expect(await card.innerText()).toContain("新着");
    await card.getByRole("link", { name: "回答する" }).click();
    await expect.poll(() => heading(page).innerText()).toBe("1/3問目");
    const [q1, q2] = poll.definition.questions;
    if (q1?.type !== "single" || q2?.type !== "multiple") throw new Error("unexpected demo poll");
    await page.getByRole("radio", { name: q1.options[0]?.label.ja, exact: true }).check();
    await next(page);
    await page.getByRole("checkbox", { name: q2.options[1]?.label.ja, exact: true }).check();
    await next(page);
    await page.getByRole("spinbutton").fill("8");
    await next(page);
    await expect.poll(() => heading(page).innerText()).toBe("あなたについて（任意）");
    await page.getByLabel("年代").selectOption("70s");
    await next(page);
    await page.getByRole("button", { name: "送信する" }).click();
    await expect.poll(() => page.locator(".outbox-status").innerText()).toContain("送信待ち");
    expect(storedResponses(poll.id)).toBe(before);

    await context.setOffline(false);
    await expect.poll(() => page.locator(".outbox-status").innerText(), { timeout: 15_000 }).toContain("送信済み");
    expect(storedResponses(poll.id)).toBe(before + 1);
    // Back on the list it is 回答済み; a reload and another flush count nothing more.
    await page.goto(`${app.server.url}/surveys`);
    const answered = page.locator(".survey-card").filter({ hasText: poll.definition.title.ja });
    await expect.poll(() => answered.innerText()).toContain("回答済み");
    expect(await answered.innerText()).not.toContain("新着");
    await page.goto(`${app.server.url}/surveys/mine`);
    await expect.poll(() => page.locator(".outbox-status").innerText()).toContain("送信済み");
    expect(storedResponses(poll.id)).toBe(before + 1);
  });

  it("refuses a used letter code before the first question, kindly, with the ward office's phone", async () => {
    const sampled = await surveyOf("sampled");
    await useUp(sampled, usedCode);
    const before = storedResponses(sampled.id);
    const page = await phone();
    await page.goto(`${app.server.url}/surveys/${sampled.id}?code=${usedCode}`);
    await expect.poll(() => heading(page).innerText()).toBe("招待コードの入力");
    await next(page);
    const alert = page.locator(".used-code");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("この招待コードはすでに使われています");
    expect(text).toContain("紙の回答用紙をすでに送ってくださった方は");
    expect(text).toContain("北区役所");
    expect(await alert.getByRole("link", { name: /06-6313-9986/ }).getAttribute("href")).toBe("tel:0663139986");
    // Still before the first question: nothing was asked, nothing sent.
    expect(await heading(page).innerText()).toBe("招待コードの入力");
    expect(storedResponses(sampled.id)).toBe(before);
    await noViolations(page, "used code");
  });

  it("opens a letter's link offline from the saved survey; a code found used when the answers are sent is explained, not thanked", async () => {
    const sampled = await surveyOf("sampled");
    await useUp(sampled, usedCode);
    const before = storedResponses(sampled.id);
    const page = await phone();
    await chooseWard(page);
    await page.getByRole("status").filter({ hasText: "この一覧のアンケートは端末に保存してあります" }).waitFor();
    await forgetCachedSurvey(page, sampled.id);

    // The letter's QR code, scanned where there is no signal.
    await context.setOffline(true);
    await page.goto(`${app.server.url}/surveys/${sampled.id}?code=${usedCode}`);
    await expect.poll(() => heading(page).innerText()).toBe("招待コードの入力");
    expect(await page.getByLabel("依頼状の招待コード").inputValue()).toBe(usedCode);
    // Offline the code cannot be checked: the resident goes on, and the server checks it on sending.
    await next(page);
    await expect.poll(() => heading(page).innerText()).toMatch(/^1\/\d+問目$/);
    await answerSampledAndSend(page, sampled);
    await expect.poll(() => page.locator(".outbox-status").innerText()).toContain("送信待ち");

    await context.setOffline(false);
    await expect.poll(() => page.locator(".outbox-status").innerText(), { timeout: 15_000 }).toContain("確認が必要");
    expect(await page.locator("h1").innerText()).toBe("回答を受け付けられませんでした");
    const status = await page.locator(".outbox-status").innerText();
    expect(status).toContain("この招待コードはすでに使われています。");
    expect(status).toContain("紙の回答用紙をすでに送ってくださった方は");
    expect(
      await page
        .locator(".outbox-status")
        .getByRole("link", { name: /06-6313-9986/ })
        .count(),
    ).toBe(1);
    expect(storedResponses(sampled.id)).toBe(before);
    await noViolations(page, "refused at sending");
  });

  it("says plainly that a survey is not on this phone when it was never saved and there is no signal", async () => {
    const elsewhere = await surveyOf("poll", "27128");
    const page = await phone();
    await context.setOffline(true);
    await page.goto(`${app.server.url}/surveys/${elsewhere.id}`);
    const alert = page.getByRole("alert").filter({ hasText: "まだこの端末に保存されていません" });
    await alert.waitFor();
    expect(await page.locator("main").innerText()).not.toContain("通信できませんでした");
    await noViolations(page, "not on device");
  });

  it("has no axe violations on the first visit, the used code and 'not on this phone' in all six locales, and 44 px targets", async () => {
    const sampled = await surveyOf("sampled");
    await useUp(sampled, usedCode);
    const elsewhere = await surveyOf("poll", "27128");
    const page = await phone();
    for (const locale of locales) {
      await context.setOffline(false);
      await setLocale(page, locale);
      await page.goto(`${app.server.url}/surveys`);
      await page.locator(".first-visit").waitFor();
      await noViolations(page, `${locale} first visit`);
      expect(await smallTargets(page), `${locale} first visit`).toEqual([]);

      await page.goto(`${app.server.url}/surveys/${sampled.id}?code=${usedCode}`);
      await heading(page).waitFor();
      await next(page);
      await page.locator(".used-code").waitFor();
      expect(await page.locator(".used-code a").getAttribute("href")).toBe("tel:0663139986");
      await noViolations(page, `${locale} used code`);
      expect(await smallTargets(page), `${locale} used code`).toEqual([]);

      await context.setOffline(true);
      await page.goto(`${app.server.url}/surveys/${elsewhere.id}`);
      await page.locator("main [role=alert]").waitFor();
      await noViolations(page, `${locale} not on device`);
    }
  });
});
