/**
 * `npm run backup -- FILE` while the server runs and writes stream in: the copy opens, passes
 * PRAGMA integrity_check and holds every write acknowledged before the backup began. It refuses to
 * overwrite a file without --force, and on PostgreSQL points to pg_dump.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listeningPort } from "../helpers/server-process";
import { insertWritePoll, sendOneWrite, withDatabase } from "../helpers/write-stream";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

function backup(env: NodeJS.ProcessEnv, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "server/cli/backup.ts", ...args], { cwd: root, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("backup (SQLite)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "machikoe-backup-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dir,
    PORT: "0",
    HOST: "127.0.0.1",
    SERVE_CLIENT: "false",
    DEMO_DATA: "false",
    NOTICES: "false",
    RESPONSE_RATE_LIMIT_PER_MIN: "0",
    POLL_ANSWERS_PER_ADDRESS: "0",
    LOG_LEVEL: "info",
  };
  delete env.DATABASE_URL;

  it("copies the database during a stream of acknowledged writes, with every write acknowledged before it began", async () => {
    const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise((resolve) => server.once("exit", resolve));
    try {
      const port = await listeningPort(server);
      const surveyId = await withDatabase(path.join(dir, "machikoe.db"), insertWritePoll);
      const acknowledged: string[] = [];
      let stop = false;
      // 20 writers at once: each answer is acknowledged (201) only after its commit.
      const writer = async () => {
        while (!stop) {
          const id = await sendOneWrite(`http://127.0.0.1:${port}`, surveyId);
          if (id) acknowledged.push(id);
        }
      };
      const writers = Array.from({ length: 20 }, writer);
      while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 5));
      const before = [...acknowledged];
      const target = path.join(dir, "copy.db");
      const result = await backup(env, target);
      const duringOrAfter = acknowledged.length - before.length;
      stop = true;
      await Promise.all(writers);

      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^Backed up .*machikoe\.db to .*copy\.db: \d+ pages, \d+ bytes, in \d+ ms\.$/m);
      expect(duringOrAfter).toBeGreaterThan(0); // the writes went on while it copied
      const copy = new SQLite(target, { readonly: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        const stored = new Set(
          (copy.prepare("select receipt_code from responses").all() as { receipt_code: string }[]).map((row) => row.receipt_code),
        );
        expect(before.filter((id) => !stored.has(id))).toEqual([]);
        expect(copy.prepare("select count(*) as n from wards").get()).toEqual({ n: 24 });
      } finally {
        copy.close();
      }
    } finally {
      server.kill("SIGTERM");
      await exited;
    }
  }, 120_000);

  it("refuses to overwrite a file without --force, and overwrites it with --force", async () => {
    const target = path.join(dir, "existing.db");
    writeFileSync(target, "keep me");
    const refused = await backup(env, target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already exists; nothing written. Use --force");
    expect(readFileSync(target, "utf8")).toBe("keep me");

    const forced = await backup(env, target, "--force");
    expect(forced.code, forced.stderr).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect(existsSync(`${target}.partial`)).toBe(false);
  }, 60_000);

  it("points to pg_dump, with the command, when DATABASE_URL is set", async () => {
    const result = await backup({ ...env, DATABASE_URL: "postgres://machikoe:secret@db.example:5432/machikoe" }, path.join(dir, "pg.dump"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("pg_dump --format=custom");
    expect(result.stderr).toContain("db.example:5432/machikoe");
    expect(result.stderr).not.toContain("secret");
  });

  it("cleans up", () => rmSync(dir, { recursive: true, force: true }));
});
