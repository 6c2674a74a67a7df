/**
 * Staff accounts in a real browser, on a server started on an empty database without demo data:
 * the first administrator is made through the setup link the start prints; that administrator makes
 * a ward account, whose first login must change the temporary password (the server refuses
 * everything else meanwhile) before it sees its ward's console; a reset link shown once sets a new
 * password; moving an account to another ward and disabling it ask first. axe finds nothing on each page.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, type RunningServer, smallTargets, startServer } from "./harness";

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { DEMO_DATA: "false" } }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(async () => {
  await context?.close();
});

const admin = { login: "city.first", password: "first administrator's password" };

async function newPage(): Promise<Page> {
  // The axe script is injected into the page, which the app's CSP would refuse.
  context = await browser.newContext({ locale: "ja-JP", viewport: { width: 1024, height: 800 }, bypassCSP: true });
  return context.newPage();
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
}

async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto(`${server.url}/staff`);
  await page.getByRole("heading", { name: "職員ログイン" }).waitFor();
  await page.getByLabel("ログイン名").fill(login);
  await page.getByLabel("パスワード", { exact: true }).fill(password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

/** The status of a staff API read from inside the page, with its session cookie. */
const statusOf = (page: Page, path: string) => page.evaluate(async (url) => (await fetch(url)).status, path);

