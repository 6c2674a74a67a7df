/**
 * Letters that work on paper, through the HTTP API on every database: each ward's 問い合わせ先 is kept
 * by that ward's staff only (audited), and a batch gets one reminder (督促状) for its codes not yet
 * used — only for the holder of the batch's own list, only once RESULTS_MIN_CELL answered, once
 * however many ask at the same moment, kept as counts alone — with its own response rate, rounded.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { sha256 } from "../../server/surveys/prepare";
import { listDigest } from "../../server/surveys/staff/reminders";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { LetterContact } from "../../shared/wards/letter-contact";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const ja = (text: string) => ({ ja: text });
const definition: SurveyDefinition = {
  title: ja("区民意識調査"),
  description: ja("説明"),
  profile: [],
  questions: [
    {
      id: "q1",
      type: "single",
      text: ja("知っていますか"),
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: ja(id), themes: [] })),
    },
  ],
};
const kitaContact = { section: "北区役所 政策推進課", phone: "06-6313-9474", hours: "平日 9:00〜17:30", email: "tba0001@city.osaka.lg.jp" };

interface Batch {
  batchId: string;
  letters: number;
  used: number | null;
  rate: number | null;
  reminder: { id: string; letters: number; used: number | null; rate: number | null; madeOn: string } | null;
}

describe.each(dialects)("letters on paper", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let client: ReturnType<typeof jsonClient>;
    const kita = surveyRow(definition, { wardCode: "27127", kind: "sampled" });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      client = jsonClient(testApp(database, { publicUrl: "https://machikoe.example.jp", bodyLimitBytes: 16 * 1024 }));
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
      await insertInto(database, "surveys", [kita]);
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    describe("the ward's 問い合わせ先", () => {
      const contact = async (headers: Record<string, string>, ward?: string) =>
        client.request("GET", `/api/staff/wards/contact${ward ? `?ward=${ward}` : ""}`, headers);

      it("starts as the ward office's main line, and is saved, read back and audited by the ward's own staff", async () => {
        const kitaStaff = await client.loginAs("kita.staff");
        const before = LetterContact.parse(await (await contact(kitaStaff)).json());
        expect(before).toMatchObject({ ward: "27127", phone: "06-6313-9986", saved: false, email: null });
        const saved = await client.request("PUT", "/api/staff/wards/contact", kitaStaff, kitaContact);
        expect(saved.status).toBe(200);
        expect(LetterContact.parse(await saved.json())).toEqual({ ward: "27127", ...kitaContact, saved: true });
        expect(await (await contact(kitaStaff)).json()).toEqual({ ward: "27127", ...kitaContact, saved: true });
        // Saved again: one row, the new words.
        await client.request("PUT", "/api/staff/wards/contact", kitaStaff, {
          ...kitaContact,
          email: null,
          hours: "平日 9:00〜17:30（祝日を除く）",
        });
        expect(await (await contact(kitaStaff)).json()).toMatchObject({ email: null, hours: "平日 9:00〜17:30（祝日を除く）" });
        expect(await database.db.selectFrom("wardContacts").select("wardCode").execute()).toEqual([{ wardCode: "27127" }]);
        const audited = await database.db
          .selectFrom("auditLog")
          .select(["action", "wardCode"])
          .where("action", "=", "ward.contact")
          .execute();
        expect(audited).toEqual([
          { action: "ward.contact", wardCode: "27127" },
          { action: "ward.contact", wardCode: "27127" },
        ]);
      });

      it("is another ward's staff's to neither read nor change; a city administrator keeps any ward's", async () => {
        const chuoStaff = await client.loginAs("chuo.staff");
        await expectErrorResponse(await contact(chuoStaff, "27127"), "staff.forbidden");
        await expectErrorResponse(
          await client.request("PUT", "/api/staff/wards/contact?ward=27127", chuoStaff, kitaContact),
          "staff.forbidden",
        );
        expect(await database.db.selectFrom("wardContacts").selectAll().execute()).toEqual([]);
        const admin = await client.loginAs("city.admin");
        expect((await client.request("PUT", "/api/staff/wards/contact?ward=27127", admin, kitaContact)).status).toBe(200);
        expect(await (await contact(await client.loginAs("kita.staff"))).json()).toMatchObject({ ...kitaContact, saved: true });
        // Every field is checked: a phone that is not one, an empty section, a bad e-mail.
        for (const bad of [{ phone: "call us" }, { section: " " }, { email: "not-an-address" }]) {
          await expectErrorResponse(
            await client.request("PUT", "/api/staff/wards/contact?ward=27127", admin, { ...kitaContact, ...bad }),
            "request.invalid",
          );
        }
      });
    });

    describe("a reminder (督促状) for the codes not yet used", () => {
      /** A batch of 30 letters: the mail-merge list's rows (number, code, link) and its batch id. */
      async function batchOf(headers: Record<string, string>) {
        const made = await client.request("POST", `/api/staff/surveys/${kita.id}/letters`, headers, { count: 30 });
        expect(made.status).toBe(201);
        const rows = parseCsv((await made.text()).replace(/^\uFEFF/, "")).slice(1) as [string, string, string][];
        const batchId = (made.headers.get("content-disposition") ?? "").match(/letters-([0-9a-f-]{36})\.csv/)?.[1] as string;
        return { rows, batchId, digest: listDigest(rows.map(([, code]) => sha256(code))) };
      }
      const answer = (code: string) =>
        client.request(
          "POST",
          `/api/surveys/${kita.id}/responses`,
          {},
          { id: uuidv7(), answers: { q1: { option: "yes" } }, profile: {}, invitationCode: code },
        );
      const batches = async (headers: Record<string, string>) =>
        ((await (await client.request("GET", `/api/staff/surveys/${kita.id}/letters`, headers)).json()) as { batches: Batch[] }).batches;
      const remind = (headers: Record<string, string>, batchId: string, digest: string) =>
        client.request("POST", `/api/staff/surveys/${kita.id}/letters/${batchId}/reminder`, headers, { digest });

      it("answers the unused codes' hashes once, only to the holder of the batch's own list and only from K answers on", async () => {
        const headers = await client.loginAs("kita.staff");
        const { rows, batchId, digest } = await batchOf(headers);
        for (const [, code] of rows.slice(0, 9)) expect((await answer(code)).status).toBe(201);
        // Nine answered: a reminder would name them, where the console shows "fewer than 10".
        await expectErrorResponse(await remind(headers, batchId, digest), "letters.reminder_too_early");
        expect((await answer(rows[9]?.[1] as string)).status).toBe(201);
        // A list that is not this batch's (one code short, or another list) gets nothing.
        await expectErrorResponse(
          await remind(headers, batchId, listDigest(rows.slice(1).map(([, c]) => sha256(c)))),
          "letters.not_this_batch",
        );
        await expectErrorResponse(await remind(headers, batchId, sha256("guess")), "letters.not_this_batch");
        // Another ward's staff, even with the list, get the survey's 404.
        await expectErrorResponse(await remind(await client.loginAs("chuo.staff"), batchId, digest), "surveys.not_found");

        const made = await remind(headers, batchId, digest);
        expect(made.status).toBe(201);
        const { unused } = (await made.json()) as { reminderId: string; unused: string[] };
        expect(new Set(unused)).toEqual(new Set(rows.slice(10).map(([, code]) => sha256(code))));
        // One per batch: a second would tell who answered in between.
        await expectErrorResponse(await remind(headers, batchId, digest), "letters.reminder_exists");
        // Only counts are kept: no code, no hash.
        const stored = await database.db.selectFrom("reminderBatches").selectAll().execute();
        expect(stored).toEqual([expect.objectContaining({ batchId, letters: 20, usedBefore: 10 })]);
        for (const hash of unused) expect(JSON.stringify(stored)).not.toContain(hash);
        const audited = await database.db.selectFrom("auditLog").select(["details"]).where("action", "=", "letters.reminder").execute();
        expect(audited.map((a) => JSON.parse(a.details))).toEqual([{ batchId, count: 20 }]);
      });

      it("is made once when 20 ask at the same moment", async () => {
        const headers = await client.loginAs("kita.staff");
        const { rows, batchId, digest } = await batchOf(headers);
        for (const [, code] of rows.slice(0, 10)) await answer(code);
        const answers = await Promise.all(Array.from({ length: 20 }, () => remind(headers, batchId, digest)));
        expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
        for (const refused of answers.filter((a) => a.status !== 201)) await expectErrorResponse(refused, "letters.reminder_exists");
        expect(await database.db.selectFrom("reminderBatches").select("id").execute()).toHaveLength(1);
      });

      it("gives the batch's and the reminder's response rates, rounded, never one answer's change", async () => {
        const headers = await client.loginAs("kita.staff");
        const { rows, batchId, digest } = await batchOf(headers);
        for (const [, code] of rows.slice(0, 12)) await answer(code);
        expect(await batches(headers)).toEqual([{ batchId, letters: 30, used: 10, rate: 10 / 30, reminder: null }]);
        expect((await remind(headers, batchId, digest)).status).toBe(201);
        // After it: fewer than 10 answers show as none; the batch keeps the 12 staff know of from the reminder's size.
        for (const [, code] of rows.slice(12, 21)) await answer(code);
        const [few] = await batches(headers);
        expect(few).toMatchObject({ letters: 30, used: 12, reminder: { letters: 18, used: null, rate: null } });
        for (const [, code] of rows.slice(21, 22)) await answer(code);
        const [ten] = await batches(headers);
        expect(ten).toMatchObject({ letters: 30, used: 22, rate: 22 / 30, reminder: { letters: 18, used: 10, rate: 10 / 18 } });
        // The 11th answer since changes nothing shown.
        await answer(rows[22]?.[1] as string);
        expect(await batches(headers)).toEqual([ten]);
      });

      it("is refused for a closed survey", async () => {
        const headers = await client.loginAs("kita.staff");
        const { rows, batchId, digest } = await batchOf(headers);
        for (const [, code] of rows.slice(0, 10)) await answer(code);
        await database.db.updateTable("surveys").set({ status: "closed" }).where("id", "=", kita.id).execute();
        await expectErrorResponse(await remind(headers, batchId, digest), "surveys.closed");
      });
    });
  });
});
