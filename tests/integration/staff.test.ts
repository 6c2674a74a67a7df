/**
 * The staff API on each dialect: logins, sessions, CSRF, lockout, and the ward scope of every
 * staff endpoint.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { sessionOf } from "../../server/accounts/sessions";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { StaffSession } from "../../shared/accounts/schemas";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { StaffResults, StaffSurveyList } from "../../shared/surveys/staff/results";
import { testApp, testStaffRules, testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow as openSurvey } from "../helpers/rows";
import { insertStaff, jsonClient, staffPassword } from "../helpers/staff";

const password = staffPassword;

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: [],
  questions: [
    {
      id: "knows",
      type: "single",
      text: ja("地域活動協議会を知っていますか"),
      required: true,
      themes: [],
      options: ["yes", "no", "unsure"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
  ],
};

const surveyRow = (wardCode: string | null, kind: "poll" | "sampled") => openSurvey(definition, { wardCode, kind });

describe.each(dialects)("staff API", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;
    const kita = surveyRow("27127", "sampled");
    const chuo = surveyRow("27128", "poll");

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, { publicUrl: "http://machikoe.example.jp" }); // letters need the public address
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [kita, chuo]);
      // 14 answered "yes", 11 "no" and 3 "unsure" in Kita's sampled survey (paper, so no codes are needed).
      const { submitResponse } = await import("../../server/surveys/ingest");
      for (let i = 0; i < 28; i++) {
        await submitResponse(database, testSurveyRules, {
          surveyId: kita.id,
          response: { id: uuidv7(), answers: { knows: { option: i < 14 ? "yes" : i < 25 ? "no" : "unsure" } }, profile: {} },
          clientAddress: "test",
          mode: "paper",
        });
      }
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      Promise.resolve(
        app.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }),
      );

    /** Logs in and returns what a browser would then send: the cookie, and the CSRF token for changes. */
    const loginAs = (login: string) => jsonClient(app).login(login);

    const get = (path: string, headers: Record<string, string> = {}) => Promise.resolve(app.request(path, { headers }));

    describe("logging in", () => {
      it("sets an HttpOnly, SameSite=Strict session cookie and answers the session with its CSRF token", async () => {
        const response = await post("/api/staff/login", { login: "kita.staff", password });

        expect(response.status).toBe(200);
        const cookie = response.headers.get("set-cookie") ?? "";
        expect(cookie).toMatch(/^machikoe_staff=[\w-]{43};/);
        expect(cookie).toContain("HttpOnly");
        expect(cookie).toContain("SameSite=Strict");
        expect(cookie).toContain("Path=/");
        const session = StaffSession.parse(await response.json());
        expect(session.user).toMatchObject({ login: "kita.staff", role: "ward_staff", ward: "27127" });

        const again = await get("/api/staff/session", { cookie: cookie.split(";")[0] as string });
        expect(again.status).toBe(200);
        expect(StaffSession.parse(await again.json()).csrfToken).toBe(session.csrfToken);
      });

      it("marks the cookie Secure with the __Host- prefix over https", async () => {
        const secureApp = testApp(database, { publicUrl: "https://machikoe.example.jp" });
        const response = await secureApp.request("/api/staff/login", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ login: "kita.staff", password }),
        });
        const cookie = response.headers.get("set-cookie") ?? "";
        expect(cookie).toMatch(/^__Host-machikoe_staff=/);
        expect(cookie).toContain("Secure");
      });

      it("answers the same refusal for a wrong password and an unknown login", async () => {
        await expectErrorResponse(
          await post("/api/staff/login", { login: "kita.staff", password: "wrong password!" }),
          "staff.login_failed",
        );
        await expectErrorResponse(await post("/api/staff/login", { login: "nobody.here", password }), "staff.login_failed");
      });

      it("locks an account after five failed logins in a row, even against the right password", async () => {
        for (let i = 0; i < 4; i++) {
          await expectErrorResponse(await post("/api/staff/login", { login: "kita.staff", password: `wrong ${i}` }), "staff.login_failed");
        }
        const fifth = await expectErrorResponse(
          await post("/api/staff/login", { login: "kita.staff", password: "wrong 5" }),
          "staff.locked",
        );
        expect(fifth.error.details).toEqual({ retryAfterSeconds: testStaffRules.lockoutMinutes * 60 });

        await expectErrorResponse(await post("/api/staff/login", { login: "kita.staff", password }), "staff.locked");
        // Another account is not affected.
        expect((await post("/api/staff/login", { login: "chuo.staff", password })).status).toBe(200);
      });

      it("limits login attempts per network address", async () => {
        vi.useFakeTimers({ toFake: ["Date"], now: Date.now() }); // one minute's window, however slow the machine
        onTestFinished(() => {
          vi.useRealTimers();
        });
        app = testApp(database, { staff: { ...testStaffRules, loginRateLimitPerMinute: 3 } });
        for (let i = 0; i < 3; i++) expect((await post("/api/staff/login", { login: "nobody.here", password })).status).toBe(401);
        await expectErrorResponse(await post("/api/staff/login", { login: "kita.staff", password }), "rate.limited");
      });

      it("refuses a login posted from another site's page", async () => {
        await expectErrorResponse(
          await post("/api/staff/login", { login: "kita.staff", password }, { origin: "https://evil.example" }),
          "staff.csrf",
        );
      });
    });

    describe("every staff endpoint", () => {
      const endpoints = () =>
        [
          ["GET", "/api/staff/session"],
          ["GET", "/api/staff/users"],
          ["GET", "/api/staff/surveys"],
          ["GET", `/api/staff/surveys/${kita.id}/results`],
          ["GET", "/api/staff/audit"],
          ["POST", "/api/staff/logout"],
          ["POST", `/api/staff/users/${randomUUID()}/end-sessions`],
          ...surveyEndpoints(kita.id),
          ["POST", "/api/staff/surveys"],
          ["GET", "/api/staff/population"],
          ["PUT", "/api/staff/population"],
          ["GET", "/api/staff/policies"],
          ["POST", "/api/staff/policies"],
          ["PUT", `/api/staff/policies/${randomUUID()}`],
          ["DELETE", `/api/staff/policies/${randomUUID()}`],
          ["GET", "/api/staff/matching"],
          ["GET", "/api/staff/matching.csv"],
          ["GET", "/api/staff/matching/wards"],
          ["GET", "/api/staff/matching/wards.csv"],
          ["GET", "/api/staff/indicators"],
          ["POST", "/api/staff/indicators"],
          ["PUT", `/api/staff/indicators/${randomUUID()}`],
          ["DELETE", `/api/staff/indicators/${randomUUID()}`],
          ["PUT", `/api/staff/indicators/${randomUUID()}/years`],
          ["DELETE", `/api/staff/indicators/${randomUUID()}/years/27127/2026`],
          ["GET", "/api/staff/local/places/export.csv"],
          ["POST", "/api/staff/local/places/import"],
          ["GET", "/api/staff/local/join-requests"],
          ["PUT", `/api/staff/local/join-requests/${uuidv7()}`],
          ...(["places", "associations", "councils", "meetings"] as const).flatMap(
            (kind) =>
              [
                ["GET", `/api/staff/local/${kind}`],
                ["POST", `/api/staff/local/${kind}`],
                ["PUT", `/api/staff/local/${kind}/${randomUUID()}`],
                ["DELETE", `/api/staff/local/${kind}/${randomUUID()}`],
              ] as const,
          ),
        ] as const;
      /** Every endpoint about one survey. */
      const surveyEndpoints = (id: string) =>
        [
          ["GET", `/api/staff/surveys/${id}`],
          ["PUT", `/api/staff/surveys/${id}`],
          ["POST", `/api/staff/surveys/${id}/publish`],
          ["POST", `/api/staff/surveys/${id}/close`],
          ["POST", `/api/staff/surveys/${id}/duplicate`],
          ["POST", `/api/staff/surveys/${id}/paper`],
          ["GET", `/api/staff/surveys/${id}/paper`],
          ["PUT", `/api/staff/surveys/${id}/paper/${uuidv7()}`],
          ["GET", `/api/staff/surveys/${id}/export.csv`],
          ["GET", `/api/staff/surveys/${id}/export.json`],
          ["POST", `/api/staff/surveys/${id}/letters`],
          ["GET", `/api/staff/surveys/${id}/letters`],
          ["GET", `/api/staff/surveys/${id}/results`],
          ["GET", `/api/staff/surveys/${id}/comments`],
          ["PUT", `/api/staff/surveys/${id}/comments/${uuidv7()}/q1/themes`],
        ] as const;

      it("answers 403 or 404 to every survey endpoint for another ward's survey, and changes nothing", async () => {
        const { headers } = await loginAs("kita.staff");
        const bodies: Record<string, unknown> = {
          [`PUT /api/staff/surveys/${chuo.id}`]: {
            ward: "27128",
            kind: "poll",
            resultsPublic: true,
            opensAt: chuo.opensAt,
            closesAt: chuo.closesAt,
            definition,
            version: 1,
          },
          [`POST /api/staff/surveys/${chuo.id}/paper`]: { id: uuidv7(), answers: { knows: { option: "yes" } }, profile: {} },
          [`POST /api/staff/surveys/${chuo.id}/letters`]: { count: 1 },
        };
        for (const [method, path] of surveyEndpoints(chuo.id)) {
          const key = `${method} ${path}`;
          const body =
            bodies[key] ??
            (path.includes("/paper/") ? { answers: {}, profile: {} } : path.endsWith("/themes") ? { themes: [] } : undefined);
          const response = await app.request(path, {
            method,
            headers: { ...headers, "content-type": "application/json" },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          expect([403, 404], key).toContain(response.status);
        }
        const stored = await database.db
          .selectFrom("surveys")
          .select(["status", "version"])
          .where("id", "=", chuo.id)
          .executeTakeFirstOrThrow();
        expect(stored).toEqual({ status: "open", version: 1 });
        expect(await database.db.selectFrom("invitationCodes").select("codeHash").where("surveyId", "=", chuo.id).execute()).toEqual([]);
      });

      it("answers 401 without a session, and with a forged cookie", async () => {
        for (const [method, path] of endpoints()) {
          await expectErrorResponse(await app.request(path, { method }), "staff.unauthenticated");
          await expectErrorResponse(
            await app.request(path, { method, headers: { cookie: "machikoe_staff=forged" } }),
            "staff.unauthenticated",
          );
        }
      });

      it("answers 403 to every change (POST, PUT, DELETE) without the session's CSRF token, or from another site", async () => {
        const { cookie, session } = await loginAs("city.admin");
        for (const [method, path] of endpoints().filter(([m]) => m !== "GET")) {
          await expectErrorResponse(await app.request(path, { method, headers: { cookie } }), "staff.csrf");
          await expectErrorResponse(await app.request(path, { method, headers: { cookie, "x-csrf-token": "x".repeat(43) } }), "staff.csrf");
          await expectErrorResponse(
            await app.request(path, { method, headers: { cookie, "x-csrf-token": session.csrfToken, origin: "https://evil.example" } }),
            "staff.csrf",
          );
        }
        // The session survived the refused attempts.
        expect((await get("/api/staff/session", { cookie })).status).toBe(200);
      });
    });

    describe("ward scope", () => {
      it("lists only the staff member's ward's surveys; an administrator sees every ward's", async () => {
        const ward = await loginAs("kita.staff");
        const own = StaffSurveyList.parse(await (await get("/api/staff/surveys", ward.headers)).json());
        expect(own.surveys.map((s) => s.id)).toEqual([kita.id]);
        // Received so far: rounded to tens. Published: only once a snapshot is made (the first read of its results).
        expect(own.surveys[0]).toMatchObject({ received: 30, responses: null, publishedAt: null });
        expect((await get(`/api/staff/surveys/${kita.id}/results`, ward.headers)).status).toBe(200);
        const published = StaffSurveyList.parse(await (await get("/api/staff/surveys", ward.headers)).json());
        expect(published.surveys[0]).toMatchObject({ received: 30, responses: 28 });

        const admin = await loginAs("city.admin");
        const all = StaffSurveyList.parse(await (await get("/api/staff/surveys", admin.headers)).json());
        expect(all.surveys.map((s) => s.id).sort()).toEqual([kita.id, chuo.id].sort());
      });

      it("answers 404 for another ward's survey, as for one that does not exist", async () => {
        const ward = await loginAs("kita.staff");
        await expectErrorResponse(await get(`/api/staff/surveys/${chuo.id}/results`, ward.headers), "surveys.not_found");
        await expectErrorResponse(await get(`/api/staff/surveys/${randomUUID()}/results`, ward.headers), "surveys.not_found");
      });

      it("lists only the ward's own staff accounts to ward staff", async () => {
        const ward = await loginAs("kita.staff");
        const body = (await (await get("/api/staff/users", ward.headers)).json()) as { users: { login: string }[] };
        expect(body.users.map((u) => u.login)).toEqual(["kita.staff"]);
      });
    });

    describe("results", () => {
      it("gives shares with 95 % Wilson intervals for a sampled survey and hides counts under 10", async () => {
        const ward = await loginAs("kita.staff");
        const results = StaffResults.parse(await (await get(`/api/staff/surveys/${kita.id}/results`, ward.headers)).json());

        const options = results.segments[0]?.questions[0]?.options ?? [];
        const option = (key: string) => options.find((o) => o.key === key);
        expect(option("yes")?.count).toBe(14);
        expect(option("yes")?.share).toBeCloseTo(0.5, 6);
        // Wilson 95 % for 14 of 28: [0.3263, 0.6737].
        expect(option("yes")?.interval?.[0]).toBeCloseTo(0.3263, 3);
        expect(option("yes")?.interval?.[1]).toBeCloseTo(0.6737, 3);
        // "unsure" (3) is under 10; "no", the next smallest, is hidden too, or it would give "unsure" away.
        expect(option("unsure")).toMatchObject({ count: null, share: null, interval: null });
        expect(option("no")).toMatchObject({ count: null, share: null, interval: null });
      });
    });

    describe("the survey builder", () => {
      const input = (ward: string | null) => ({
        ward,
        kind: "sampled" as const,
        resultsPublic: false,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        definition,
      });
      const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
        Promise.resolve(
          app.request(path, {
            method,
            headers: { "content-type": "application/json", ...headers },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
        );

      it("creates a draft in the staff member's ward, publishes it, takes wording edits only once open, and closes it — all logged", async () => {
        const { headers } = await loginAs("kita.staff");
        await expectErrorResponse(await send("POST", "/api/staff/surveys", headers, input("27128")), "staff.forbidden");
        await expectErrorResponse(await send("POST", "/api/staff/surveys", headers, input(null)), "staff.forbidden");
        const created = await send("POST", "/api/staff/surveys", headers, input("27127"));
        expect(created.status).toBe(201);
        const { id } = (await created.json()) as { id: string };

        // Residents do not see a draft.
        expect((await app.request(`/api/surveys/${id}`)).status).toBe(404);
        expect((await send("POST", `/api/staff/surveys/${id}/publish`, headers)).status).toBe(200);
        expect((await app.request(`/api/surveys/${id}`)).status).toBe(200);
        await expectErrorResponse(await send("POST", `/api/staff/surveys/${id}/publish`, headers), "surveys.not_draft");

        const reworded = structuredClone(definition);
        reworded.title = { ja: "区民意識調査 2026", en: "Residents' survey 2026" };
        (reworded.questions[0] as { text: Record<string, string> }).text = {
          ja: "地活協を知っていますか（改）",
          en: "Do you know the council? (reworded)",
        };
        const edited = await send("PUT", `/api/staff/surveys/${id}`, headers, {
          ...input("27127"),
          definition: reworded,
          version: 1,
          opensAt: undefined,
        });
        expect(edited.status).toBe(400);
        const current = (await (await get(`/api/staff/surveys/${id}`, headers)).json()) as {
          opensAt: string;
          version: number;
          missingTranslations: string[];
        };
        expect(current.missingTranslations).toContain("en");
        const ok = await send("PUT", `/api/staff/surveys/${id}`, headers, {
          ...input("27127"),
          opensAt: current.opensAt,
          definition: reworded,
          version: 1,
        });
        expect(await ok.json()).toEqual({ version: 2 });
        // An edit from the old version is refused, not silently applied over the new one.
        await expectErrorResponse(
          await send("PUT", `/api/staff/surveys/${id}`, headers, {
            ...input("27127"),
            opensAt: current.opensAt,
            definition: reworded,
            version: 1,
          }),
          "surveys.edit_conflict",
        );
        const fewerOptions = structuredClone(reworded);
        const knows = fewerOptions.questions[0] as { options: unknown[] };
        knows.options = knows.options.slice(0, 2);
        const unsafe = await expectErrorResponse(
          await send("PUT", `/api/staff/surveys/${id}`, headers, {
            ...input("27127"),
            opensAt: current.opensAt,
            definition: fewerOptions,
            version: 2,
          }),
          "surveys.unsafe_edit",
        );
        expect(unsafe.error.details).toMatchObject({ reasons: ["knows: options"] });

        expect((await send("POST", `/api/staff/surveys/${id}/close`, headers)).status).toBe(200);
        const copy = (await (await send("POST", `/api/staff/surveys/${id}/duplicate`, headers)).json()) as { id: string };
        const duplicate = (await (await get(`/api/staff/surveys/${copy.id}`, headers)).json()) as {
          status: string;
          definition: { title: { ja: string } };
        };
        expect(duplicate).toMatchObject({ status: "draft", definition: { title: { ja: "区民意識調査 2026" } } });

        const audit = (await (await get("/api/staff/audit", headers)).json()) as { entries: { action: string }[] };
        expect(audit.entries.map((e) => e.action).reverse()).toEqual([
          "staff.login",
          "survey.create",
          "survey.publish",
          "survey.edit",
          "survey.close",
          "survey.duplicate",
        ]);
        // The edit of an open survey names the questions whose words changed.
        const editRow = await database.db
          .selectFrom("auditLog")
          .select("details")
          .where("action", "=", "survey.edit")
          .executeTakeFirstOrThrow();
        expect(JSON.parse(editRow.details)).toEqual({ version: 2, reworded: ["knows"], freeText: false });
      });

      it("refuses a definition whose condition points to a later question", async () => {
        const { headers } = await loginAs("kita.staff");
        const broken = structuredClone(definition);
        broken.questions.unshift({ ...broken.questions[0], id: "first", showIf: { question: "knows", anyOf: ["yes"] } } as never);
        const refusal = await expectErrorResponse(
          await send("POST", "/api/staff/surveys", headers, { ...input("27127"), definition: broken }),
          "surveys.definition_invalid",
        );
        expect(refusal.error.details).toEqual({ problems: [{ at: "first", code: "condition_not_earlier" }] });
      });
    });

    describe("paper entry", () => {
      const entry = (code: string | undefined, option = "yes") => ({
        id: uuidv7(),
        ...(code ? { code } : {}),
        answers: { knows: { option } },
        profile: {},
      });

      it("uses up the letter's code, so the same letter cannot be entered twice, and lets only its author correct it", async () => {
        const { newInvitationCode } = await import("../../shared/surveys/invitation-code");
        const { sha256 } = await import("../../server/surveys/prepare");
        const code = newInvitationCode(Buffer.from("0123456789abcdef0123"));
        await insertInto(database, "invitationCodes", [{ codeHash: sha256(code), surveyId: kita.id, batchId: "letters", used: 0 }]);
        const { headers } = await loginAs("kita.staff");
        const path = `/api/staff/surveys/${kita.id}/paper`;

        await expectErrorResponse(await post(path, entry(undefined), headers), "invitations.required");
        const first = entry(code);
        expect((await post(path, first, headers)).status).toBe(201);
        // The same entry sent again (a double click): its receipt, counted once.
        expect((await post(path, first, headers)).status).toBe(200);
        await expectErrorResponse(await post(path, entry(code), headers), "invitations.used");

        const results = async () =>
          StaffResults.parse(await (await get(`/api/staff/surveys/${kita.id}/results`, headers)).json()).segments[0]?.questions[0]
            ?.answered;
        expect(await results()).toBe(29);

        const other = await loginAs("kita2.staff").catch(() => null);
        expect(other).toBeNull();
        // The entry is corrected by the server's own id, which the author's list of entries gives.
        const { entries } = (await (await get(path, headers)).json()) as { entries: { id: string }[] };
        expect(entries).toHaveLength(1);
        const stored = (entries[0] as { id: string }).id;
        expect(stored).not.toBe(first.id);
        const admin = await loginAs("city.admin");
        const correction = { answers: { knows: { option: "no" } }, profile: {} };
        await expectErrorResponse(
          await app.request(`${path}/${stored}`, {
            method: "PUT",
            headers: { ...admin.headers, "content-type": "application/json" },
            body: JSON.stringify(correction),
          }),
          "paper.not_found",
        );
        const corrected = await app.request(`${path}/${stored}`, {
          method: "PUT",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify(correction),
        });
        expect(corrected.status).toBe(204);
        const options = async () =>
          StaffResults.parse(await (await get(`/api/staff/surveys/${kita.id}/results`, headers)).json()).segments[0]?.questions[0]?.options;
        // Published results change only with K new responses: the correction alone shows nothing yet.
        expect((await options())?.find((o) => o.key === "yes")?.count).toBe(15);
        const { submitResponse } = await import("../../server/surveys/ingest");
        for (let i = 0; i < 10; i++)
          await submitResponse(database, testSurveyRules, {
            surveyId: kita.id,
            response: { id: uuidv7(), answers: { knows: { option: "unsure" } }, profile: {} },
            clientAddress: "t",
            mode: "paper",
          });
        // 15 yes, 11 no and 3 unsure before; the entry moved from yes to no, and 10 more were unsure: 14, 12 and 13.
        expect(Object.fromEntries((await options())?.map((o) => [o.key, o.count]) ?? [])).toEqual({ yes: 14, no: 12, unsure: 13 });
        const audit = (await (await get("/api/staff/audit", headers)).json()) as { entries: { action: string }[] };
        // Newest first: the read of the results just above; and, among the changes, the correction then the entry.
        const actions = audit.entries.map((e) => e.action);
        expect(actions[0]).toBe("results.view");
        expect(actions.filter((a) => a !== "results.view").slice(0, 2)).toEqual(["paper.correct", "paper.enter"]);
      });
    });

    describe("invitation letters", () => {
      it("makes a batch of codes shown once as CSV, each good for one online response, and counts the batch's response rate", async () => {
        const { headers } = await loginAs("kita.staff");
        const made = await post(`/api/staff/surveys/${kita.id}/letters`, { count: 3 }, headers);
        expect(made.status).toBe(201);
        const bytes = new Uint8Array(await made.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parseCsv(new TextDecoder().decode(bytes.slice(3))).slice(1);
        expect(rows).toHaveLength(3);
        const [, code, url] = rows[0] as [string, string, string];
        expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}[2-9A-HJ-NP-Z]?/);
        // The short link: the code alone, no survey id (the server finds the survey by the code's hash).
        expect(url).toBe(`http://machikoe.example.jp/c/${code}`);

        const answered = await post(`/api/surveys/${kita.id}/responses`, {
          id: uuidv7(),
          answers: { knows: { option: "yes" } },
          profile: {},
          invitationCode: code,
        });
        expect(answered.status).toBe(201);
        const batches = (await (await get(`/api/staff/surveys/${kita.id}/letters`, headers)).json()) as {
          batches: { letters: number; used: number | null }[];
        };
        // One answer of three: under RESULTS_MIN_CELL, so the batch tells nothing of who answered.
        expect(batches.batches).toEqual([expect.objectContaining({ letters: 3, used: null, rate: null })]);
        // A poll takes no letters.
        await expectErrorResponse(await post(`/api/staff/surveys/${chuo.id}/letters`, { count: 3 }, headers), "surveys.not_found");
      });
    });

    describe("weighting to the population", () => {
      it("keeps each ward's age table editable by its own staff, and weights shares by it", async () => {
        const { headers } = await loginAs("kita.staff");
        const bands = { "10s": 0, "20s": 60000, "30s": 0, "40s": 0, "50s": 0, "60s": 0, "70s": 40000, "80plus": 0 };
        const put = (body: unknown, h = headers) =>
          app.request("/api/staff/population", {
            method: "PUT",
            headers: { ...h, "content-type": "application/json" },
            body: JSON.stringify(body),
          });
        await expectErrorResponse(await put({ ward: "27128", bands }), "staff.forbidden");
        expect((await put({ ward: "27127", bands })).status).toBe(204);
        expect(await (await get("/api/staff/population", headers)).json()).toEqual({ ward: "27127", bands });

        // 20 in their twenties (10 chose "yes") and 30 in their seventies (20 chose "yes"): every count shown.
        const aged = { ...definition, profile: ["ageBand"] };
        const survey = { ...surveyRow("27127", "sampled"), definition: JSON.stringify(aged) };
        await insertInto(database, "surveys", [survey]);
        const { submitResponse } = await import("../../server/surveys/ingest");
        const send = (ageBand: "20s" | "70s", option: string) =>
          submitResponse(
            database,
            { ...testSurveyRules, pollOnePerDevice: false },
            {
              surveyId: survey.id,
              response: { id: uuidv7(), answers: { knows: { option } }, profile: { ageBand } },
              clientAddress: "t",
              mode: "paper",
            },
          );
        for (let i = 0; i < 20; i++) await send("20s", i < 10 ? "yes" : "no");
        for (let i = 0; i < 30; i++) await send("70s", i < 20 ? "yes" : "no");

        const results = StaffResults.parse(await (await get(`/api/staff/surveys/${survey.id}/results?weight=age`, headers)).json());
        const yes = results.segments[0]?.questions[0]?.options.find((o) => o.key === "yes");
        // Unweighted 30/50 = 0.6; weighted 0.6 × 10/20 + 0.4 × 20/30 = 17/30.
        expect(yes?.share).toBeCloseTo(0.6, 10);
        expect(yes?.weighted?.share).toBeCloseTo(17 / 30, 10);
        expect(yes?.weighted?.interval?.[0]).toBeLessThan(17 / 30);
        // "unsure" was chosen by nobody: its weighted share is 0, never a hidden cell made visible.
        const unsure = results.segments[0]?.questions[0]?.options.find((o) => o.key === "unsure");
        expect(unsure?.count).toBe(0);
      });
    });

    describe("free-text answers", () => {
      it("are hidden under the minimum cell, then searchable, counted by compound nouns and taggable with themes", async () => {
        const withComment = {
          ...definition,
          questions: [
            ...definition.questions,
            { id: "comment", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
          ],
        };
        const survey = { ...surveyRow("27127", "poll"), definition: JSON.stringify(withComment) };
        await insertInto(database, "surveys", [survey]);
        const { headers } = await loginAs("kita.staff");
        const read = async (query = "") =>
          (await (await get(`/api/staff/surveys/${survey.id}/comments${query}`, headers)).json()) as {
            comments: { responseId: string; questionId: string; text: string; themes: string[] }[];
            keywords: { word: string; count: number }[];
            hidden: boolean;
          };
        const { submitResponse } = await import("../../server/surveys/ingest");
        const texts = ["保育所を増やしてほしい", "防災訓練の案内を早めに", "保育所の空きが少ない", "公園を明るく"];
        for (let i = 0; i < 12; i++) {
          if (i === 9)
            expect(await read()).toEqual({ ward: "27127", comments: [], keywords: [], hidden: true, minCell: 10, publishedAt: null });
          await submitResponse(
            database,
            { ...testSurveyRules, pollOnePerDevice: false },
            {
              surveyId: survey.id,
              response: {
                id: uuidv7(),
                answers: { knows: { option: "yes" }, ...(i < 4 ? { comment: { text: texts[i] as string } } : {}) },
                profile: {},
              },
              clientAddress: "t",
            },
          );
        }
        const all = await read();
        expect(all.hidden).toBe(false);
        expect(all.comments.map((c) => c.text).sort()).toEqual([...texts].sort());
        expect(all.keywords[0]).toEqual({ word: "保育所", count: 2 });
        expect(all.keywords.map((k) => k.word)).toContain("防災訓練");

        const found = await read(`?q=${encodeURIComponent("保育所")}`);
        expect(found.comments).toHaveLength(2);
        const first = found.comments[0] as { responseId: string; questionId: string };
        const tag = await app.request(`/api/staff/surveys/${survey.id}/comments/${first.responseId}/${first.questionId}/themes`, {
          method: "PUT",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ themes: ["childcare"] }),
        });
        expect(tag.status).toBe(204);
        const tagged = await read("?theme=childcare");
        expect(tagged.comments.map((c) => c.responseId)).toEqual([first.responseId]);
        expect(tagged.comments[0]?.themes).toEqual(["childcare"]);
      });
    });

    describe("export", () => {
      it("writes CSV for Excel: a byte-order mark, small cells hidden, and a formula in an answer neutralised", async () => {
        const withComment = {
          ...definition,
          questions: [
            ...definition.questions,
            { id: "comment", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
          ],
        };
        const survey = { ...surveyRow("27127", "poll"), definition: JSON.stringify(withComment) };
        await insertInto(database, "surveys", [survey]);
        const { submitResponse } = await import("../../server/surveys/ingest");
        for (let i = 0; i < 12; i++) {
          const text = i === 0 ? '=HYPERLINK("http://evil.example","click")' : "";
          await submitResponse(
            database,
            { ...testSurveyRules, pollOnePerDevice: false },
            {
              surveyId: survey.id,
              response: {
                id: uuidv7(),
                answers: { knows: { option: i < 11 ? "yes" : "no" }, ...(text ? { comment: { text } } : {}) },
                profile: {},
              },
              clientAddress: "test",
            },
          );
        }
        const { headers } = await loginAs("kita.staff");
        const response = await get(`/api/staff/surveys/${survey.id}/export.csv`, headers);
        expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = new TextDecoder().decode(bytes.slice(3));
        const rows = parseCsv(text);
        const yes = rows.find((r) => r[0] === "集計" && r[3] === "yes");
        const no = rows.find((r) => r[0] === "集計" && r[3] === "no");
        expect(yes?.[6]).toBe("10未満");
        expect(no?.[6]).toBe("10未満");
        const comment = rows.find((r) => r[0] === "自由記述");
        expect(comment?.[11]).toBe(`'=HYPERLINK("http://evil.example","click")`);

        const audit = (await (await get("/api/staff/audit", headers)).json()) as { entries: { action: string }[] };
        expect(audit.entries[0]?.action).toBe("survey.export");
      });
    });

    describe("sessions", () => {
      it("logs out with the CSRF token, after which the cookie is worthless", async () => {
        const { headers, cookie } = await loginAs("kita.staff");
        const response = await app.request("/api/staff/logout", { method: "POST", headers });
        expect(response.status).toBe(204);
        await expectErrorResponse(await get("/api/staff/session", { cookie }), "staff.unauthenticated");
      });

      it("lets only an administrator end another account's sessions, and logs it", async () => {
        const ward = await loginAs("kita.staff");
        const other = await loginAs("chuo.staff");
        const chuoId = other.session.user.id;
        await expectErrorResponse(
          await app.request(`/api/staff/users/${chuoId}/end-sessions`, { method: "POST", headers: ward.headers }),
          "staff.forbidden",
        );

        const admin = await loginAs("city.admin");
        const ended = await app.request(`/api/staff/users/${chuoId}/end-sessions`, { method: "POST", headers: admin.headers });
        expect(await ended.json()).toEqual({ ended: 1 });
        await expectErrorResponse(await get("/api/staff/session", { cookie: other.cookie }), "staff.unauthenticated");

        const audit = (await (await get("/api/staff/audit", admin.headers)).json()) as { entries: { action: string; target: string }[] };
        expect(audit.entries[0]).toMatchObject({ action: "staff.end_sessions", target: chuoId });
        // Kita's staff do not see Chuo's log.
        const kitaAudit = (await (await get("/api/staff/audit", ward.headers)).json()) as { entries: { action: string; ward: string }[] };
        expect(kitaAudit.entries.map((e) => [e.action, e.ward])).toEqual([["staff.login", "27127"]]);
      });

      it("ends a session unused for longer than the idle timeout, and any after its absolute lifetime", async () => {
        const { cookie } = await loginAs("kita.staff");
        const token = cookie.split("=")[1] as string;
        const now = Date.now();
        const idle = testStaffRules.sessionIdleMinutes * 60_000;
        expect(await sessionOf(database, testStaffRules, token, new Date(now + idle - 60_000))).not.toBeNull();
        // Used a minute before the idle limit: the limit now counts from that use.
        expect(await sessionOf(database, testStaffRules, token, new Date(now + 2 * idle - 180_000))).not.toBeNull();
        expect(await sessionOf(database, testStaffRules, token, new Date(now + 12 * 3_600_000 + 1000))).toBeNull();
        // Ended for good: even "now" it is gone.
        expect(await sessionOf(database, testStaffRules, token)).toBeNull();
      });
    });
  });
});
