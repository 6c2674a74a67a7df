/**
 * Graceful shutdown under load: SIGTERM arrives while residents' writes are streaming in. Every
 * write the server acknowledged (a resident's answer, 201 after its commit) must be in the database afterwards, and
 * the process must exit cleanly. Runs the real server process, on each dialect under test.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dialects, suiteTitle } from "../helpers/database";
import { listeningPort } from "../helpers/server-process";
import { insertWritePoll, sendOneWrite } from "../helpers/write-stream";

const root = path.resolve(import.meta.dirname, "../..");

describe.each(dialects)("graceful shutdown", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    it("loses no acknowledged write when SIGTERM arrives during a stream of writes", async () => {
      // The server process opens the same database; the test's own connection checks it afterwards.
      const { database, serverEnv, cleanup } = await dialect.open();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        SERVE_CLIENT: "false",
        DEMO_DATA: "false",
        RESPONSE_RATE_LIMIT_PER_MIN: "0",
        POLL_ANSWERS_PER_ADDRESS: "0",
        LOG_LEVEL: "info",
      };
      delete env.DATABASE_URL;
      Object.assign(env, serverEnv);

      const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
      const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
      const port = await listeningPort(server);
      const surveyId = await insertWritePoll(database);

      const acknowledged: string[] = [];
      let acknowledgedAfterSignal = 0;
      let signalled = false;
      const writer = async () => {
        for (;;) {
          try {
            const id = await sendOneWrite(`http://127.0.0.1:${port}`, surveyId);
            if (!id) continue;
            acknowledged.push(id);
            if (signalled) acknowledgedAfterSignal += 1;
          } catch {
            return; // refused or reset: the server has stopped taking requests
          }
        }
      };
      const writers = Array.from({ length: 16 }, writer);
      while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 5));
      signalled = true;
      server.kill("SIGTERM");
      await Promise.all(writers);
      expect(await exited).toBe(0);

      const stored = new Set((await database.db.selectFrom("responses").select("receiptCode").execute()).map((row) => row.receiptCode));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);
      console.info(
        `${dialect.name}: ${acknowledged.length} writes acknowledged, ${acknowledgedAfterSignal} of them after SIGTERM; none lost`,
      );
      await cleanup();
    });
  });
});
