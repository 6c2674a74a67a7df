/**
 * Issue 12's findings on the HTTP surface, as an attacker would try them, on each dialect:
 * - an unknown ward is a 404 on every staff route that names one (not a 500 from a foreign key);
 * - health checks write at most one probe a few seconds, however many arrive; liveness never writes;
 * - letters are built only from PUBLIC_URL, never from the Host header;
 * - control characters, bidirectional overrides and lone surrogates never reach what staff read;
 * - HSTS only over https, X-Frame-Options as the CSP says, 405 with Allow, 415 for a non-JSON body.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { ageBands, type SurveyDefinition } from "../../shared/surveys/model";
import { wardRecords } from "../../shared/wards/data";
import { testApp, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const unknownWard = "27199"; // well-formed, and no Osaka ward has it
// A population table that fits 北区 (tables far from the ward's population are refused as out of range).
const kitaPopulation = wardRecords.find((w) => w.code === "27127")?.population ?? 0;
const bands = Object.fromEntries(ageBands.map((band) => [band, Math.round(kitaPopulation / ageBands.length)]));

const survey: SurveyDefinition = {
  title: { ja: "区民意識調査" },
  description: { ja: "ご意見をお聞かせください" },
  profile: [],
  questions: [{ id: "q1", type: "text", text: { ja: "ご意見" }, required: false, themes: [], maxLength: 500, multiline: true }],
};

describe.each(dialects)("hardening", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
    });
    afterEach(() => testDb.cleanup());

    describe("an unknown ward", () => {
      it("is a 404 on every staff route that takes a ward in its query", async () => {
        const app = testApp(database);
        const { request, loginAs } = jsonClient(app);
        const admin = await loginAs("city.admin");
        const document = (await (await app.request("/api/openapi.json")).json()) as {
          paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
        };
        const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
          Object.entries(operations)
            .filter(
              ([method, op]) =>
                method === "get" && path.startsWith("/api/staff") && op.parameters?.some((p) => p.in === "query" && p.name === "ward"),
            )
            .map(([, op]) => ({ path, pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name) })),
        );
        const tried = routes.filter((route) => route.pathParams.every((name) => name === "kind"));
        expect(tried.length).toBeGreaterThanOrEqual(7); // local lists and exports, join requests, notices, population, policies, matching
        for (const route of tried) {
          const path = route.path.replace("{kind}", "places");
          const known = await request("GET", `${path}?ward=27127&survey=${uuidv7()}`, admin);
          expect(await known.text(), `${path} with a real ward`).not.toContain("wards.not_found");
          const answer = await request("GET", `${path}?ward=${unknownWard}&survey=${uuidv7()}`, admin);
          expect(answer.status, path).toBe(404);
          await expectErrorResponse(answer, "wards.not_found");
        }
      });

      it("is a 404 in a body, where it used to be a 500 (population) or a foreign-key failure", async () => {
        const { request, loginAs } = jsonClient(testApp(database));
        const admin = await loginAs("city.admin");
        const bodies: [string, string, (ward: string) => unknown][] = [
          ["PUT", "/api/staff/population", (ward) => ({ ward, bands })],
          ["POST", "/api/staff/policies", (ward) => ({ title: "防災", chapter: "3(1)", themes: ["disaster"], ward })],
          ["POST", "/api/staff/notices/audience", (ward) => ({ ward, audience: { kind: "all" } })],
        ];
        for (const [method, path, body] of bodies) {
          expect((await request(method, path, admin, body("27127"))).status, `${path} with a real ward`).toBeLessThan(300);
          await expectErrorResponse(await request(method, path, admin, body(unknownWard)), "wards.not_found");
        }
        // 20 at once change nothing: no row for the unknown ward, no 500.
        const answers = await Promise.all(
          Array.from({ length: 20 }, () => request("PUT", "/api/staff/population", admin, { ward: unknownWard, bands })),
        );
        expect(answers.map((r) => r.status)).toEqual(Array(20).fill(404));
        expect(await database.db.selectFrom("wardPopulation").selectAll().where("wardCode", "=", unknownWard).execute()).toEqual([]);
      });

      it("stays a 400 when the code is not a ward code at all", async () => {
        const { request, loginAs } = jsonClient(testApp(database));
        await expectErrorResponse(await request("GET", "/api/staff/population?ward=abc", await loginAs("city.admin")), "request.invalid");
      });
    });

    describe("health checks", () => {
      const probes = async () => (await database.db.selectFrom("writeProbes").select("id").execute()).length;

      it("write one probe for 20 checks at once and 30 after them: they share its answer", async () => {
        const app = testApp(database);
        const before = await probes();
        const burst = await Promise.all(Array.from({ length: 20 }, () => app.request("/api/health")));
        const then = [];
        for (let i = 0; i < 30; i++) then.push(await app.request("/api/health"));
        const bodies = (await Promise.all([...burst, ...then].map((r) => r.json()))) as {
          database: { probeId: string; writable: boolean };
        }[];
        expect([...burst, ...then].every((r) => r.status === 200)).toBe(true);
        expect(new Set(bodies.map((b) => b.database.probeId)).size).toBe(1);
        expect(await probes()).toBe(before + 1);
      });

      it("liveness never touches the database", async () => {
        const app = testApp(database);
        const before = await probes();
        const answers = await Promise.all(Array.from({ length: 20 }, () => app.request("/api/health/live")));
        expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
        expect(await answers[0]?.json()).toEqual({ status: "ok", version: "test" });
        expect(await probes()).toBe(before);
      });
    });

    describe("letters", () => {
      const insertSampled = async () => {
        const row = surveyRow(survey, { kind: "sampled" });
        await insertInto(database, "surveys", [row]);
        return row.id;
      };

      it("are refused without PUBLIC_URL, whatever the Host header says, and the console is told why", async () => {
        const id = await insertSampled();
        const { request, loginAs } = jsonClient(testApp(database));
        const kita = await loginAs("kita.staff");
        const made = await request("POST", `/api/staff/surveys/${id}/letters`, { ...kita, host: "evil.example" }, { count: 2 });
        await expectErrorResponse(made, "letters.public_url_missing");
        expect(await database.db.selectFrom("invitationCodes").select("codeHash").execute()).toEqual([]);
        const batches = (await (await request("GET", `/api/staff/surveys/${id}/letters`, kita)).json()) as { publicUrl: string | null };
        expect(batches.publicUrl).toBeNull();
      });

      it("come in batches of at least LETTER_BATCH_MIN, and a batch's answers show only in tens from RESULTS_MIN_CELL on", async () => {
        const id = await insertSampled();
        const app = testApp(database, { publicUrl: "https://machikoe.example.jp", surveys: { ...testSurveyRules, letterBatchMin: 100 } });
        const { request, loginAs } = jsonClient(app);
        const kita = await loginAs("kita.staff");
        // One letter per addressee would tell, from "used 0 → 1", who answered: refused, and no code stored.
        for (const count of [1, 99])
          await expectErrorResponse(await request("POST", `/api/staff/surveys/${id}/letters`, kita, { count }), "letters.batch_too_small");
        expect(await database.db.selectFrom("invitationCodes").select("codeHash").execute()).toEqual([]);
        const made = await request("POST", `/api/staff/surveys/${id}/letters`, kita, { count: 100 });
        expect(made.status).toBe(201);
        const codes = parseCsv((await made.text()).replace(/^\uFEFF/, ""))
          .slice(1)
          .map((row) => row[1] as string);
        const batch = async () =>
          (
            (await (await request("GET", `/api/staff/surveys/${id}/letters`, kita)).json()) as {
              batches: { used: number | null; rate: number | null }[];
            }
          ).batches[0];
        const answer = (code: string) =>
          request("POST", `/api/surveys/${id}/responses`, {}, { id: uuidv7(), answers: {}, profile: {}, invitationCode: code });
        for (const code of codes.slice(0, 9)) expect((await answer(code)).status).toBe(201);
        expect(await batch()).toMatchObject({ used: null, rate: null }); // 9: fewer than 10
        expect((await answer(codes[9] as string)).status).toBe(201);
        expect(await batch()).toMatchObject({ used: 10, rate: 0.1 });
        for (const code of codes.slice(10, 14)) expect((await answer(code)).status).toBe(201);
        expect(await batch()).toMatchObject({ used: 10 }); // 14: still "about 10", so the 11th to 14th answers do not show
      });

      it("lead to PUBLIC_URL, never to the Host a request names", async () => {
        const id = await insertSampled();
        const { request, loginAs } = jsonClient(testApp(database, { publicUrl: "https://machikoe.example.jp/" }));
        const kita = await loginAs("kita.staff");
        const made = await request("POST", `/api/staff/surveys/${id}/letters`, { ...kita, host: "evil.example" }, { count: 3 });
        expect(made.status).toBe(201);
        const csv = await made.text();
        expect(csv).not.toContain("evil.example");
        expect(csv.match(/https:\/\/machikoe\.example\.jp\/c\/[2-9A-HJ-NP-Z-]{19}"\r\n/g)).toHaveLength(3);
      });
    });

    describe("free text", () => {
      const hostile = "大阪\u0000 花子\u202Egnp.exe\u0007\uD800 \u2066隠\u2069\r\n二行目\uFEFF";
      const clean = "大阪 花子gnp.exe 隠\n二行目";

      it("reaches staff without control characters, bidirectional overrides or lone surrogates (a join request)", async () => {
        const { request, loginAs } = jsonClient(testApp(database, { bodyLimitBytes: 16 * 1024 }));
        const kita = await loginAs("kita.staff");
        const created = await request("POST", "/api/staff/local/associations", kita, {
          ward: "27127",
          area: "27127-01",
          name: `菅北\u202E東町会`,
          nameKana: "",
          chome: ["菅北1丁目"],
          activities: ["festival"],
          feeMinYen: 1200,
          feeMaxYen: 2400,
          howToJoin: "申込フォームから",
          notes: "",
        });
        expect(created.status).toBe(201);
        const associationId = ((await created.json()) as { id: string }).id;
        const sent = await request(
          "POST",
          `/api/associations/${associationId}/join-requests`,
          {},
          {
            id: uuidv7(),
            name: hostile,
            contact: "090\u0000-0000-0000",
            address: "北区菅北1丁目\u202E3-4",
            message: hostile,
            consent: true,
          },
        );
        expect(sent.status).toBe(201);
        const inbox = (await (await request("GET", "/api/staff/local/join-requests?ward=27127", kita)).json()) as {
          requests: { name: string; contact: string; address: string; message: string }[];
        };
        expect(inbox.requests[0]).toMatchObject({ name: clean, contact: "090-0000-0000", address: "北区菅北1丁目3-4", message: clean });
        const listed = (await (await request("GET", "/api/staff/local/associations?ward=27127", kita)).json()) as {
          items: { id: string; name: string }[];
        };
        expect(listed.items.find((item) => item.id === associationId)?.name).toBe("菅北東町会");
      });

      it("is stored clean in a resident's answer", async () => {
        const row = surveyRow(survey);
        await insertInto(database, "surveys", [row]);
        const { request } = jsonClient(testApp(database));
        const answer = await request(
          "POST",
          `/api/surveys/${row.id}/responses`,
          {},
          {
            id: uuidv7(),
            answers: { q1: { text: hostile } },
            profile: {},
            deviceId: crypto.randomUUID(),
          },
        );
        expect(answer.status).toBe(201);
        const stored = await database.db.selectFrom("responses").select("answers").executeTakeFirstOrThrow();
        expect(JSON.parse(stored.answers)).toEqual({ q1: { text: clean } });
      });
    });

    describe("HTTP", () => {
      it("sends HSTS only over https (directly or through a trusted proxy), and X-Frame-Options DENY as the CSP's frame-ancestors 'none'", async () => {
        const plain = await testApp(database).request("/api/wards");
        expect(plain.headers.get("strict-transport-security")).toBeNull();
        expect(plain.headers.get("x-frame-options")).toBe("DENY");
        expect(plain.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
        // A client's own X-Forwarded-Proto is not believed without a trusted proxy.
        const forged = await testApp(database).request("/api/wards", { headers: { "x-forwarded-proto": "https" } });
        expect(forged.headers.get("strict-transport-security")).toBeNull();
        const proxied = await testApp(database, { trustProxy: 1 }).request("/api/wards", { headers: { "x-forwarded-proto": "https" } });
        expect(proxied.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
        const direct = await testApp(database).request("https://machikoe.example.jp/api/wards");
        expect(direct.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      });

      it("answers 405 with Allow for a known path and an unknown method, and 404 for an unknown path", async () => {
        const app = testApp(database);
        const wards = await app.request("/api/wards", { method: "DELETE" });
        await expectErrorResponse(wards, "route.method_not_allowed");
        expect(wards.headers.get("allow")).toBe("GET, HEAD");
        // Staff paths answer 401 first without a session (nothing about them is told), then 405.
        const { request, loginAs } = jsonClient(app);
        const login = await request("GET", "/api/staff/login", await loginAs("city.admin"));
        await expectErrorResponse(login, "route.method_not_allowed");
        expect(login.headers.get("allow")).toBe("POST");
        const responses = await app.request(`/api/surveys/${uuidv7()}/responses`, { method: "PUT" });
        expect(responses.status).toBe(405);
        expect(responses.headers.get("allow")).toContain("POST");
        await expectErrorResponse(await app.request("/api/no-such-thing", { method: "DELETE" }), "route.not_found");
      });

      it("answers 415 for a body that does not say it is JSON, and stores nothing", async () => {
        const row = surveyRow(survey);
        await insertInto(database, "surveys", [row]);
        const { request } = jsonClient(testApp(database));
        const body = JSON.stringify({ id: uuidv7(), answers: { q1: { text: "x" } }, profile: {}, deviceId: crypto.randomUUID() });
        for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
          const answer = await request("POST", `/api/surveys/${row.id}/responses`, {}, body, type);
          await expectErrorResponse(answer, "request.unsupported_media_type");
        }
        await expectErrorResponse(
          await request("POST", "/api/staff/login", {}, JSON.stringify({ login: "city.admin", password: "x" }), "text/plain"),
          "request.unsupported_media_type",
        );
        expect(await database.db.selectFrom("responses").select("id").execute()).toEqual([]);
      });
    });
  });
});
