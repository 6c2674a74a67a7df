/**
 * Answering surveys in Chromium on a phone viewport, offline included. The server's own database
 * is read to prove each response is counted exactly once: after a reload, offline sending, two
 * tabs, and a service-worker update between queueing and sending.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { demoInvitationCodes } from "../../server/seed/demo-surveys";
import type { Survey, SurveySummary } from "../../shared/surveys/model";
import { serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

const ward = "27127";

async function surveysOfWard(): Promise<SurveySummary[]> {
  const response = await fetch(`${app.server.url}/api/surveys?ward=${ward}`);
  return ((await response.json()) as { surveys: SurveySummary[] }).surveys;
}

async function survey(kind: "poll" | "sampled"): Promise<Survey> {
  const summary = (await surveysOfWard()).find((s) => s.kind === kind && s.ward === ward);
  if (!summary) throw new Error(`no ${kind} for ward ${ward}`);
  return (await (await fetch(`${app.server.url}/api/surveys/${summary.id}`)).json()) as Survey;
}

/** Responses the server has stored for a survey, read from its SQLite file. */
function storedResponses(surveyId: string): number {
  const database = new SQLite(path.join(app.server.dataDir, "machikoe.db"), { readonly: true });
  try {
    return (database.prepare("select count(*) as n from responses where survey_id = ?").get(surveyId) as { n: number }).n;
  } finally {
    database.close();
  }
}

/** A resident on a phone who has chosen ward 北区, with the service worker in control. */
async function resident(options: { bypassCSP?: boolean } = {}): Promise<Page> {
  context = await app.browser.newContext({
    locale: "ja-JP",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    ...(options.bypassCSP ? { bypassCSP: true } : {}),
  });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.getByLabel("お住まいの区").selectOption(ward);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // What the first load fetched before the worker took control (the locale, the ward list) is in its cache.
  await page.waitForFunction(
    async () => (await (await caches.open("locales")).keys()).length > 0 && (await caches.match("/api/wards")) !== undefined,
  );
  return page;
}

const heading = (page: Page) => page.locator(".screen-heading");
const next = (page: Page) => page.getByRole("button", { name: /次へ|確認へ進む|回答を始める/ }).click();

async function answerPollFirstTwo(page: Page, poll: Survey): Promise<void> {
  const [q1, q2] = poll.definition.questions as [Survey["definition"]["questions"][number], Survey["definition"]["questions"][number]];
  if (q1.type !== "single" || q2.type !== "multiple") throw new Error("unexpected demo poll");
  await page.getByRole("radio", { name: q1.options[0]?.label.ja, exact: true }).check();
  await next(page);
  await expect.poll(() => heading(page).innerText()).toBe("2/3問目");
  await page.getByRole("checkbox", { name: q2.options[1]?.label.ja, exact: true }).check();
}

async function finishPoll(page: Page, poll: Survey): Promise<void> {
  await next(page);
  await expect.poll(() => heading(page).innerText()).toBe("3/3問目");
  await page.getByRole("spinbutton").fill("8");
  await next(page);
  await expect.poll(() => heading(page).innerText()).toBe("あなたについて（任意）");
  await page.getByLabel("年代").selectOption("70s");
  await next(page);
  await expect.poll(() => heading(page).innerText()).toBe("回答の確認");
  expect(await page.locator(".review").innerText()).toContain(poll.definition.questions[0]?.text.ja ?? "?");
}

/** Answers the 区民意識調査's three required questions with the given option, skips the rest, and sends. */
async function answerRequiredAndSend(page: Page, sampled: Survey, optionIndex: number): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const question = sampled.definition.questions[i];
    if (question?.type !== "single") throw new Error("unexpected demo survey");
    await page.getByRole("radio", { name: question.options[optionIndex]?.label.ja, exact: true }).check();
    await next(page);
  }
  let freeText = 0;
  while ((await heading(page).innerText()) !== "回答の確認") {
    // Every free-text question says, in its field's accessible description, what not to write.
    for (const field of await page.locator("textarea").all()) {
      const description = await field.evaluate((el) =>
        (el.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      );
      expect(description).toContain("特に配慮が必要なことは書かないでください");
      freeText += 1;
    }
    await next(page);
  }
  expect(freeText).toBeGreaterThan(0);
  await page.getByRole("button", { name: "送信する" }).click();
}

