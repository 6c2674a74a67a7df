import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../server/db/database";
import { uuidv7 } from "../shared/ids";
import { listeningPort } from "../tests/helpers/server-process";
import { benchSurvey } from "./bench-surveys";

async function variant(name: string, extraEnv: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "exp-"));
  const database = await openDatabase({ dialect: "sqlite", file: path.join(dataDir, "machikoe.db") });
  const surveyId = randomUUID();
  const now = new Date();
  await database.write(async (trx) => {
    await trx
      .insertInto("surveys")
      .values({
        id: surveyId,
        wardCode: null,
        kind: "poll",
        status: "open",
        opensAt: new Date(now.getTime() - 86400000).toISOString(),
        closesAt: new Date(now.getTime() + 86400000).toISOString(),
        resultsPublic: 1,
        version: 1,
        definition: JSON.stringify(benchSurvey),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .execute();
  });
  await database.close();
  const server = spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SERVE_CLIENT: "false",
      DEMO_DATA: "false",
      RESPONSE_RATE_LIMIT_PER_MIN: "0",
      LOG_LEVEL: "info",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await listeningPort(server);
  server.stdout?.resume();
  const answers = {
    q1: { option: "a" },
    q2: { option: "b" },
    q3: { option: "c" },
    q4: { option: "a" },
    q5: { option: "b" },
    q6: { option: "d" },
    q7: { options: ["health", "urban"] },
    q8: { value: 3 },
    q9: { value: 12 },
    q10: { text: "保育所" },
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  let done = 0;
  const until = Date.now() + 4000;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (Date.now() < until) {
        await new Promise<void>((res, rej) => {
          const body = JSON.stringify({ id: uuidv7(), answers, profile: { ageBand: "30s" } });
          const r = http.request(
            {
              host: "127.0.0.1",
              port,
              path: `/api/surveys/${surveyId}/responses`,
              method: "POST",
              agent,
              headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
            },
            (resp) => {
              resp.resume();
              resp.on("end", () => {
                done++;
                res();
              });
            },
          );
          r.on("error", rej);
          r.end(body);
        });
      }
    }),
  );
  console.log(name, "rps", done / 4);
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
}
await variant("default", {});
await variant("log warn", { LOG_LEVEL: "warn" });
