/**
 * A survey from start to finish in real browsers: a ward's staff member builds it in Japanese and
 * English and publishes it; letters go out; a resident answers on a phone; staff read the count,
 * the 95 % interval and a hidden small cell, type in one paper letter, and download the CSV, which
 * opens in Excel as it should (byte-order mark, small cells hidden, a formula in an answer made
 * harmless).
 */
import jsQR from "jsqr";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { logIn, serverAndBrowserForThisFile } from "./harness";

// Batches of 25 letters keep the printed view small; the minimum batch (100 by default) is tested in the integration suite.
const app = serverAndBrowserForThisFile({ LETTER_BATCH_MIN: "25" });
const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function staffPage(): Promise<Page> {
  const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${app.server.url}/staff`);
  await logIn(page);
  await page.getByRole("heading", { name: "アンケート" }).waitFor();
  return page;
}

/** Reads a QR code drawn as our SVG path of unit squares: rasterised at 8 px a module with a wide white margin, then decoded. */
function decodeQr(viewBox: string, path: string): string | null {
  const modules = Number(viewBox.split(" ")[3]);
  const [scale, margin] = [8, 4];
  const side = (modules + 2 * margin) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, mx, my] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const x = (Number(mx) + margin) * scale + dx;
        const y = (Number(my) + margin) * scale + dy;
        pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

/** Fills the Japanese and the English field of a text, within `scope`. */
async function fillPair(scope: Page | ReturnType<Page["locator"]>, label: string, ja: string, en: string, nth = 0) {
  await scope.getByLabel(`${label} (日本語)`, { exact: true }).nth(nth).fill(ja);
  await scope.getByLabel(`${label} (英語)`, { exact: true }).nth(nth).fill(en);
}

describe("a survey from the builder to the CSV", () => {
  it("is built in two languages, published, answered online and on paper, and exported safely", { timeout: 180_000 }, async () => {
    const staff = await staffPage();

    // Build: a sampled survey, one choice question with three options and a comment box.
    await staff.getByRole("link", { name: "新しいアンケートを作る" }).click();
    await staff.getByRole("heading", { name: "新しいアンケート" }).waitFor();
    await staff.getByLabel("種類").selectOption("sampled");
    await fillPair(staff, "タイトル", "公園の利用についての調査", "Survey on park use");
    await fillPair(staff, "説明", "区内の公園についてお聞きします。", "About the parks in the ward.");
    const q1 = staff.getByRole("group", { name: "質問1（q1）" });
    await fillPair(q1, "質問文", "公園をよく使いますか", "Do you use parks often?");
    await q1.getByLabel("回答を必須にする").check();
    await q1.getByRole("button", { name: "選択肢を追加" }).click();
    await fillPair(q1, "選択肢", "よく使う", "Often", 0);
    await fillPair(q1, "選択肢", "使わない", "Never", 1);
    await fillPair(q1, "選択肢", "わからない", "Not sure", 2);
    await staff.getByLabel("追加する質問の形式").selectOption("text");
    await staff.getByRole("button", { name: "質問を追加" }).click();
    await fillPair(staff.getByRole("group", { name: "質問2（q2）" }), "質問文", "ご意見をどうぞ", "Any comments?");
    // The preview shows the question as a resident sees it.
    await expect.poll(() => staff.locator(".phone").innerText()).toContain("公園をよく使いますか");
    await staff.getByRole("button", { name: "保存する" }).click();

    await staff.getByRole("button", { name: "公開する" }).click();
    await expect.poll(() => staff.locator(".survey-actions").innerText()).toContain("公開中");
    const surveyId = (staff.url().match(/surveys\/([0-9a-f-]{36})/) as RegExpMatchArray)[1] as string;

    // Letters: 25 codes, downloaded once as CSV, and shown as printable A4 letters with their QR codes.
    await staff.getByLabel("作る通数").fill("25");
    const [lettersDownload] = await Promise.all([
      staff.waitForEvent("download"),
      staff.getByRole("button", { name: "コードを作ってCSVをダウンロード" }).click(),
    ]);
    const lettersCsv = Buffer.concat((await (await lettersDownload.createReadStream()).toArray()) as Buffer[]).toString("utf8");
    await expect.poll(() => staff.locator(".letter").count()).toBe(25);
    expect(await staff.locator(".letter svg.qr").count()).toBe(25);
    // A batch's answers are shown only from RESULTS_MIN_CELL on, and then in tens: none yet reads "fewer than 10".
    await expect.poll(() => staff.locator(".letters").innerText()).toContain("25通のうち 回答10件未満");
    const letters = parseCsv(lettersCsv.replace(/^\uFEFF/, "")).slice(1) as [string, string, string][];
    expect(letters).toHaveLength(25);
    // Each letter's QR code reads back as that letter's own link, decoded as a phone's camera would (jsQR).
    for (const i of [0, 24]) {
      const letter = staff.locator(".letter").nth(i);
      const code = (await letter.locator(".letter-code").innerText()).trim();
      const qr = letter.locator("svg.qr");
      const decoded = decodeQr((await qr.getAttribute("viewBox")) ?? "", (await qr.locator("path").getAttribute("d")) ?? "");
      expect(decoded).toBe(letters.find((row) => row[1] === code)?.[2]);
    }

    // Twenty residents answered by other means earlier: 10 "often", 9 "never", 1 "not sure" with a formula as a comment.
    const answers = [...Array(10).fill("a"), ...Array(9).fill("b"), "o1"];
    for (const [i, option] of answers.entries()) {
      const comment = option === "o1" ? { q2: { text: '=HYPERLINK("http://evil.example","click")' } } : {};
      const response = await fetch(`${app.server.url}/api/surveys/${surveyId}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: uuidv7(), answers: { q1: { option }, ...comment }, profile: {}, invitationCode: letters[i + 2]?.[1] }),
      });
      expect(response.status).toBe(201);
    }

    // A resident opens the letter's link on a phone, in English, and answers.
    const residentContext = await app.browser.newContext({
      locale: "en-US",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(residentContext);
    const resident = await residentContext.newPage();
    await resident.goto(letters[0]?.[2] as string);
    await expect.poll(() => resident.locator("main").innerText()).toContain("Survey on park use");
    const next = () => resident.getByRole("button", { name: /Next|Review|Start/ }).click();
    for (let i = 0; i < 5 && (await resident.getByRole("radio", { name: "Often" }).count()) === 0; i++) await next();
    await resident.getByRole("radio", { name: "Often", exact: true }).check();
    for (let i = 0; i < 6 && (await resident.getByRole("button", { name: "Send" }).count()) === 0; i++) await next();
    await resident.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => resident.locator("main").innerText(), { timeout: 15_000 }).toMatch(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);

    // Staff read the results: 11 "often" with its interval; "not sure" (1) hidden, and "never" (9) too.
    await staff.reload();
    await staff.getByRole("columnheader", { name: "95%信頼区間" }).first().waitFor();
    const table = staff.getByRole("table").filter({ hasText: "公園をよく使いますか" });
    const often = table.getByRole("row", { name: /よく使う/ });
    await expect.poll(() => often.innerText()).toMatch(/11\s+52\.4%\s+\d+\.\d% – \d+\.\d%/);
    expect(await table.getByRole("row", { name: /わからない/ }).innerText()).toContain("10未満");

    // One paper letter, typed in: its code is used up.
    await staff.getByRole("link", { name: "紙の回答を入力" }).click();
    await staff.getByLabel("依頼状の招待コード").fill(letters[1]?.[1] as string);
    await staff.getByRole("radio", { name: "よく使う", exact: true }).check();
    await staff.getByRole("button", { name: "登録する" }).click();
    await staff.waitForTimeout(1500);
    console.info("PAPER:", (await staff.locator("main").innerText()).slice(0, 1500));
    await expect.poll(() => staff.getByRole("status").innerText()).toContain("登録しました");
    // The same letter again is refused.
    await staff.getByLabel("依頼状の招待コード").fill(letters[1]?.[1] as string);
    await staff.getByRole("radio", { name: "よく使う", exact: true }).check();
    await staff.getByRole("button", { name: "登録する" }).click();
    await expect.poll(() => staff.getByRole("alert").innerText()).toContain("招待コードはすでに使われています");

    // The CSV, downloaded as staff do.
    await staff.getByRole("link", { name: "結果へ戻る" }).click();
    const [download] = await Promise.all([staff.waitForEvent("download"), staff.getByRole("link", { name: "CSVをダウンロード" }).click()]);
    const bytes = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks as Buffer[]));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString("utf8"));
    const row = (key: string) => rows.find((r) => r[0] === "集計" && r[1] === "q1" && r[3] === key);
    // The published results: the paper letter waits for K more responses (and a day) before it shows.
    expect(row("a")?.[6]).toBe("11");
    expect(row("b")?.[6]).toBe("10未満");
    expect(row("o1")?.[6]).toBe("10未満");
    const comment = rows.find((r) => r[0] === "自由記述");
    expect(comment?.[11]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });
});
