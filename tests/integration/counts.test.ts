/**
 * Survey counts on the embedded SQLite database are written a moment after the responses they come
 * from (db/group-commit.ts). These tests run the real server process and stop it the two ways a
 * process stops: cleanly (SIGTERM), when it writes its last counts and marks them exact, and
 * abruptly (SIGKILL), when the next start must work the counts out again from the responses.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { registry } from "../../server/registry";
import { surveyResults } from "../../server/surveys/results";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { insertWards, surveyRow } from "../helpers/rows";
import { listeningPort } from "../helpers/server-process";

const root = path.resolve(import.meta.dirname, "../..");
const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("公園の利用"),
  description: ja("説明"),
  profile: ["ageBand"],
  questions: [
    {
      id: "q1",
      type: "single",
      text: ja("よく使う公園"),
      required: true,
      themes: [],
      options: ["a", "b"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
  ],
};

let dir: string;
let file: string;
let surveyId: string;
let server: ChildProcess | null = null;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "machikoe-counts-"));
  file = path.join(dir, "machikoe.db");
  surveyId = randomUUID();
  const database = await openDatabase({ dialect: "sqlite", file }, registry);
  await insertWards(database, "27127");
  await insertInto(database, "surveys", [surveyRow(definition, { id: surveyId, resultsPublic: 1 })]);
  await database.close();
});

afterEach(() => {
  server?.kill("SIGKILL");
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server on the test's file and sends `count` responses: a for even ones, b for odd ones. */
async function serverWithResponses(count: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    SERVE_CLIENT: "false",
    DEMO_DATA: "false",
    LOG_LEVEL: "info",
    RESPONSE_RATE_LIMIT_PER_MIN: "0",
    POLL_ANSWERS_PER_ADDRESS: "0",
  };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const port = await listeningPort(server);
  server.stdout?.resume();
  const statuses = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/surveys/${surveyId}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: uuidv7(), answers: { q1: { option: i % 2 === 0 ? "a" : "b" } }, profile: {}, deviceId: randomUUID() }),
      });
      return response.status;
    }),
  );
  expect(statuses.filter((s) => s === 201)).toHaveLength(count);
  return server;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

/** What count_state says of the counts, read by a connection of its own. */
function countsMarkedClean(): boolean {
  const connection = new SQLite(file, { readonly: true });
  try {
    return (connection.prepare("select clean from count_state where name = 'survey_aggregates'").get() as { clean: number }).clean === 1;
  } finally {
    connection.close();
  }
}

async function countsOf(database: Database): Promise<{ responses: number | null; a: number | null; b: number | null }> {
  const results = await surveyResults(database, surveyId, { minCell: 0, publicOnly: false });
  const segment = results.segments[0];
  const option = (key: string) => segment?.questions[0]?.options.find((o) => o.key === key)?.count ?? null;
  return { responses: segment?.responses ?? null, a: option("a"), b: option("b") };
}

describe("survey counts on SQLite", () => {
  it("are written and marked exact when the server stops cleanly", async () => {
    const child = await serverWithResponses(30);
    expect(await stop(child, "SIGTERM")).toBe(0);

    expect(countsMarkedClean()).toBe(true);
    const connection = new SQLite(file, { readonly: true });
    const total = connection.prepare("select count from survey_aggregates where question_id = '_responses' and segment = 'all'").get() as {
      count: number;
    };
    connection.close();
    expect(total.count).toBe(30);
  });

  it("are worked out again from the responses after the server was killed", async () => {
    const child = await serverWithResponses(40);
    await stop(child, "SIGKILL");

    // Killed within a second of the last response: its counts were not all written, and the file says so.
    expect(countsMarkedClean()).toBe(false);
    const connection = new SQLite(file, { readonly: true });
    const before = connection.prepare("select count from survey_aggregates where question_id = '_responses' and segment = 'all'").get() as
      | { count: number }
      | undefined;
    connection.close();
    console.info(`counts written before the kill: ${before?.count ?? 0} of 40 responses`);
    const database = await openDatabase({ dialect: "sqlite", file }, registry);
    try {
      expect(await countsOf(database)).toEqual({ responses: 40, a: 20, b: 20 });
    } finally {
      await database.close();
    }
    expect(countsMarkedClean()).toBe(true);
  });
});
