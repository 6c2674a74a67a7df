/**
 * `npx tsx scripts/measure-imports.ts` (after `npm run build`): what a 5 MB CSV import costs the requests
 * that arrive while it runs, for the README's figures (issue 12, finding 7).
 *  - before: the import's check (decode, parse, every row validated) timed on one thread, as the server ran it
 *    on the thread serving HTTP: a request arriving meanwhile waited for all of it.
 *  - after: the built server (real HTTP, SQLite) takes the same file while GET /api/wards is asked every 20 ms;
 *    the slowest of those answers during the import is the stall now (the check runs on a worker thread).
 *  - the public GET /api/wards/:ward/local with the ward's 通いの場 at their limit: its size and time.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { readLocalCsv } from "../server/local/staff/csv";
import { wardLimits } from "../server/local/staff/limits";
import { csvText } from "../server/platform/http/csv-upload";
import { listeningPort } from "../tests/helpers/server-process";

const header = "全国地方公共団体コード,ID,名称,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,備考,確認日";
const notes = "椅子を使って体を動かします。".repeat(20);
const row = (ward: string, name: string, text = notes) =>
  `${ward},,${name},大阪市北区扇町2-1,34.706,135.513,火,14:00,15:00,いきいき百歳体操,${text},2026-10-01`;
/** 5,000 rows of about 1 kB, the last of another ward: every row is checked, and the file is refused whole. */
const file = new TextEncoder().encode(
  [header, ...Array.from({ length: 4999 }, (_, i) => row("27127", `扇町いきいき百歳体操${i}`)), row("27128", "中央区の体操")].join("\r\n"),
);
const ms = (from: number) => Math.round(performance.now() - from);

// Before: the check on the calling thread, three times (the first warms the JIT up).
const inline: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const { problems } = readLocalCsv("place", csvText(file), (ward) => ward === "27127");
  inline.push(ms(start));
  if (problems.length !== 1) throw new Error("the file should have one bad row");
}

// After: the built server.
const dataDir = mkdtempSync(path.join(tmpdir(), "machikoe-imports-"));
const child = spawn(process.execPath, ["dist/server/main.js"], {
  env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", DEMO_DATA: "true" },
  stdio: ["ignore", "pipe", "pipe"],
});
try {
  const url = `http://127.0.0.1:${await listeningPort(child)}`;
  const login = await fetch(`${url}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "kita.demo", password: "kita-demo-password" }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = {
    cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] as string,
    "x-csrf-token": csrfToken,
    "content-type": "text/csv",
  };
  const importFile = (body: Uint8Array) =>
    fetch(`${url}/api/staff/local/places/import`, { method: "POST", headers, body: new Blob([body.slice()]) });

  const stalls: { import: number; slowest: number; requests: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    let done = false;
    const importing = importFile(file).then(async (response) => {
      await response.arrayBuffer();
      done = true;
      return ms(start);
    });
    const latencies: number[] = [];
    while (!done) {
      const asked = performance.now();
      await (await fetch(`${url}/api/wards`)).arrayBuffer();
      latencies.push(ms(asked));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stalls.push({ import: await importing, slowest: Math.max(...latencies), requests: latencies.length });
  }

  // The public answer with 北区's 通いの場 at their limit.
  const local = async () => {
    const start = performance.now();
    const body = await (await fetch(`${url}/api/wards/27127/local`, { headers: { "accept-encoding": "identity" } })).arrayBuffer();
    return { ms: ms(start), bytes: body.byteLength, gzip: gzipSync(Buffer.from(body)).byteLength };
  };
  const existing = ((await (await fetch(`${url}/api/wards/27127/local`)).json()) as { places: unknown[] }).places.length;
  const room = wardLimits.place - existing;
  const filled = await importFile(
    new TextEncoder().encode(
      [header, ...Array.from({ length: room }, (_, i) => row("27127", `体操${i}`, notes.slice(0, 100)))].join("\r\n"),
    ),
  );
  if (filled.status !== 200) throw new Error(`filling the ward: ${filled.status} ${await filled.text()}`);
  const over = await importFile(new TextEncoder().encode(`${header}\r\n${row("27127", "もう一つ")}`));
  const answers = [await local(), await local(), await local()];

  console.log(`file: ${(file.byteLength / 1024 / 1024).toFixed(2)} MB, 5,000 rows`);
  console.log(`before: the check on the HTTP thread took ${inline.join(" / ")} ms: a request arriving meanwhile waited that long`);
  for (const s of stalls)
    console.log(`after: import answered in ${s.import} ms; ${s.requests} GET /api/wards meanwhile, the slowest ${s.slowest} ms`);
  console.log(
    `ward limit: ${wardLimits.place} places; one more is refused with ${over.status} (${((await over.json()) as { error: { code: string } }).error.code})`,
  );
  for (const a of answers)
    console.log(
      `GET /api/wards/27127/local at the limit: ${(a.bytes / 1024).toFixed(0)} kB (${(a.gzip / 1024).toFixed(0)} kB gzip) in ${a.ms} ms`,
    );
} finally {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
