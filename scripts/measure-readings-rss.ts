/**
 * `npx tsx scripts/measure-readings-rss.ts` (after `npm run build`): the built server's memory around the
 * readings made at start (the demo's local data gets its furigana and romaji: server/local/backfill-readings.ts,
 * which builds the Japanese analyser's dictionary). Starts dist/server/main.js as scripts/bench.ts does, on a
 * fresh data directory, and prints its RSS when it listens (the backfill is done by then), then 3, 10, 30 and
 * 70 s after, with the peak (VmHWM).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listeningPort } from "../tests/helpers/server-process";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "machikoe-readings-rss-"));
const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info" };
delete env.DATABASE_URL;
const started = performance.now();
const server = spawn(process.execPath, [path.join(root, "dist/server/main.js")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
const memory = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const mb = (field: string) => Math.round(Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0) / 1024);
  return `RSS ${mb("VmRSS")} MB (peak ${mb("VmHWM")} MB), threads ${status.match(/Threads:\s+(\d+)/)?.[1]}`;
};
try {
  await listeningPort(server);
  server.stdout?.resume();
  server.stderr?.resume();
  const listening = performance.now();
  console.log(`listening ${((listening - started) / 1000).toFixed(1)} s after the start: ${memory()}`);
  for (const seconds of [3, 10, 30, 70]) {
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000 - (performance.now() - listening)));
    console.log(`${seconds} s after: ${memory()}`);
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
