/**
 * Ward staff keep local information in a real browser: add a 通いの場 (with its schedule), delete it
 * and undo; import a CSV that has a bad row (refused, the row named) and then a good one; move a
 * join request through its states. Every tab is checked with axe and for 44 px targets.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { uuidv7 } from "../../shared/ids";
import { axeViolations, logIn, serverAndBrowserForThisFile, smallTargets } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function staffPage(): Promise<Page> {
  const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${app.server.url}/staff/local`);
  await logIn(page);
  await page.getByRole("heading", { name: "地域の情報" }).waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  return page;
}

async function expectAccessible(page: Page, name: string) {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  expect(await axeViolations(page), name).toEqual([]);
  expect(await smallTargets(page), name).toEqual([]);
}

describe("local information in the staff console", () => {
  it("adds a 通いの場 with its schedule, deletes it and undoes the delete", async () => {
    const page = await staffPage();
    const table = page.getByRole("table", { name: /登録済み/ });
    await table.waitFor();
    await expectAccessible(page, "places");
    const before = await table.locator("tbody tr").count();

    await page.getByRole("button", { name: "通いの場を追加" }).click();
    await page.getByLabel("名称", { exact: true }).fill("扇町テスト百歳体操");
    await page.getByLabel("住所", { exact: true }).fill("大阪市北区扇町1-1");
    await page.getByLabel("曜日").selectOption({ label: "木曜日" });
    await page.getByRole("checkbox", { name: "第1" }).uncheck();
    await expectAccessible(page, "place form");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("status").filter({ hasText: "保存しました" }).waitFor();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(before + 1);

    // The resident side gets it, with its rule: Thursdays except the first.
    const local = (await (await fetch(`${app.server.url}/api/wards/27127/local`)).json()) as {
      places: { name: string; schedule: { rules: unknown[] } }[];
    };
    expect(local.places.find((p) => p.name === "扇町テスト百歳体操")?.schedule.rules).toEqual([
      { weekday: 4, start: "14:00", end: "15:00", weeks: [2, 3, 4, 5] },
    ]);

    await page.getByRole("button", { name: "「扇町テスト百歳体操」を削除" }).click();
    await page.getByRole("status").filter({ hasText: "削除しました" }).waitFor();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(before);
    await page.getByRole("button", { name: "元に戻す" }).click();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(before + 1);
  });

  it("refuses a CSV with a bad row, naming the row, then takes the corrected file", async () => {
    const page = await staffPage();
    const table = page.getByRole("table", { name: /登録済み/ });
    await table.waitFor();
    const before = await table.locator("tbody tr").count();
    const header = "全国地方公共団体コード,ID,名称,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,確認日";
    const good = "27127,,中崎いきいき百歳体操,大阪市北区中崎1-1,34.708,135.51,水,10:00,11:00,いきいき百歳体操,2026-10-01";
    const bad = "27127,,中崎ふれあい喫茶,大阪市北区中崎1-2,34.708,135.51,水曜,25:00,26:00,ふれあい喫茶・サロン,2026-10-01";
    const upload = (rows: string[]) =>
      page
        .locator('input[type="file"]')
        .setInputFiles({ name: "places.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${rows.join("\r\n")}`) });

    await upload([header, good, bad]);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("3行目・利用可能曜日");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(before);
    await expectAccessible(page, "import refused");

    await upload([header, good, bad.replace("25:00,26:00", "13:30,15:30")]);
    await page.getByRole("status").filter({ hasText: "追加 2件" }).waitFor();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(before + 2);
  });

  it("shows every tab accessibly, and moves a join request from new to contacted", async () => {
    const local = (await (await fetch(`${app.server.url}/api/wards/27127/local`)).json()) as { associations: { id: string }[] };
    const association = local.associations[0]?.id as string;
    const joined = await fetch(`${app.server.url}/api/associations/${association}/join-requests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: uuidv7(),
        name: "北 太郎",
        contact: "090-1111-2222",
        address: "北区菅北1丁目",
        message: "",
        consent: true,
      }),
    });
    expect(joined.status).toBe(201);

    const page = await staffPage();
    for (const tab of ["町会", "地域活動協議会", "区政会議"]) {
      await page.getByRole("button", { name: tab, exact: true }).click();
      await page.getByRole("table", { name: /登録済み/ }).waitFor();
      await expectAccessible(page, tab);
    }
    await page.getByRole("button", { name: "町会への加入申込" }).click();
    const row = page.getByRole("row").filter({ hasText: "北 太郎" });
    await row.waitFor();
    await expectAccessible(page, "join requests");
    await row.getByLabel("北 太郎 の状態").selectOption("contacted");
    await page.getByRole("status").filter({ hasText: "状態を変えました" }).waitFor();
    const headers = { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") };
    const inbox = (await (await fetch(`${app.server.url}/api/staff/local/join-requests`, { headers })).json()) as {
      requests: { name: string; status: string }[];
    };
    expect(inbox.requests.find((r) => r.name === "北 太郎")?.status).toBe("contacted");
  });
});
