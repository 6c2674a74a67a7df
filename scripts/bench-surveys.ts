/**
 * The survey figures of `npm run bench`:
 *  - surveys.ingest_ratio_vs_bare: responses of 10 answers per second through the real server
 *    (validation, exactly-once checks, answers and running aggregates, SQLite synchronous=FULL with
 *    grouped commits), divided by what a bare Hono endpoint parsing the same body answers, both
 *    driven by 50 concurrent keep-alive clients on loopback, in three alternating rounds of 2 s each
 *    after a warm-up, in the same run.
 *  - surveys.aggregate_read_ms_at_1m: median time to read one survey's results with 1,000,000
 *    responses (each with its 10 answers) stored.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect } from "kysely";
import { openDatabase } from "../server/platform/db/database";
import type { DB } from "../server/platform/db/schema";
import { registry } from "../server/registry";
import { surveyResults } from "../server/surveys/results";
import { joinCounts, Tally } from "../server/surveys/tally";
import { uuidv7 } from "../shared/ids";
import { countsOf } from "../shared/surveys/aggregates";
import type { Profile } from "../shared/surveys/model";
import { listeningPort } from "../tests/helpers/server-process";
import { answersFor, benchSurvey, insertSurvey, profileFor } from "./bench-survey-fixture";

const root = path.resolve(import.meta.dirname, "..");
const print = (name: string, value: number, unit: string) => console.log(`${name}: ${Number(value.toFixed(3))} ${unit}`);

/** 50 keep-alive clients POSTing for `seconds`; each body gets a fresh response id. Returns completed per second. */
async function drive(
  port: number,
  pathname: string,
  body: (n: number) => string,
  seconds: number,
): Promise<{ perSecond: number; failures: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  let completed = 0;
  let failures = 0;
  let n = 0;
  const until = performance.now() + seconds * 1000;
  const post = (payload: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          path: pathname,
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (performance.now() < until) {
        const status = await post(body(n++));
        if (status === 201) completed += 1;
        else failures += 1;
      }
    }),
  );
  agent.destroy();
  return { perSecond: completed / ((performance.now() - started) / 1000), failures };
}

