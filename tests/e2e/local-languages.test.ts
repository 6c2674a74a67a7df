/**
 * Local information in the resident's language on a phone (390×844), in real Chromium: a 通いの場
 * imported through the staff CSV with its Vietnamese name and notes shows them in Tiếng Việt; a
 * Japanese-only one shows furigana made by the server in やさしい日本語, and on an English page its name
 * is marked lang="ja" with its romaji beside it; in the console, staff add a translation and correct a
 * reading, and the correction survives the next save. axe passes on each page.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PlaceInput } from "../../shared/local/schemas";
import { placeInput } from "../helpers/place-input";
import { axeViolations, serverAndBrowserForThisFile, settingsStored } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function staffSession() {
  const login = await fetch(`${app.server.url}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "kita.demo", password: "kita-demo-password" }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  return { cookie, "x-csrf-token": csrfToken };
}

const japaneseOnly: PlaceInput = placeInput({
  area: "27127-01",
  kind: "salon",
  name: "扇町ふれあい喫茶",
  address: "大阪市北区扇町1丁目1-1",
  latitude: 34.7066,
  longitude: 135.5116,
  schedule: { rules: [{ weekday: 3, start: "10:00", end: "11:30" }] },
  confirmedOn: "2026-11-01",
});

beforeAll(async () => {
  const headers = await staffSession();
  const csv = [
    "全国地方公共団体コード,名称,名称_ベトナム語,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,備考,備考_ベトナム語,確認日",
    "27127,中崎いきいき百歳体操,Thể dục 100 tuổi Nakazaki,大阪市北区中崎1-1,34.708,135.51,水,10:00,11:00,いきいき百歳体操,椅子に座ってできます,Có thể tập khi ngồi trên ghế,2026-10-01",
  ].join("\r\n");
  const imported = await fetch(`${app.server.url}/api/staff/local/places/import`, {
    method: "POST",
    headers: { ...headers, "content-type": "text/csv" },
    body: csv,
  });
  expect(await imported.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
  const added = await fetch(`${app.server.url}/api/staff/local/places`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(japaneseOnly),
  });
  expect(added.status).toBe(201);
});

async function residentPhone(locale: string): Promise<Page> {
  const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.locator("h1").waitFor();
  await page.locator("select").first().selectOption("27127");
  await page.locator(`input[name="locale"][value="${locale}"]`).check();
  await expect.poll(() => page.getAttribute("html", "data-locale")).toBe(locale);
  // On the device before the next page.goto reads them.
  await settingsStored(page, { ward: "27127", locale });
  return page;
}

async function visit(page: Page, pathname: string): Promise<void> {
  await page.goto(app.server.url + pathname);
  await page.locator("h1").waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

describe("local information in the resident's language", () => {
  it("shows an imported Vietnamese name and notes in Tiếng Việt", async () => {
    const page = await residentPhone("vi");
    await visit(page, "/places");
    const card = page.locator(".card").filter({ hasText: "Thể dục 100 tuổi Nakazaki" });
    await card.waitFor();
    // The translation is the resident's language: nothing in the link is marked Japanese.
    expect(await card.getByRole("link").locator("[lang='ja']").count()).toBe(0);
    expect(await axeViolations(page), "places in vi").toEqual([]);
    await card.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Thể dục 100 tuổi Nakazaki" }).waitFor();
    const main = await page.locator("main").innerText();
    expect(main).toContain("Có thể tập khi ngồi trên ghế");
    // The Japanese name stays on the page, marked as Japanese, to show at the counter.
    expect(await page.locator("main [lang='ja']", { hasText: "中崎いきいき百歳体操" }).count()).toBe(1);
    expect(await axeViolations(page), "place in vi").toEqual([]);
  });

  it("shows the server's furigana on a Japanese-only name in やさしい日本語", async () => {
    const page = await residentPhone("ja-easy");
    await visit(page, "/places");
    const title = page
      .locator(".card-title")
      .filter({ has: page.locator("rt", { hasText: "おうぎまち" }) })
      .filter({ hasText: "ふれあい" });
    await title.waitFor();
    const rubies = await title
      .locator("ruby")
      .evaluateAll((nodes) => nodes.map((n) => [n.firstChild?.textContent, n.querySelector("rt")?.textContent]));
    expect(rubies).toContainEqual(["扇町", "おうぎまち"]);
    expect(rubies).toContainEqual(["喫茶", "きっさ"]);
    expect(await axeViolations(page), "places in ja-easy").toEqual([]);
    await title.getByRole("link").click();
    await page.locator("h1 ruby").first().waitFor();
    expect(await page.locator("h1 rt").allInnerTexts()).toContain("おうぎまち");
    expect(await axeViolations(page), "place in ja-easy").toEqual([]);
  });

  it('marks a Japanese-only name lang="ja" on an English page and shows its romaji', async () => {
    const page = await residentPhone("en");
    await visit(page, "/places");
    const name = page.locator(".card-title [lang='ja']", { hasText: "扇町ふれあい喫茶" });
    await name.waitFor();
    const card = page.locator(".card").filter({ has: name });
    expect(await card.locator("[lang='ja-Latn']").innerText()).toBe("(Ougimachi Fureai Kissa)");
    expect(await axeViolations(page), "places in en").toEqual([]);
    await card.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "Ougimachi Fureai Kissa" }).waitFor();
    // The heading is the romaji: read as Japanese in Latin letters, not as English words.
    expect(await page.locator("h1").getAttribute("lang")).toBe("ja-Latn");
    expect(await page.locator("main p [lang='ja']").first().innerText()).toBe("扇町ふれあい喫茶");
    expect(await axeViolations(page), "place in en").toEqual([]);
    // On the map, the popup's link marks the Japanese name and its romaji each with its language.
    await visit(page, "/places");
    await page.getByRole("button", { name: "Map" }).click();
    const marker = page.getByRole("button", { name: /扇町ふれあい喫茶/ });
    await marker.focus();
    await page.keyboard.press("Enter");
    const link = page.locator(".leaflet-popup a", { hasText: "扇町ふれあい喫茶" });
    await link.waitFor();
    expect(await link.locator("[lang='ja']").innerText()).toBe("扇町ふれあい喫茶");
    expect((await link.locator("[lang='ja-Latn']").innerText()).trim()).toBe("(Ougimachi Fureai Kissa)");
  });

  it('marks a Japanese-only page title lang="ja" on a Korean page', async () => {
    const page = await residentPhone("ko");
    await visit(page, "/places");
    const name = page.locator(".card-title [lang='ja']", { hasText: "扇町ふれあい喫茶" });
    await name.waitFor();
    await page.locator(".card").filter({ has: name }).getByRole("link").first().click();
    await page.locator("h1", { hasText: "扇町ふれあい喫茶" }).waitFor();
    expect(await page.locator("h1").getAttribute("lang")).toBe("ja");
  });

  it("lets staff add a translation and correct a reading in the console, and keeps the correction on the next save", async () => {
    const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/staff/local`);
    await page.getByLabel("ログイン名").fill("kita.demo");
    await page.getByLabel("パスワード").fill("kita-demo-password");
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.getByRole("table", { name: /登録済み/ }).waitFor();
    await page.getByRole("button", { name: "「扇町ふれあい喫茶」を編集" }).click();
    const furigana = page.getByLabel("名前のふりがな");
    await expect.poll(() => furigana.inputValue()).toBe("{扇町|おうぎまち}ふれあい{喫茶|きっさ}");
    await page.getByLabel("名前（한국어）").fill("오기마치 어울림 찻집");
    await furigana.fill("{扇町|おうぎちょう}ふれあい{喫茶|きっさ}");
    expect(await axeViolations(page), "place form with languages").toEqual([]);
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("status").filter({ hasText: "保存しました" }).waitFor();

    // Saved again with another field changed: the corrected reading stays.
    await page.getByRole("button", { name: "「扇町ふれあい喫茶」を編集" }).click();
    await expect.poll(() => page.getByLabel("名前のふりがな").inputValue()).toBe("{扇町|おうぎちょう}ふれあい{喫茶|きっさ}");
    await page.getByLabel("料金", { exact: true }).fill("100円");
    await page.getByRole("button", { name: "保存" }).click();
    // The first save's message may still be showing: wait for the change itself.
    type Synced = { name: string; fee: string; furigana?: { name?: string }; translations?: Record<string, { name?: string }> };
    const stored = async () =>
      ((await (await fetch(`${app.server.url}/api/wards/27127/local`)).json()) as { places: Synced[] }).places.find(
        (p) => p.name === "扇町ふれあい喫茶",
      );
    await expect.poll(async () => (await stored())?.fee).toBe("100円");
    const saved = await stored();
    expect(saved?.furigana?.name).toBe("{扇町|おうぎちょう}ふれあい{喫茶|きっさ}");
    expect(saved?.translations?.ko?.name).toBe("오기마치 어울림 찻집");
  });
});
