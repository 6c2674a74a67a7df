/**
 * Honest targets and everyday friction in a real browser at a desk (1100×900), on the demo data:
 * an indicator whose 95 % interval straddles its target reads 「目標付近」 (and "Near the target" in
 * English), a self-selected poll is named as such when chosen as a year's source, a city
 * administrator compares every ward by name in the city's official order; the console's home and the
 * inbox's tab count new 町会 join requests; the local-information edit form opens in view with focus;
 * free-text keywords leave out stop words and many answers are tagged at once. Every page state is
 * checked with axe and for 44 px targets.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { uuidv7 } from "../../shared/ids";
import { wardRecords } from "../../shared/wards/data";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function staffPage(login: string, password: string, path: string): Promise<Page> {
  const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${app.server.url}${path}`);
  await logIn(page, login, password);
  await page.getByRole("button", { name: "ログアウト" }).waitFor();
  await page.locator("h1").waitFor();
  await settled(page);
  return page;
}

const settled = (page: Page) => page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);

async function expectAccessible(page: Page, name: string) {
  await settled(page);
  expect(await axeViolations(page), name).toEqual([]);
  expect(await smallTargets(page), name).toEqual([]);
}

/** The session cookie of a page, for the API calls a test makes beside the console. */
const cookieOf = async (page: Page) => ({ cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") });

describe("honest targets", () => {
  it("shows an indicator straddling its target as 「目標付近」, in words, in Japanese and in English", async () => {
    const page = await staffPage("kita.demo", "kita-demo-password", "/staff/indicators");
    const section = page.getByRole("region", { name: "地域活動協議会を知っている住民の割合", exact: true });
    await section.getByRole("img", { name: "年度ごとの値と目標線のグラフ" }).waitFor();
    const target = (await section.innerText()).match(/目標（2026年度 (\d+\.\d)%）/)?.[1] as string;
    expect(target).toBeDefined();

    // A value exactly at the target, from 400 respondents: its 95 % interval holds the target on both sides.
    await section.getByLabel("年度", { exact: true }).fill("2027");
    await section.getByLabel("過去の調査の値を記録").check();
    await section.getByLabel("割合（%）").fill(target);
    await section.getByLabel("回答者数").fill("400");
    await section.getByRole("button", { name: "この年度の値を保存" }).click();
    await page.getByRole("status").filter({ hasText: "2027年度の値を保存しました" }).waitFor();
    // Ward staff see one table: their ward's values by year.
    const table = section.getByRole("table");
    const row = table.getByRole("row", { name: /^2027/ });
    await row.waitFor();
    expect(await row.innerText()).toContain("目標付近");
    expect(await row.innerText()).not.toMatch(/達成|未達/);
    expect(await section.innerText()).toContain(`目標（2026年度 ${target}%）に対して「目標付近」`);
    expect(await section.innerText()).toContain("95%信頼区間が目標をまたいでいます");
    await expectAccessible(page, "targets, 目標付近");

    // Choosing a self-selected poll as a year's source says so before anything is saved.
    await section.getByLabel("アプリのアンケートから").check();
    const surveys = section.getByLabel("アンケート", { exact: true });
    const poll = (await surveys.locator("option").allInnerTexts()).find((label) => label.includes("（自由参加の投票）")) as string;
    expect(poll).toBeDefined();
    await surveys.selectOption({ label: poll });
    await section.getByText("このアンケートは自由参加の投票です").waitFor();
    expect(await surveys.getAttribute("aria-describedby")).toBeTruthy();
    await expectAccessible(page, "targets, poll chosen");

    await page.getByLabel("表示言語").selectOption("en");
    await page.getByRole("heading", { name: "Targets and indicators", level: 1 }).waitFor();
    await expect.poll(() => table.getByRole("row", { name: /^2027/ }).innerText()).toContain("Near the target");
    expect(await section.innerText()).toContain("“Near the target”");
    await expectAccessible(page, "targets in English");
  });

  it("lets a city administrator compare every ward on an indicator by name, in the city's official order, with intervals", async () => {
    const page = await staffPage("city.demo", "city-demo-password", "/staff/indicators");
    const section = page.getByRole("region", { name: "地域活動協議会を知っている住民の割合", exact: true });
    await section.getByRole("table", { name: /区ごとの値/ }).waitFor();
    // The same table after the console switches language (its name changes with it).
    const comparison = section.locator(".ward-comparison table");
    const heads = await comparison.locator("tbody th[scope=row]").allInnerTexts();
    expect(heads).toEqual(["全区平均", ...wardRecords.map((w) => w.name)]);
    const kita = comparison.getByRole("row", { name: /^北区/ });
    expect(await kita.innerText()).toMatch(/\d+\.\d% – \d+\.\d%/);
    expect(await kita.innerText()).toMatch(/達成|目標付近|未達/);
    expect(await comparison.innerText()).not.toMatch(/271\d\d/);
    await section.getByRole("img", { name: /区ごとの値と95%信頼区間/ }).waitFor();
    expect(await section.getByText(/年度: 達成 \d+区、目標付近 \d+区、未達 \d+区/).count()).toBe(1);
    // An earlier year: every row still there, with that year's recorded values.
    await section.getByLabel("比べる年度").selectOption("2023");
    await expect.poll(() => comparison.innerText()).toContain("2023年度");
    expect(await comparison.locator("tbody tr").count()).toBe(25);
    await expectAccessible(page, "ward comparison");

    await page.getByLabel("表示言語").selectOption("en");
    await expect.poll(() => comparison.locator("tbody th[scope=row]").first().innerText()).toBe("Average of all wards");
    expect(await comparison.locator("tbody th[scope=row]").nth(1).innerText()).toBe("Kita Ward");
    await expectAccessible(page, "ward comparison in English");
  });
});

describe("the needs matrix's source", () => {
  it("lets ward staff choose the fiscal year and the survey the need is read from", async () => {
    const page = await staffPage("kita.demo", "kita-demo-password", "/staff/matching");
    await page.getByRole("table", { name: "分野別のニーズと施策" }).waitFor();
    const year = page.getByLabel("年度", { exact: true });
    const years = await year.locator("option").allInnerTexts();
    expect(years.length).toBeGreaterThan(0);
    for (const label of years) expect(label).toMatch(/^\d{4}年度$/);
    const survey = page.getByLabel("アンケート", { exact: true });
    const titles = await survey.locator("option").allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    await year.selectOption({ label: years.at(-1) as string });
    await survey.selectOption({ label: titles[0] as string });
    await settled(page);
    // The matrix says which survey it reads.
    await page.getByText(`ニーズは「${titles[0]}」で`).waitFor();
    await expectAccessible(page, "matrix source chosen");
  });
});

describe("everyday friction", () => {
  it("counts new join requests on the console's home and the inbox's tab, and shows wards by name", async () => {
    const local = (await (await fetch(`${app.server.url}/api/wards/27127/local`)).json()) as { associations: { id: string }[] };
    for (const name of ["北 一郎", "北 二郎"]) {
      const joined = await fetch(`${app.server.url}/api/associations/${local.associations[0]?.id}/join-requests`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: uuidv7(), name, contact: "090-1111-2222", address: "北区菅北1丁目", message: "", consent: true }),
      });
      expect(joined.status).toBe(201);
    }
    const page = await staffPage("kita.demo", "kita-demo-password", "/staff");
    const notice = page.getByText(/町会への新しい加入申込が \d+ 件あります/);
    await notice.waitFor();
    const count = Number((await notice.innerText()).match(/(\d+) 件/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    // The surveys table names the ward: 北区, never 27127.
    const surveys = page.getByRole("table", { name: /アンケート/ });
    expect(await surveys.innerText()).toContain("北区");
    expect(await surveys.innerText()).not.toContain("27127");
    await expectAccessible(page, "home with new join requests");

    await page.getByRole("link", { name: "加入申込を開く" }).click();
    const tab = page.getByRole("button", { name: /町会への加入申込/ });
    await expect.poll(() => tab.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => tab.innerText()).toContain(`新着 ${count}件`);
    const row = page.getByRole("row").filter({ hasText: "北 一郎" });
    await row.getByLabel("北 一郎 の状態").selectOption("contacted");
    await page.getByRole("status").filter({ hasText: "状態を変えました" }).waitFor();
    await expect.poll(() => tab.innerText()).toContain(`新着 ${count - 1}件`);
    await expectAccessible(page, "join inbox with its count");
  });

  it("opens the local-information edit form in view with focus, and gives focus back on cancel", async () => {
    const page = await staffPage("kita.demo", "kita-demo-password", "/staff/local");
    const table = page.getByRole("table", { name: /登録済み/ });
    await table.waitFor();
    const edit = table
      .locator("tbody tr")
      .last()
      .getByRole("button", { name: /を編集$/ });
    await edit.scrollIntoViewIfNeeded();
    const name = (await edit.innerText()).trim();
    await edit.click();
    await page.locator("form.local-form").waitFor();
    // The form's first field has focus, and the form's top is on screen (not 2,600 px above).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("form.local-form") !== null)).toBe(true);
    const top = await page.locator("form.local-form").evaluate((form) => form.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
    await expectAccessible(page, "edit form opened");
    await page.locator("form.local-form").getByRole("button", { name: "やめる" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(name);

    // 町会 are listed with their 地域 by name, never its id.
    await page.getByRole("button", { name: "町会", exact: true }).click();
    const associations = page.getByRole("table", { name: /登録済み/ });
    await expect.poll(() => associations.locator("tbody tr").count()).toBeGreaterThan(0);
    await expect.poll(() => associations.innerText()).not.toMatch(/27127-\d+/);
  });

  it("leaves stop words out of the keywords and tags many free-text answers at once", async () => {
    const page = await staffPage("kita.demo", "kita-demo-password", "/staff");
    const list = (await (await fetch(`${app.server.url}/api/staff/surveys`, { headers: await cookieOf(page) })).json()) as {
      surveys: { id: string; ward: string | null; kind: string }[];
    };
    const sampled = list.surveys.find((s) => s.ward === "27127" && s.kind === "sampled") as { id: string };
    await page.goto(`${app.server.url}/staff/surveys/${sampled.id}/comments`);
    const keywords = page.getByRole("region", { name: "よく使われている言葉（複合名詞）" });
    await keywords.waitFor();
    const words = (await keywords.getByRole("button").allInnerTexts()).map((w) => w.replace(/ \(\d+\)$/, ""));
    for (const stop of ["空き", "夜", "早め"]) expect(words).not.toContain(stop);
    expect(words).toContain("保育所");

    // The ward leaves 保育所 out too, from the keyword itself.
    await keywords.getByRole("button", { name: "「保育所」をキーワードから除く" }).click();
    await page.getByRole("status").filter({ hasText: "「保育所」をキーワードから除きました" }).waitFor();
    await expect.poll(async () => (await keywords.innerText()).includes("保育所 (")).toBe(false);

    // Search for 街灯, select every answer shown and tag them all with 地域防災.
    await page.getByLabel("キーワードで探す").fill("街灯");
    await page.getByRole("button", { name: "検索", exact: true }).click();
    const selectAll = page.getByRole("button", { name: /表示中の \d+ 件をすべて選ぶ/ });
    await selectAll.waitFor();
    const shown = Number((await selectAll.innerText()).match(/(\d+) 件/)?.[1]);
    expect(shown).toBeGreaterThan(0);
    await selectAll.click();
    await page.getByText(`${shown} 件を選んでいます。`).waitFor();
    await page.getByLabel("まとめて付ける施策テーマ").selectOption({ label: "地域防災" });
    await expectAccessible(page, "answers selected");
    await page.getByRole("button", { name: `選んだ ${shown} 件にテーマを付ける` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${shown} 件にテーマ「地域防災」を付けました` })
      .waitFor();
    const boxes = page.getByRole("group", { name: "この回答の施策テーマ" }).getByLabel("地域防災");
    await expect.poll(() => boxes.count()).toBe(shown);
    for (let i = 0; i < shown; i++) expect(await boxes.nth(i).isChecked()).toBe(true);
    await expectAccessible(page, "answers tagged");

    // Put 保育所 back, from the ward's list.
    await page.getByText("キーワードから除く言葉").first().click();
    await page.getByRole("button", { name: "「保育所」をキーワードに戻す" }).click();
    await page.getByRole("status").filter({ hasText: "「保育所」をキーワードに戻しました" }).waitFor();
  });
});
