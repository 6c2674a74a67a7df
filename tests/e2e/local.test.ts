/**
 * Local life on a phone, in real Chromium: a resident finds いきいき百歳体操 on Tuesdays near where
 * they stand (the position emulated), sorted by distance; with no signal they still see it and its
 * next date; a 町会 join request made offline arrives at the ward once, after reconnecting.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PlaceInput } from "../../shared/local/schemas";
import { placeInput } from "../helpers/place-input";
import { axeViolations, serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** Where the resident stands: beside 扇町公園, in 北区. */
const here = { latitude: 34.7065, longitude: 135.5115 };

/** A staff session from Node, for setting up places and reading the inbox. */
async function staffSession() {
  const login = await fetch(`${app.server.url}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "kita.demo", password: "kita-demo-password" }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

const tuesdayPlace = (name: string, latitude: number, longitude: number): PlaceInput =>
  placeInput({ area: "27127-01", name, address: "大阪市北区扇町1丁目1-1", latitude, longitude, fee: "無料", confirmedOn: "2026-11-01" });

beforeAll(async () => {
  const headers = await staffSession();
  for (const place of [
    tuesdayPlace("扇町公園いきいき百歳体操", 34.7066, 135.5116),
    tuesdayPlace("天満橋いきいき百歳体操", 34.6985, 135.5205),
  ]) {
    const response = await fetch(`${app.server.url}/api/staff/local/places`, { method: "POST", headers, body: JSON.stringify(place) });
    expect(response.status).toBe(201);
  }
});

async function residentPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({
    locale: "ja-JP",
    viewport: { width: 390, height: 844 },
    bypassCSP: true,
    geolocation: here,
    permissions: ["geolocation"],
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
  await page.getByLabel("お住まいの区").selectOption("27127");
  await expect.poll(() => page.locator(".app-header").innerText()).toContain("北区");
  return { context, page };
}

/** Metres from a card's 「約470 m」 or 「約1.2 km」. */
const metres = (text: string) => {
  const match = text.match(/約([\d.,]+)\s*(m|km)/);
  if (!match) return Number.NaN;
  return Number((match[1] as string).replace(",", "")) * (match[2] === "km" ? 1000 : 1);
};

describe("通いの場 and 町会 on a phone", () => {
  it("finds 百歳体操 on Tuesdays near the resident, nearest first, and still shows it and its next date offline", async () => {
    const { context, page } = await residentPhone();
    await page.getByRole("navigation").getByRole("link", { name: "通いの場" }).click();
    await page.getByLabel("種類").selectOption("hyakusai");
    await page.getByLabel("曜日").selectOption({ label: "火曜日" });
    await page.getByRole("button", { name: "近い順に並べる（現在地を使う）" }).click();
    await page.getByRole("status").filter({ hasText: "近い順" }).waitFor();

    const cards = page.locator(".card-list .card");
    const texts = await cards.allInnerTexts();
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const text of texts) {
      expect(text).toContain("いきいき百歳体操");
      expect(text).toMatch(/次回: \d+月\d+日\(火\) \d\d:\d\d/);
    }
    const distances = texts.map(metres);
    expect(distances.every((d) => Number.isFinite(d))).toBe(true);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(texts[0]).toContain("扇町公園いきいき百歳体操");
    const nextDate = (texts[0]?.match(/次回: [^·\n]+/)?.[0] ?? "").trim();
    expect(nextDate).not.toBe("");

    // The same places on a map (Leaflet, loaded only now), one circle each, with the list still there.
    await page.getByRole("button", { name: "地図" }).click();
    const map = page.getByRole("region", { name: "通いの場の地図" });
    await map.waitFor();
    await expect.poll(() => map.locator("path.leaflet-interactive").count()).toBe(texts.length + 1);
    expect(await axeViolations(page), "map").toEqual([]);

    // No signal: the list and the place's next date come from the device.
    await context.setOffline(true);
    await page.reload();
    await page.locator("h1").waitFor();
    const offlineCard = page.locator(".card").filter({ hasText: "扇町公園いきいき百歳体操" });
    await offlineCard.waitFor();
    expect(await offlineCard.innerText()).toContain(nextDate);
    await offlineCard.getByRole("link").click();
    await page.getByRole("heading", { name: "扇町公園いきいき百歳体操" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("毎週火曜日 14:00〜15:00");
    // The map needs a connection, and says so; the list does not.
    await page.goto(`${app.server.url}/places`);
    await page.getByRole("button", { name: "地図" }).click();
    await page.getByRole("status").filter({ hasText: "インターネット接続が必要" }).waitFor();
  });

  it("keeps a 町会 join request made offline, and delivers it once after reconnecting", async () => {
    const { context, page } = await residentPhone();
    await page.getByRole("navigation").getByRole("link", { name: "地域・町会" }).click();
    await page.getByLabel("住所（丁目まで）").fill("大阪市北区菅北１丁目３−４");
    const found = page.locator(".card").filter({ hasText: "菅北東町会" });
    await found.waitFor();
    await found.getByRole("link").click();
    await page.getByRole("heading", { name: "菅北東町会" }).waitFor();

    await context.setOffline(true);
    await page.getByLabel("お名前").fill("大阪 花子");
    await page.getByLabel("連絡先（電話番号またはメールアドレス）").fill("090-1234-5678");
    await page.getByLabel("住所", { exact: true }).fill("大阪市北区菅北1丁目3-4");
    // The free-text field says, in its accessible description, what not to write there.
    const messageField = page.locator("textarea").first();
    const description = await messageField.evaluate((field) =>
      (field.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
    expect(description).toContain("特に配慮が必要なことは書かないでください");
    await page.getByRole("button", { name: "加入を申し込む" }).click();
    await page.getByRole("alert").filter({ hasText: "同意" }).waitFor();
    await page.getByLabel("上の内容に同意します").check();
    await page.getByRole("button", { name: "加入を申し込む" }).click();
    await page.getByRole("status").filter({ hasText: "送信待ち" }).waitFor();

    const headers = await staffSession();
    const inbox = async () =>
      (
        (await (await fetch(`${app.server.url}/api/staff/local/join-requests`, { headers })).json()) as {
          requests: { name: string | null }[];
        }
      ).requests;
    expect(await inbox()).toEqual([]);

    // Closing the app does not lose it: a reload, still offline, shows it waiting.
    await page.reload();
    await page.getByRole("status").filter({ hasText: "送信待ち" }).waitFor();

    await context.setOffline(false);
    await page.getByRole("status").filter({ hasText: "区役所に届きました" }).waitFor();
    expect((await inbox()).map((r) => r.name)).toEqual(["大阪 花子"]);

    // Reloads, a second tab and retries never make a second request.
    await page.reload();
    const second = await context.newPage();
    await second.goto(`${app.server.url}/community`);
    await second.getByRole("region", { name: "町会への加入申込" }).waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    expect(await inbox()).toHaveLength(1);
  });
});
