/**
 * `npm run bench`: the figures the README quotes, measured side by side in one run on this machine.
 * Prints one line per figure as `name: value unit`.
 *  - client.*: what a resident's first visit downloads (gzip), from the built app: first_load_* is what
 *    the first page loads (its scripts, CSS, HTML, one locale); offline_js is every script the service
 *    worker then keeps on the device in the background (itself included), so that every page opens offline.
 *  - db.*: durable writes per second on SQLite (synchronous=FULL) with grouped commits, beside the
 *    same writes with one commit each, by 20 concurrent writers.
 *  - api.*: the built server under 20 concurrent clients: durable writes (health probes) and reads.
 *  - surveys.* (bench-surveys.ts) and notices.* (bench-notices.ts): see those files.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { CamelCasePlugin, Kysely, SqliteDialect } from "kysely";
import { openDatabase } from "../server/platform/db/database";
import { migrateToLatest } from "../server/platform/db/migrate";
import type { DB } from "../server/platform/db/schema";
import { openSqliteConnection } from "../server/platform/db/sqlite-connection";
import { insertInto } from "../server/platform/db/write";
import { registry } from "../server/registry";
import { listeningPort } from "../tests/helpers/server-process";
import { insertWritePoll, sendOneWrite, withDatabase } from "../tests/helpers/write-stream";
import { noticesFanout } from "./bench-notices";
import { aggregateRead, ingestRatio } from "./bench-surveys";

const root = path.resolve(import.meta.dirname, "..");
const client = path.join(root, "dist/client");
const print = (name: string, value: number, unit: string) => console.log(`${name}: ${Number(value.toFixed(2))} ${unit}`);
const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

function clientSizes(): void {
  const sw = readFileSync(path.join(client, "sw.js"), "utf8");
  const html = readFileSync(path.join(client, "index.html"), "utf8");
  const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] as string);
  const js = precached.filter((url) => url.endsWith(".js"));
  const css = precached.filter((url) => url.endsWith(".css"));
  // The first page's scripts: the entry and the chunks it imports (index.html names them all), and the
  // service worker's registration (workbox-window), which the page loads itself.
  const firstPage = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  firstPage.push(...js.filter((url) => url.includes("workbox-window")));
  const jsKb = firstPage.reduce((sum, url) => sum + gzipKb(path.join(client, url)), 0);
  // What the first visit downloads in all once the page is up: the service worker and every script it keeps.
  const offlineKb = gzipKb(path.join(client, "sw.js")) + js.reduce((sum, url) => sum + gzipKb(path.join(client, url)), 0);
  const cssKb = css.reduce((sum, url) => sum + gzipKb(path.join(client, url)), 0);
  const htmlKb = gzipKb(path.join(client, "index.html"));
  // The residents' Japanese strings: the ja-*.json a precached script names (the console's own ja-*.json is named only by its chunk).
  const firstLoad = js.map((url) => readFileSync(path.join(client, url), "utf8")).join("\n");
  const ja = readdirSync(path.join(client, "assets")).find((f) => /^ja-[\w-]+\.json$/.test(f) && firstLoad.includes(f));
  const localeKb = ja ? gzipKb(path.join(client, "assets", ja)) : 0;
  print("client.first_load_js_gzip_kb", jsKb, "kB");
  print("client.first_load_css_gzip_kb", cssKb, "kB");
  print("client.locale_ja_gzip_kb", localeKb, "kB");
  print("client.first_load_total_gzip_kb", jsKb + cssKb + htmlKb + localeKb, "kB");
  print("client.first_load_js_budget_ratio", jsKb / 150, "x of 150 kB");
  print("client.offline_js_gzip_kb", offlineKb, "kB");
}

async function timed(writers: number, perWriter: number, write: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = 0; i < perWriter; i++) await write(next++);
    }),
  );
  return (writers * perWriter) / ((performance.now() - started) / 1000);
}

async function databaseWrites(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "machikoe-bench-"));
  try {
    const grouped = await openDatabase({ dialect: "sqlite", file: path.join(dir, "grouped.db") }, registry);
    const groupedRate = await timed(20, 100, (i) =>
      insertInto(grouped, "writeProbes", [{ id: `g${i}`, checkedAt: new Date().toISOString() }]),
    );
    await grouped.close();

    const single = new Kysely<DB>({
      dialect: new SqliteDialect({ database: openSqliteConnection(path.join(dir, "single.db")) }),
      plugins: [new CamelCasePlugin()],
    });
    await migrateToLatest(single as Kysely<unknown>);
    const singleRate = await timed(20, 25, (i) =>
      single.transaction().execute((trx) =>
        trx
          .insertInto("writeProbes")
          .values({ id: `s${i}`, checkedAt: new Date().toISOString() })
          .execute(),
      ),
    );
    await single.destroy();

    print("db.sqlite_grouped_writes_per_s", groupedRate, "writes/s");
    print("db.sqlite_commit_per_write_writes_per_s", singleRate, "writes/s");
    print("db.group_commit_speedup_ratio", groupedRate / singleRate, "x");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function api(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "machikoe-bench-api-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    RESPONSE_RATE_LIMIT_PER_MIN: "0",
    POLL_ANSWERS_PER_ADDRESS: "0",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  // LOG_LEVEL=warn hides the "listening" line the harness waits for, so ask for info and discard it.
  env.LOG_LEVEL = "info";
  const server = spawn(process.execPath, [path.join(root, "dist/server/main.js")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const port = await listeningPort(server);
  server.stdout?.resume();
  const base = `http://127.0.0.1:${port}`;
  try {
    const get = (pathname: string) => async () => {
      const response = await fetch(base + pathname);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${pathname} answered ${response.status}`);
    };
    const run = async (send: () => Promise<void>, seconds: number) => {
      const latencies: number[] = [];
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (performance.now() < until) {
            const t = performance.now();
            await send();
            latencies.push(performance.now() - t);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] as number;
      return { perSecond: latencies.length / seconds, p50: at(0.5), p95: at(0.95) };
    };
    await run(get("/api/wards"), 0.5); // warm up
    // Reads first: after a burst of answers, the server spends the next seconds writing their counts and checkpointing
    // the WAL, which is the writes' cost, not the reads'.
    const reads = await run(get("/api/wards"), 3);
    // A durable write: a resident's one-question answer, acknowledged only after its commit.
    const surveyId = await withDatabase(path.join(dataDir, "machikoe.db"), insertWritePoll);
    const writes = await run(async () => {
      if (!(await sendOneWrite(base, surveyId))) throw new Error("an answer was refused");
    }, 3);
    print("api.durable_writes_per_s_20_clients", writes.perSecond, "writes/s");
    print("api.durable_write_p95_ms", writes.p95, "ms");
    print("api.wards_reads_per_s_20_clients", reads.perSecond, "req/s");
    print("api.wards_read_p95_ms", reads.p95, "ms");
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    const rssKb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    print("server.rss_after_load_mb", rssKb / 1024, "MB");
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// `npm run bench -- ingest read` runs only the named sections; no names run them all.
const sections: Record<string, () => unknown> = {
  client: clientSizes,
  db: databaseWrites,
  api,
  ingest: ingestRatio,
  read: aggregateRead,
  notices: noticesFanout,
};
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in sections));
if (unknown.length > 0) throw new Error(`unknown bench section(s) ${unknown.join(", ")}; known: ${Object.keys(sections).join(", ")}`);
for (const [name, run] of Object.entries(sections)) if (chosen.length === 0 || chosen.includes(name)) await run();