describe("staff accounts", () => {
  it("makes the first city administrator through the setup link printed at start", async () => {
    await expect.poll(() => server.output(), { timeout: 20_000 }).toContain("First run: no staff account yet.");
    const link = server.output().match(/Open (http:\/\/\S+\/staff\/setup#token=[\w-]+) to make the first city administrator/)?.[1];
    expect(link).toBeDefined();
    expect(server.output()).not.toContain("demo staff login");

    const page = await newPage();
    await page.goto(link as string);
    await page.getByRole("heading", { name: "初回設定：最初の管理者" }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("ログイン名").fill(admin.login);
    await page.getByLabel("表示名").fill("大阪市 管理者");
    await page.getByLabel("新しいパスワード", { exact: true }).fill(admin.password);
    await page.getByLabel("新しいパスワード（確認のためもう一度）").fill("a different password!");
    await page.getByRole("button", { name: "管理者を作成してログイン" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("2つのパスワードが一致しません");

    await page.getByLabel("新しいパスワード（確認のためもう一度）").fill(admin.password);
    await page.getByRole("button", { name: "管理者を作成してログイン" }).click();
    await page.getByRole("heading", { name: "アンケート" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/staff");
    expect(page.url()).not.toContain("token");
    expect(await page.locator(".staff-session").innerText()).toContain("大阪市 管理者（全区）");
    await expectAccessible(page);

    // The link worked once: using it again is refused.
    const token = new URL(link as string).hash.replace("#token=", "");
    const again = await fetch(`${server.url}/api/staff/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, login: "city.second", displayName: "二人目", password: "another long password" }),
    });
    expect(again.status).toBe(410);
  });

  it("has an administrator make a ward account, which must change its temporary password before it sees its ward's console", async () => {
    const page = await newPage();
    await logIn(page, admin.login, admin.password);
    await page.getByRole("heading", { name: "アンケート" }).waitFor();
    await page.getByRole("navigation", { name: "職員コンソールのメニュー" }).getByRole("link", { name: "職員アカウント" }).click();
    await page.getByRole("heading", { name: "職員アカウント", level: 1 }).waitFor();
    await expectAccessible(page);

    const form = page.getByRole("region", { name: "アカウントの作成" });
    await form.getByLabel("ログイン名").fill("kita.tanaka");
    await form.getByLabel("表示名").fill("北区 田中");
    await form.getByLabel("権限").selectOption("ward_staff");
    await form.getByLabel("区", { exact: true }).selectOption({ label: "北区" });
    await form.getByRole("button", { name: "アカウントを作成" }).click();

    const dialog = page.getByRole("dialog", { name: "kita.tanaka の仮パスワード" });
    await dialog.waitFor();
    const temporary = (await dialog.locator("output").innerText()).trim();
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "控えたので閉じる" }).click();
    await dialog.waitFor({ state: "hidden" });

    const row = page.getByRole("row", { name: /kita\.tanaka/ });
    await expect.poll(() => row.innerText()).toContain("区職員 (北区)");
    expect(await row.innerText()).toContain("（仮パスワード）");
    expect(await row.innerText()).toContain("なし");

    await page.getByRole("button", { name: "ログアウト" }).click();
    await logIn(page, "kita.tanaka", temporary);
    await page.getByRole("heading", { name: "パスワードの変更" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("仮パスワードでログインしています");
    expect(await page.getByRole("navigation", { name: "職員コンソールのメニュー" }).count()).toBe(0);
    // The server, not only the page, holds the account back.
    expect(await statusOf(page, "/api/staff/surveys")).toBe(403);
    await expectAccessible(page);

    await page.getByLabel("仮パスワード").fill(temporary);
    await page.getByLabel("新しいパスワード", { exact: true }).fill("tanaka's own password");
    await page.getByLabel("新しいパスワード（確認のためもう一度）").fill("tanaka's own password");
    await page.getByRole("button", { name: "パスワードを変更" }).click();
    await page.getByRole("heading", { name: "アンケート" }).waitFor();
    expect(await page.locator(".staff-session").innerText()).toContain("北区 田中（北区）");
    expect(await statusOf(page, "/api/staff/surveys")).toBe(200);
    await expectAccessible(page);
  });

  it("sets a new password with a reset link that the administrator sees once", async () => {
    const page = await newPage();
    await logIn(page, admin.login, admin.password);
    await page.getByRole("heading", { name: "アンケート" }).waitFor();
    await page.goto(`${server.url}/staff/users`);
    page.on("dialog", (confirm) => void confirm.accept());
    await page.getByRole("button", { name: "kita.tanaka の再設定リンクを作成" }).click();
    const dialog = page.getByRole("dialog", { name: "kita.tanaka のパスワード再設定リンク" });
    await dialog.waitFor();
    const link = (await dialog.locator("output").innerText()).trim();
    expect(link).toMatch(/\/staff\/reset#token=[\w-]{43}$/);
    await dialog.getByRole("button", { name: "控えたので閉じる" }).click();
    expect(await page.getByRole("status").first().innerText()).toContain("kita.tanaka の再設定リンクを作成しました");

    const other = await context.browser()?.newContext({ locale: "ja-JP", viewport: { width: 1024, height: 800 }, bypassCSP: true });
    const resetPage = await (other as BrowserContext).newPage();
    await resetPage.goto(link);
    await resetPage.getByRole("heading", { name: "パスワードの再設定" }).waitFor();
    expect(await axeViolations(resetPage)).toEqual([]);
    await resetPage.getByLabel("新しいパスワード", { exact: true }).fill("tanaka's reset password");
    await resetPage.getByLabel("新しいパスワード（確認のためもう一度）").fill("tanaka's reset password");
    await resetPage.getByRole("button", { name: "パスワードを設定してログイン" }).click();
    await resetPage.getByRole("heading", { name: "アンケート" }).waitFor();
    expect(await resetPage.locator(".staff-session").innerText()).toContain("北区 田中（北区）");
    await other?.close();
  });

  it("moves an account to another ward and disables it, each after a confirmation, and refuses its login while disabled", async () => {
    const page = await newPage();
    await logIn(page, admin.login, admin.password);
    await page.getByRole("heading", { name: "アンケート" }).waitFor();
    await page.goto(`${server.url}/staff/users`);
    const asked: string[] = [];
    page.on("dialog", (confirm) => {
      asked.push(confirm.message());
      void confirm.accept();
    });

    await page.getByRole("button", { name: "kita.tanaka の権限・区を変更" }).click();
    const editor = page.getByRole("form", { name: "kita.tanaka" });
    await editor.getByLabel("区", { exact: true }).selectOption({ label: "中央区" });
    await expectAccessible(page);
    await editor.getByRole("button", { name: "変更を保存" }).click();
    await expect.poll(() => page.getByRole("row", { name: /kita\.tanaka/ }).innerText()).toContain("区職員 (中央区)");
    expect(asked.at(-1)).toContain("kita.tanaka の権限・区を変更しますか");

    await page.getByRole("button", { name: "kita.tanaka を無効にする" }).click();
    await page.getByRole("button", { name: "kita.tanaka を有効にする" }).waitFor();
    expect(asked.at(-1)).toContain("kita.tanaka を無効にしますか");
    expect(await page.getByRole("row", { name: /kita\.tanaka/ }).innerText()).toContain("無効");
    const refused = await fetch(`${server.url}/api/staff/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "kita.tanaka", password: "tanaka's reset password" }),
    });
    expect(refused.status).toBe(401);

    await page.getByRole("button", { name: "kita.tanaka を有効にする" }).click();
    await page.getByRole("button", { name: "kita.tanaka を無効にする" }).waitFor();
    // An administrator's own row offers neither: the last administrator cannot disable itself.
    expect(await page.getByRole("button", { name: "city.first を無効にする" }).count()).toBe(0);

    // A new account reads no free text or join requests until an administrator allows it, after a confirmation.
    const row = page.getByRole("row", { name: /kita\.tanaka/ });
    expect(await row.innerText()).toContain("自由記述・加入申込：閲覧不可");
    await page.getByRole("button", { name: "kita.tanaka に自由記述・加入申込の閲覧を許可" }).click();
    await page.getByRole("button", { name: "kita.tanaka の自由記述・加入申込の閲覧を取り消す" }).waitFor();
    expect(asked.at(-1)).toContain("個人情報");
    expect(await row.innerText()).toContain("自由記述・加入申込：閲覧可");
  });
});