/**
 * Answers the poll and sends it while the server cannot be reached for responses (the app and its
 * updates still can), so the response waits in the outbox. The caller unroutes when it wants it through.
 */
async function queueWhileResponsesAreRefused(page: Page, poll: Survey): Promise<void> {
  await context.route("**/api/surveys/*/responses", (route) => route.abort("connectionrefused"));
  await page.goto(`${app.server.url}/surveys/${poll.id}`);
  await answerPollFirstTwo(page, poll);
  await finishPoll(page, poll);
  await page.getByRole("button", { name: "送信する" }).click();
  await expect.poll(() => page.locator(".outbox-status").innerText()).toContain("送信待ち");
}

/** Fires the worker's "outbox" Background Sync through the Chrome DevTools Protocol, from any tab. */
async function dispatchOutboxSync(from: Page): Promise<void> {
  const cdp = await context.newCDPSession(from);
  const registrations: { registrationId: string; scopeURL: string }[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (event: { registrations: { registrationId: string; scopeURL: string }[] }) => {
    registrations.push(...event.registrations);
  });
  await cdp.send("ServiceWorker.enable");
  await expect.poll(() => registrations.filter((r) => r.scopeURL.startsWith(app.server.url)).length).toBeGreaterThan(0);
  const registration = registrations.find((r) => r.scopeURL.startsWith(app.server.url));
  await cdp.send("ServiceWorker.dispatchSyncEvent", {
    origin: app.server.url,
    registrationId: registration?.registrationId ?? "",
    tag: "outbox",
    lastChance: false,
  });
}

async function axe(page: Page, where: string): Promise<void> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> } }).axe.run(
      document,
    );
    return result.violations.map((v) => v.id);
  });
  expect(violations, where).toEqual([]);
}

