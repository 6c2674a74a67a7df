/**
 * Several instances on one PostgreSQL database: two server processes started together on an empty
 * database both come up (reference and demo data load once, under the start lock), both serve the 24
 * wards, a response id sent to both is stored once with one receipt, and one alone holds the notice lease.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { registry } from "../../server/registry";
import { randomSecret, uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { WardList } from "../../shared/wards/schemas";
import { postgresUrl } from "../helpers/database";
import { surveyRow } from "../helpers/rows";
import { listeningPort } from "../helpers/server-process";

const root = path.resolve(import.meta.dirname, "../..");
const skipReason = postgresUrl ? undefined : "TEST_DATABASE_URL is not set; .ci/run sets it after starting PostgreSQL";
if (skipReason) console.log(`instances.test.ts skipped: ${skipReason}`);

const definition: SurveyDefinition = {
  title: { ja: "二台の試験" },
  description: { ja: "説明" },
  questions: [
    {
      id: "q",
      type: "single",
      text: { ja: "一つ" },
      required: true,
      themes: [],
      options: [
        { id: "a", label: { ja: "あ" }, themes: [] },
        { id: "b", label: { ja: "い" }, themes: [] },
      ],
    },
  ],
  profile: [],
} as unknown as SurveyDefinition;

describe.skipIf(skipReason !== undefined)(
  `two instances on one PostgreSQL database${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    const schema = `instances_${randomBytes(6).toString("hex")}`;
    const servers: ChildProcess[] = [];
    afterAll(async () => {
      for (const server of servers) server.kill("SIGTERM");
      await Promise.all(servers.map((s) => new Promise((resolve) => (s.exitCode !== null ? resolve(null) : s.once("exit", resolve)))));
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });

    it("start together on an empty database, store a response once and hold one notice lease", async () => {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const url = new URL(postgresUrl as string);
      url.searchParams.set("options", `-c search_path=${schema}`);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        SERVE_CLIENT: "false",
        DEMO_DATA: "true",
        NOTICES: "true",
        LOG_LEVEL: "info",
        DATABASE_URL: url.toString(),
      };
      for (let i = 0; i < 2; i++)
        servers.push(spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] }));
      for (const s of servers) s.stdout?.on("data", (c: Buffer) => process.env.SHOW && process.stderr.write(c));
      const ports = await Promise.all(servers.map(listeningPort));

      for (const port of ports) {
        const { wards } = WardList.parse(await (await fetch(`http://127.0.0.1:${port}/api/wards`)).json());
        expect(wards).toHaveLength(24);
      }

      const database = await openDatabase(
        { dialect: "postgres", connectionString: postgresUrl as string, schema, maxConnections: 2 },
        registry,
      );
      try {
        const survey = surveyRow(definition);
        await insertInto(database, "surveys", [survey]);
        // With the secret the phone keeps with it, so every repeat may have the receipt.
        const body = JSON.stringify({
          id: uuidv7(),
          answers: { q: { option: "a" } },
          profile: {},
          deviceId: randomUUID(),
          secret: randomSecret(),
        });
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            fetch(`http://127.0.0.1:${ports[i % 2]}/api/surveys/${survey.id}/responses`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body,
            }),
          ),
        );
        const receipts = await Promise.all(answers.map(async (r) => ({ status: r.status, body: await r.text() })));
        // One stores it (201), the other 19 get the first receipt back as a repeat (200), on either instance.
        expect(receipts.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
        const firstReceipt = (body: string) => {
          const { duplicate: _, ...receipt } = JSON.parse(body) as { duplicate: boolean };
          return JSON.stringify(receipt);
        };
        expect(new Set(receipts.map((r) => firstReceipt(r.body))).size).toBe(1);
        const stored = await database.db.selectFrom("responses").select("id").where("surveyId", "=", survey.id).execute();
        expect(stored).toHaveLength(1);

        // The sender takes its lease shortly after start: wait for it, then both instances' claims are one row.
        let leases: { name: string; holder: string }[] = [];
        for (let i = 0; i < 100 && leases.length === 0; i++) {
          leases = await database.db.selectFrom("leases").select(["name", "holder"]).execute();
          if (leases.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(leases).toHaveLength(1);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(await database.db.selectFrom("leases").select(["name", "holder"]).execute()).toEqual(leases);
      } finally {
        await database.close();
      }
    }, 120_000);
  },
);
