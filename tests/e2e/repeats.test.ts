/**
 * A response the server already has, sent again from a phone (issue 13, finding 6): an outbox item that
 * keeps the secret made with it gets its receipt back; an item queued before phones kept a secret is still
 * sent, counted once, and shown as received without a receipt code — which only the sender's secret opens.
 */
import path from "node:path";
import SQLite from "better-sqlite3";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { randomSecret, uuidv7 } from "../../shared/ids";
import type { Answers } from "../../shared/surveys/answers";
import type { Survey, SurveySummary } from "../../shared/surveys/model";
import { axeViolations, serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

async function kitaPoll(): Promise<Survey> {
  const { surveys } = (await (await fetch(`${app.server.url}/api/surveys?ward=27127`)).json()) as { surveys: SurveySummary[] };
  const summary = surveys.find((s) => s.kind === "poll" && s.ward === "27127");
  if (!summary) throw new Error("no poll for 北区");
  return (await (await fetch(`${app.server.url}/api/surveys/${summary.id}`)).json()) as Survey;
}

/** Answers every question of the demo poll takes, with its first choice or lowest value. */
function answersFor(survey: Survey): Answers {
  const answers: Answers = {};
  for (const q of survey.definition.questions) {
    if (q.showIf) continue;
    if (q.type === "single") answers[q.id] = { option: q.options[0]?.id as string };
    else if (q.type === "multiple") answers[q.id] = { options: q.options.slice(0, Math.max(1, q.min ?? 1)).map((o) => o.id) };
    else if (q.type === "rating") answers[q.id] = { value: 3 };
    else if (q.type === "number") answers[q.id] = { value: q.min ?? 0 };
  }
  return answers;
}

function storedCount(surveyId: string): number {
  const database = new SQLite(path.join(app.server.dataDir, "machikoe.db"), { readonly: true });
  try {
    return (database.prepare("select count(*) as n from responses where survey_id = ?").get(surveyId) as { n: number }).n;
  } finally {
    database.close();
  }
}

/** A phone whose outbox holds `item`, as the app or an older version of it left it, waiting to be sent. */
async function phoneWithPending(item: Record<string, unknown>): Promise<Page> {
  context = await app.browser.newContext({
    locale: "ja-JP",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.getByLabel("お住まいの区").selectOption("27127");
  await page.evaluate(
    (item) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("machikoe");
        open.onsuccess = () => {
          const tx = open.result.transaction("outbox", "readwrite");
          tx.objectStore("outbox").put(item);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    item,
  );
  await page.goto(`${app.server.url}/surveys/mine`);
  return page;
}

describe("a response sent again", () => {
  it("shows the receipt to the device that kept the response's secret, and only 'received' to an item queued without one", async () => {
    const poll = await kitaPoll();
    const before = storedCount(poll.id);
    const send = (payload: object) =>
      fetch(`${app.server.url}/api/surveys/${poll.id}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
      });
    const item = (payload: { id: string }) => ({
      id: payload.id,
      surveyId: poll.id,
      surveyTitle: poll.definition.title,
      payload,
      state: "pending",
      queuedAt: Date.now(),
      attempts: 1,
      resultsPublic: false,
    });

    // Sent once already (the answer to it was lost on the way back), with the secret the outbox keeps.
    const withSecret = { id: uuidv7(), answers: answersFor(poll), profile: {}, deviceId: crypto.randomUUID(), secret: randomSecret() };
    const first = (await (await send(withSecret)).json()) as { receiptCode: string };
    let page = await phoneWithPending(item(withSecret));
    await expect.poll(() => page.locator(".outbox-status").first().innerText(), { timeout: 15_000 }).toContain("送信済み");
    expect(await page.locator(".receipt-code").innerText()).toBe(first.receiptCode);
    await context.close();

    // Queued by an older version of the app, without a secret: sent, counted once, shown as received.
    const old = { id: uuidv7(), answers: answersFor(poll), profile: {}, deviceId: crypto.randomUUID() };
    expect((await send(old)).status).toBe(201);
    page = await phoneWithPending(item(old));
    await expect.poll(() => page.locator(".outbox-status").first().innerText(), { timeout: 15_000 }).toContain("送信済み");
    expect(await page.locator(".outbox-status").first().innerText()).toContain("以前にこの回答を受け付けています");
    expect(await page.locator(".receipt-code").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    expect(storedCount(poll.id)).toBe(before + 2);
  });
});