describe("answering a survey", () => {
  it("keeps every answer on the device: half a survey, a reload, and the resident resumes on the same screen", async () => {
    const poll = await survey("poll");
    const page = await resident();
    await page.goto(`${app.server.url}/surveys`);
    const card = page.getByRole("listitem").filter({ hasText: poll.definition.title.ja });
    await card.getByRole("link", { name: "回答する" }).click();
    await expect.poll(() => heading(page).innerText()).toBe("1/3問目");
    await answerPollFirstTwo(page, poll);

    await page.reload();
    await expect.poll(() => heading(page).innerText()).toBe("2/3問目");
    const q2 = poll.definition.questions[1];
    if (q2?.type !== "multiple") throw new Error("unexpected demo poll");
    expect(await page.getByRole("checkbox", { name: q2.options[1]?.label.ja, exact: true }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "戻る" }).click();
    await expect.poll(() => heading(page).innerText()).toBe("1/3問目");
    const q1 = poll.definition.questions[0];
    if (q1?.type !== "single") throw new Error("unexpected demo poll");
    expect(await page.getByRole("radio", { name: q1.options[0]?.label.ja, exact: true }).isChecked()).toBe(true);

    // The list offers to go on from there.
    await page.goto(`${app.server.url}/surveys`);
    expect(await page.getByRole("listitem").filter({ hasText: poll.definition.title.ja }).getByRole("link").innerText()).toBe(
      "続きから回答する",
    );
  });

  it("asks again when a required question is skipped, in the resident's language", async () => {
    const poll = await survey("poll");
    const page = await resident();
    await page.goto(`${app.server.url}/surveys/${poll.id}`);
    await next(page);
    expect(await page.getByRole("alert").innerText()).toBe("回答してください。");
    expect(await heading(page).innerText()).toBe("1/3問目");
  });

  it("finishes offline, shows 送信待ち, and sends by itself when the connection returns — counted once", async () => {
    const poll = await survey("poll");
    const before = storedResponses(poll.id);
    const page = await resident({ bypassCSP: true });
    await page.goto(`${app.server.url}/surveys/${poll.id}`);
    await answerPollFirstTwo(page, poll);
    await finishPoll(page, poll);
    await axe(page, "review");

    await context.setOffline(true);
    await page.getByRole("button", { name: "送信する" }).click();
    await expect.poll(() => page.locator(".outbox-status").innerText()).toContain("送信待ち");
    await axe(page, "receipt, waiting");
    expect(storedResponses(poll.id)).toBe(before);

    await context.setOffline(false);
    await expect.poll(() => page.locator(".outbox-status").innerText(), { timeout: 15_000 }).toContain("送信済み");
    expect(await page.locator(".receipt-code").innerText()).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(storedResponses(poll.id)).toBe(before + 1);

    // My answers lists it as sent; the poll's public results are one tap away.
    await page.goto(`${app.server.url}/surveys/mine`);
    expect(await page.locator(".outbox-status").first().innerText()).toContain("送信済み");
    await axe(page, "my answers");
    await page.goto(`${app.server.url}/surveys/${poll.id}/results`);
    await page.locator(".result").first().waitFor();
    await axe(page, "results");
  });

  it("counts a response once when two open tabs both send it", async () => {
    const poll = await survey("poll");
    const before = storedResponses(poll.id);
    const page = await resident();
    await page.goto(`${app.server.url}/surveys/${poll.id}`);
    await answerPollFirstTwo(page, poll);
    await finishPoll(page, poll);
    await context.setOffline(true);
    await page.getByRole("button", { name: "送信する" }).click();
    await expect.poll(() => page.locator(".outbox-status").innerText()).toContain("送信待ち");

    const second = await context.newPage();
    await second.goto(`${app.server.url}/surveys/mine`);
    await expect.poll(() => second.locator(".outbox-status").innerText()).toContain("送信待ち");

    // Both tabs see the connection return and both try to send the same response. The second tab's
    // button is gone once the first tab's send lands, so its click is a best effort with a short wait.
    await context.setOffline(false);
    await Promise.all([
      second
        .getByRole("button", { name: "今すぐ送信する" })
        .click({ timeout: 3_000 })
        .catch(() => {}),
      expect.poll(() => page.locator(".outbox-status").innerText(), { timeout: 15_000 }).toContain("送信済み"),
    ]);
    await expect.poll(() => second.locator(".outbox-status").innerText(), { timeout: 15_000 }).toContain("送信済み");
    expect(storedResponses(poll.id)).toBe(before + 1);
  });

  it("keeps the outbox through a service-worker update, and then sends it once", async () => {
    const poll = await survey("poll");
    const before = storedResponses(poll.id);
    const page = await resident();
    // The server cannot be reached for responses (but the app and its updates can).
    await queueWhileResponsesAreRefused(page, poll);

    const sw = path.join(app.server.clientDir, "sw.js");
    const original = readFileSync(sw, "utf8");
    writeFileSync(sw, `${original}\n// release ${Date.now()}\n`);
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const prompt = page.getByRole("status").filter({ hasText: "新しいバージョンがあります。" });
      await prompt.waitFor();
      await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "再読み込み" }).click()]);
    } finally {
      writeFileSync(sw, original);
    }
    await page.goto(`${app.server.url}/surveys/mine`);
    await expect.poll(() => page.locator(".outbox-status").innerText()).toContain("送信待ち");
    expect(storedResponses(poll.id)).toBe(before);

    await context.unroute("**/api/surveys/*/responses");
    await page.getByRole("button", { name: "今すぐ送信する" }).click();
    await expect.poll(() => page.locator(".outbox-status").innerText(), { timeout: 15_000 }).toContain("送信済み");
    expect(storedResponses(poll.id)).toBe(before + 1);
  });

  it("opens a sampled survey from the letter's link with the code filled in; the used code is then refused on another phone before its first question", async () => {
    const resident1 = await survey("sampled");
    const code = demoInvitationCodes(ward)[0] as string;
    const page = await resident({ bypassCSP: true });
    await page.goto(`${app.server.url}/surveys/${resident1.id}?code=${code}`);
    await expect.poll(() => heading(page).innerText()).toBe("招待コードの入力");
    expect(await page.getByLabel("依頼状の招待コード").inputValue()).toBe(code);
    await axe(page, "code");
    await next(page);
    await answerRequiredAndSend(page, resident1, 0);
    await expect.poll(() => page.locator(".outbox-status").innerText(), { timeout: 15_000 }).toContain("送信済み");
    const sent = storedResponses(resident1.id);

    // The same letter's code on another phone: checked before the first question, and refused with whom to call
    // (answered offline, it is refused when sent: tests/e2e/surveys-offline.test.ts).
    await context.close();
    const other = await resident();
    await other.goto(`${app.server.url}/surveys/${resident1.id}?code=${code.toLowerCase().replaceAll("-", " ")}`);
    await next(other);
    await other.locator(".used-code").waitFor();
    expect(await other.locator(".used-code").innerText()).toContain("この招待コードはすでに使われています");
    expect(await heading(other).innerText()).toBe("招待コードの入力");
    expect(storedResponses(resident1.id)).toBe(sent);
  });

  it("refuses a mistyped code before anything is sent", async () => {
    const sampled = await survey("sampled");
    const page = await resident();
    await page.goto(`${app.server.url}/surveys/${sampled.id}`);
    await page.getByLabel("依頼状の招待コード").fill("ABCD-EFGH-JKLM-NPQR");
    await next(page);
    expect(await page.getByRole("alert").innerText()).toContain("コードが正しくありません");
    expect(await heading(page).innerText()).toBe("招待コードの入力");
  });

  it("sends the outbox when the service worker gets a Background Sync", async () => {
    const poll = await survey("poll");
    const before = storedResponses(poll.id);
    const page = await resident();
    await context.grantPermissions(["background-sync"], { origin: app.server.url });
    await queueWhileResponsesAreRefused(page, poll);
    await context.unroute("**/api/surveys/*/responses");

    // The browser fires the sync event (as it would when the connection returns), through DevTools.
    await dispatchOutboxSync(page);
    await expect.poll(() => page.locator(".outbox-status").innerText(), { timeout: 15_000 }).toContain("送信済み");
    expect(storedResponses(poll.id)).toBe(before + 1);
  });

  it("sends the outbox from the service worker itself when no page of the app is open", async () => {
    const poll = await survey("poll");
    const before = storedResponses(poll.id);
    const page = await resident();
    await context.grantPermissions(["background-sync"], { origin: app.server.url });
    await queueWhileResponsesAreRefused(page, poll);
    await context.unroute("**/api/surveys/*/responses");

    // The app is closed; only a blank tab (another origin, not a client of the worker) stays open.
    const blank = await context.newPage();
    await page.close();
    await dispatchOutboxSync(blank);
    await expect.poll(() => storedResponses(poll.id), { timeout: 15_000 }).toBe(before + 1);

    // Opened again, the app shows it as sent, with the receipt the worker stored.
    const reopened = await context.newPage();
    await reopened.goto(`${app.server.url}/surveys/mine`);
    await expect.poll(() => reopened.locator(".outbox-status").first().innerText()).toContain("送信済み");
    expect(storedResponses(poll.id)).toBe(before + 1);
  });

  it("discards an unsent response only after the resident confirms", async () => {
    const poll = await survey("poll");
    const page = await resident();
    await page.goto(`${app.server.url}/surveys/${poll.id}`);
    await answerPollFirstTwo(page, poll);
    await finishPoll(page, poll);
    await context.setOffline(true);
    await page.getByRole("button", { name: "送信する" }).click();
    await page.getByRole("link", { name: "わたしの回答" }).click();
    await page.getByRole("button", { name: "この回答を削除する" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "やめる" }).click();
    expect(await page.locator(".card").count()).toBe(1);
    await page.getByRole("button", { name: "この回答を削除する" }).click();
    await dialog.getByRole("button", { name: "削除する" }).click();
    await expect.poll(() => page.locator(".card").count()).toBe(0);
    expect(await page.getByText("まだ回答はありません。").count()).toBe(1);
  });
});
