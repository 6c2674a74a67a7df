/**
 * Free-text answers and 町会 join requests are personal data (issue 13, deliverable 6): reading them needs a
 * permission of its own, which only a city administrator gives or takes away, with effect on the next
 * request; every read of free text, and of results, is in the audit log; an export without the permission carries no free text.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards, surveyRow } from "../helpers/rows";
import { insertStaff, jsonClient, staffPasswordHash, staffRow } from "../helpers/staff";

const definition: SurveyDefinition = {
  title: { ja: "区民意識調査" },
  description: { ja: "ご意見をお聞かせください" },
  profile: [],
  questions: [{ id: "q1", type: "text", text: { ja: "ご意見" }, required: false, themes: [], maxLength: 500, multiline: true }],
};

describe.each(dialects)("the permission to read personal data", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    const survey = surveyRow(definition);

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      await insertWards(database, "27127", "27128");
      await insertStaff(database, ["kita.staff", "city.admin"]);
      // A 北区 account made without the permission, as the console makes new accounts.
      await insertInto(database, "staffUsers", [
        { ...staffRow("kita.new", "ward_staff", "27127", await staffPasswordHash()), readsPersonal: 0 },
      ]);
      await insertInto(database, "surveys", [survey]);
    });
    afterEach(() => testDb.cleanup());

    it("refuses free text and join requests without it, gives them with it, and takes it away at once", async () => {
      const { request, login, loginAs } = jsonClient(testApp(database));
      for (let i = 0; i < 12; i++) {
        const sent = await request(
          "POST",
          `/api/surveys/${survey.id}/responses`,
          {},
          {
            id: uuidv7(),
            answers: { q1: { text: `公園のベンチ ${i}` } },
            profile: {},
            deviceId: randomUUID(),
          },
        );
        expect(sent.status).toBe(201);
      }
      const newcomer = await login("kita.new");
      expect(newcomer.session.permissions).toEqual([]);
      const personalRoutes: [string, string, unknown?][] = [
        ["GET", `/api/staff/surveys/${survey.id}/comments`],
        ["PUT", `/api/staff/surveys/${survey.id}/comments/${randomUUID()}/q1/themes`, { themes: ["urban"] }],
        ["GET", "/api/staff/local/join-requests"],
        ["PUT", `/api/staff/local/join-requests/${randomUUID()}`, { status: "done" }],
      ];
      for (const [method, path, body] of personalRoutes)
        await expectErrorResponse(await request(method, path, newcomer.headers, body), "staff.personal_permission_required");
      // The export carries the counts but no free text.
      const exported = (await (await request("GET", `/api/staff/surveys/${survey.id}/export.json`, newcomer.headers)).json()) as {
        comments: unknown[];
      };
      expect(exported.comments).toEqual([]);

      // Ward staff cannot give it, even to themselves.
      const kita = await loginAs("kita.staff");
      const target = (await database.db.selectFrom("staffUsers").select("id").where("login", "=", "kita.new").executeTakeFirstOrThrow()).id;
      await expectErrorResponse(await request("PUT", `/api/staff/users/${target}/personal`, kita, { allowed: true }), "staff.forbidden");

      const admin = await loginAs("city.admin");
      expect((await request("PUT", `/api/staff/users/${target}/personal`, admin, { allowed: true })).status).toBe(200);
      const comments = await request("GET", `/api/staff/surveys/${survey.id}/comments`, newcomer.headers);
      expect(comments.status).toBe(200);
      expect(((await comments.json()) as { comments: unknown[] }).comments).toHaveLength(12);
      expect((await request("GET", "/api/staff/local/join-requests", newcomer.headers)).status).toBe(200);
      const withText = (await (await request("GET", `/api/staff/surveys/${survey.id}/export.json`, newcomer.headers)).json()) as {
        comments: unknown[];
      };
      expect(withText.comments).toHaveLength(12);

      expect((await request("PUT", `/api/staff/users/${target}/personal`, admin, { allowed: false })).status).toBe(200);
      await expectErrorResponse(
        await request("GET", `/api/staff/surveys/${survey.id}/comments`, newcomer.headers),
        "staff.personal_permission_required",
      );

      // Reading results is recorded too: who, which survey, which breakdown.
      expect((await request("GET", `/api/staff/surveys/${survey.id}/results?by=mode`, kita)).status).toBe(200);
      const resultReads = await database.db
        .selectFrom("auditLog")
        .select(["login", "target", "details"])
        .where("action", "=", "results.view")
        .execute();
      expect(resultReads).toEqual([{ login: "kita.staff", target: survey.id, details: JSON.stringify({ by: "mode" }) }]);

      // The log: the grant and its removal, and the one read of free text (how many answers, never which).
      const log = await database.db.selectFrom("auditLog").select(["action", "login", "target", "details"]).orderBy("at").execute();
      const actions = log.map((row) => [row.action, row.login]);
      expect(actions).toContainEqual(["staff.grant_personal", "city.admin"]);
      expect(actions).toContainEqual(["staff.revoke_personal", "city.admin"]);
      const reads = log.filter((row) => row.action === "comments.view");
      expect(reads).toEqual([{ action: "comments.view", login: "kita.new", target: survey.id, details: JSON.stringify({ count: 12 }) }]);
    });
  });
});