export async function ingestRatio(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "machikoe-bench-ingest-"));
  const { surveyId, areaIds } = await insertSurvey(path.join(dataDir, "machikoe.db"));
  const bodies = (n: number) =>
    JSON.stringify({ id: uuidv7(), answers: answersFor(n), profile: profileFor(n, areaIds), deviceId: randomUUID() });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    SERVE_CLIENT: "false",
    DEMO_DATA: "false",
    RESPONSE_RATE_LIMIT_PER_MIN: "0",
    POLL_ANSWERS_PER_ADDRESS: "0",
  };
  delete env.DATABASE_URL;
  // BENCH_SERVER_FLAGS (e.g. "--cpu-prof") are passed to the server's node, for profiling.
  const flags = (process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...flags, path.join(root, "dist/server/main.js")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const bare = spawn(process.execPath, [path.join(root, "scripts/bare-server.mjs")], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const [serverPort, barePort] = await Promise.all([listeningPort(server), listeningPort(bare)]);
    // Per-request log lines are part of the real server's cost, as in production; they are read and dropped.
    server.stdout?.resume();
    await drive(barePort, "/r", bodies, 1);
    await drive(serverPort, `/api/surveys/${surveyId}/responses`, bodies, 1);
    // Three rounds, alternating, so a change in the machine's speed during the run touches both alike.
    const bareRounds: { perSecond: number; failures: number }[] = [];
    const ourRounds: { perSecond: number; failures: number }[] = [];
    for (let round = 0; round < 3; round++) {
      bareRounds.push(await drive(barePort, "/r", bodies, 2));
      ourRounds.push(await drive(serverPort, `/api/surveys/${surveyId}/responses`, bodies, 2));
    }
    const mean = (rounds: { perSecond: number }[]) => rounds.reduce((sum, r) => sum + r.perSecond, 0) / rounds.length;
    const bareRate = { perSecond: mean(bareRounds) };
    const ours = { perSecond: mean(ourRounds), failures: ourRounds.reduce((sum, r) => sum + r.failures, 0) };
    if (ours.failures > 0) throw new Error(`${ours.failures} responses were refused during the ingest run`);
    print("surveys.ingest_responses_per_s", ours.perSecond, "responses/s");
    print("surveys.bare_hono_per_s", bareRate.perSecond, "req/s");
    print("surveys.ingest_ratio_vs_bare", ours.perSecond / bareRate.perSecond, "x (target >= 0.3)");
  } finally {
    server.kill("SIGTERM");
    bare.kill("SIGTERM");
    await Promise.all([new Promise((r) => server.once("exit", r)), new Promise((r) => bare.once("exit", r))]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A database with one survey and 1,000,000 responses, written directly (the HTTP path would take
 * minutes): responses rows with their answers, and the aggregates those answers add up to, counted and
 * written by the server's own code (countsOf, then a Tally written to survey_aggregates). Answers
 * repeat in 1,000 patterns, so each pattern is added once, by the number of its responses.
 */
export async function aggregateRead(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "machikoe-bench-1m-"));
  const file = path.join(dataDir, "machikoe.db");
  try {
    const { surveyId, areaIds } = await insertSurvey(file);
    const patterns = 1000;
    const total = 1_000_000;
    const raw = new SQLite(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = OFF");
    const insertResponse = raw.prepare(
      "insert into responses (id, survey_id, receipt_code, mode, received_at, age_band, area_id, children_under6, years_in_ward, answers) values (?, ?, 'BNCH-0000', ?, ?, ?, ?, ?, ?, ?)",
    );
    const answerJson = Array.from({ length: patterns }, (_, p) => JSON.stringify(answersFor(p)));
    const profiles = Array.from({ length: patterns }, (_, p) => profileFor(p, areaIds));
    const receivedAt = new Date().toISOString();
    const chunk = raw.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const p = (i * 7919) % patterns;
        const id = uuidv7(1_700_000_000_000 + i);
        const profile = profiles[p] as Profile;
        insertResponse.run(
          id,
          surveyId,
          i % 4 === 0 ? "paper" : "online",
          receivedAt,
          profile.ageBand,
          profile.area,
          profile.childrenUnder6,
          profile.yearsInWard,
          answerJson[p] as string,
        );
      }
    });
    for (let from = 0; from < total; from += 50_000) chunk(from, Math.min(total, from + 50_000));

    const counts = new Map<string, number>();
    // Count exactly as inserted: one pass over the pattern sequence again (cheap: no I/O).
    for (let i = 0; i < total; i++) {
      const p = (i * 7919) % patterns;
      const mode = i % 4 === 0 ? "paper" : "online";
      const key = `${p}|${mode}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const tally = new Tally();
    for (const [key, n] of counts) {
      const [p, mode] = key.split("|") as [string, "online" | "paper"];
      tally.addResponse(surveyId, joinCounts(countsOf(benchSurvey, answersFor(Number(p)), profiles[Number(p)] as Profile, mode)), n);
    }
    const writer = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(file) }), plugins: [new CamelCasePlugin()] });
    await writer.transaction().execute((trx) => tally.writeTo(trx));
    await writer.destroy();
    raw.pragma("wal_checkpoint(TRUNCATE)");
    const stored = (raw.prepare("select count(*) as n from responses").get() as { n: number }).n;
    raw.close();

    const database = await openDatabase({ dialect: "sqlite", file }, registry);
    try {
      const timings: number[] = [];
      const byAge: number[] = [];
      for (let i = 0; i < 60; i++) {
        let started = performance.now();
        const results = await surveyResults(database, surveyId, { minCell: 10, publicOnly: false });
        timings.push(performance.now() - started);
        if (results.segments[0]?.responses !== stored) throw new Error(`results count ${results.segments[0]?.responses} != ${stored}`);
        started = performance.now();
        await surveyResults(database, surveyId, { minCell: 10, publicOnly: false, breakdown: "ageBand" });
        byAge.push(performance.now() - started);
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      print("surveys.responses_stored", stored, "responses");
      print("surveys.aggregate_read_ms_at_1m", median(timings.slice(10)), "ms (target <= 10)");
      print("surveys.aggregate_read_by_age_ms_at_1m", median(byAge.slice(10)), "ms");
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
