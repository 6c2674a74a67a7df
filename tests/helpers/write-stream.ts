/**
 * A stream of residents' writes for the operations tests (backup, graceful shutdown): answers to a
 * one-question poll, each with a new response id, acknowledged by the server only after the commit.
 * (The health check no longer writes on every call, so it cannot be the stream.)
 */
import { randomUUID } from "node:crypto";
import { type Database, openDatabase } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { registry } from "../../server/registry";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { surveyRow } from "./rows";

const poll: SurveyDefinition = {
  title: { ja: "書き込みの流れ" },
  description: { ja: "運用テスト用" },
  profile: [],
  questions: [
    {
      id: "q1",
      type: "single",
      text: { ja: "どちら" },
      required: true,
      themes: [],
      options: ["a", "b"].map((id) => ({ id, label: { ja: id }, themes: [] })),
    },
  ],
};

/** Stores an open city-wide poll (run the server with RESPONSE_RATE_LIMIT_PER_MIN=0 and POLL_ANSWERS_PER_ADDRESS=0); answers its id. */
export async function insertWritePoll(database: Database): Promise<string> {
  const row = surveyRow(poll, { wardCode: null });
  await insertInto(database, "surveys", [row]);
  return row.id;
}

/**
 * Sends one answer; its receipt code when the server acknowledged it (201 after the commit), else null.
 * (The server stores its own id for a response, so the receipt code is what finds it again.)
 */
export async function sendOneWrite(base: string, surveyId: string): Promise<string | null> {
  const response = await fetch(`${base}/api/surveys/${surveyId}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: uuidv7(), answers: { q1: { option: "a" } }, profile: {}, deviceId: randomUUID() }),
  });
  if (response.status !== 201) {
    await response.arrayBuffer();
    return null;
  }
  return ((await response.json()) as { receiptCode: string }).receiptCode;
}

/** Runs `work` on a second connection to a running server's SQLite file, then closes it. */
export async function withDatabase<T>(file: string, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dialect: "sqlite", file }, registry);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
