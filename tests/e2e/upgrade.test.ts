/**
 * A resident's phone updated from the app before the outbox engine (IndexedDB version 5 in Dexie's
 * numbering, 50 in IndexedDB's): what it kept survives the schema upgrade. A survey response already
 * sent stays in わたしの回答, and a push removal that waited in `meta` becomes an outbox item that goes
 * out once, then leaves the device.
 */
import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
let context: BrowserContext;

afterEach(async () => {
  await context?.close();
});

const responseId = "01900000-0000-7000-8000-000000000001";
const removal = { endpoint: "https://push.test/push/old", auth: "BBBBBBBBBBBBBBBBBBBBBB" };

describe("an update of the app's IndexedDB schema", () => {
  it("keeps the answers history and sends the push removal that waited in meta, once", async () => {
    context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
    const deletes: unknown[] = [];
    await context.route("**/api/push/subscription", async (route) => {
      deletes.push(route.request().postDataJSON());
      await route.fulfill({ status: 200, json: { removed: true } });
    });
    // A page of the origin that is not the app, to make the old database as the old app left it.
    await context.route("**/old-app", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>old</title>" }),
    );
    const page = await context.newPage();
    await page.goto(`${app.server.url}/old-app`);
    await page.evaluate(
      ({ responseId, removal }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("machikoe", 50);
          open.onupgradeneeded = () => {
            const db = open.result;
            const store = (name: string, key: string, indexes: string[] = []) => {
              const objects = db.createObjectStore(name, { keyPath: key });
              for (const index of indexes) objects.createIndex(index, index);
            };
            store("settings", "id");
            store("drafts", "id", ["surveyId"]);
            store("outbox", "id", ["surveyId", "state"]);
            store("meta", "key");
            for (const name of ["places", "associations", "councils", "meetings"]) store(name, "id", ["ward"]);
            store("joinOutbox", "id", ["state"]);
            store("children", "id");
            store("timelineDone", "key", ["child"]);
            store("inbox", "id", ["receivedAt"]);
            const tx = open.transaction as IDBTransaction;
            tx.objectStore("meta").put({ key: "push:removal", value: JSON.stringify(removal) });
            tx.objectStore("outbox").put({
              id: responseId,
              surveyId: "00000000-0000-4000-8000-000000000001",
              surveyTitle: { ja: "前のバージョンで送ったアンケート" },
              payload: { id: responseId, answers: {}, profile: {} },
              state: "sent",
              queuedAt: 1,
              attempts: 0,
              receipt: { responseId, receiptCode: "OLD-1234", receivedAt: "2026-11-01T00:00:00.000Z", duplicate: false },
              resultsPublic: false,
            });
          };
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
      { responseId, removal },
    );

    await page.goto(`${app.server.url}/surveys/mine`);
    await expect.poll(() => page.locator(".outbox-status").first().innerText()).toContain("送信済み");
    expect(await page.locator("main").innerText()).toContain("OLD-1234");
    await expect.poll(() => deletes).toEqual([removal]);
    const left = () =>
      page.evaluate(
        () =>
          new Promise<{ version: number; meta: unknown; removals: number }>((resolve) => {
            const open = indexedDB.open("machikoe");
            open.onsuccess = () => {
              const tx = open.result.transaction(["meta", "pushRemovals"]);
              const meta = tx.objectStore("meta").get("push:removal");
              const removals = tx.objectStore("pushRemovals").count();
              tx.oncomplete = () => {
                resolve({ version: open.result.version, meta: meta.result, removals: removals.result });
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(left).toEqual({ version: 70, meta: undefined, removals: 0 });
    await page.reload();
    await page.locator(".outbox-status").first().waitFor();
    await page.waitForTimeout(300);
    expect(deletes).toHaveLength(1);
  });
});
