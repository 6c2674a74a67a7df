/**
 * The respondents' profiles for weighted cross-tabs (server/surveys/staff/joint-profile.ts), against real
 * databases: read in the same order as the answers, they give each respondent's age band and years in the
 * ward; and when the rows read are not the rows the answers came from (a snapshot published between the two
 * reads), there is no profile at all rather than a profile put beside the wrong answers.
 */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertInto } from "../../server/platform/db/write";
import { submitResponse } from "../../server/surveys/ingest";
import { definitionOf } from "../../server/surveys/read";
import { surveyResults } from "../../server/surveys/results";
import { latestSnapshot } from "../../server/surveys/snapshots";
import { jointAnswers, masksFor, profileId } from "../../server/surveys/staff/joint";
import { withProfile } from "../../server/surveys/staff/joint-profile";
import { uuidv7 } from "../../shared/ids";
import type { SurveyDefinition } from "../../shared/surveys/model";
import { testSurveyRules } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { dayMs, insertWards, surveyRow } from "../helpers/rows";

const definition: SurveyDefinition = {
  title: { ja: "区民意識調査" },
  description: { ja: "説明" },
  profile: ["ageBand", "yearsInWard"],
  questions: [
    {
      id: "knows",
      type: "single",
      text: { ja: "地活協を知っていますか" },
      required: true,
      themes: [],
      options: ["yes", "no"].map((id) => ({ id, label: { ja: id }, themes: [] })),
    },
  ],
};
const rules = { ...testSurveyRules, minCell: 10 };
const publication = { minCell: 10, refreshHours: 0 };

describe.each(dialects)("profiles for weighted cross-tabs", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    const survey = surveyRow(definition, { kind: "sampled", closesAt: new Date(Date.now() + 30 * dayMs).toISOString() });

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      await insertWards(database, "27127");
      await insertInto(database, "surveys", [survey]);
      // 30 respondents: a third in their 30s, a third in their 60s, a third without an age; odd ones settled.
      for (let i = 0; i < 30; i++)
        await submitResponse(database, rules, {
          surveyId: survey.id,
          response: {
            id: uuidv7(),
            answers: { knows: { option: i % 2 ? "yes" : "no" } },
            profile: { ...(i % 3 === 2 ? {} : { ageBand: i % 3 ? "60s" : "30s" }), yearsInWard: i % 2 ? "20plus" : "1to5" },
          },
          clientAddress: "clerk",
          mode: "paper",
        });
      await surveyResults(database, survey.id, { ...publication, publicOnly: false });
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    const joint = async () => {
      const snapshot = await latestSnapshot(database, survey.id, survey, publication);
      if (!snapshot) throw new Error("no snapshot");
      return jointAnswers(database, survey.id, { ...snapshot, id: `${snapshot.id}:${Math.random()}` }, definitionOf(survey));
    };

    it("puts each respondent's profile beside their answers", async () => {
      const withAges = await withProfile(database, survey.id, await joint());
      if (!withAges) throw new Error("no profile");
      const ages = masksFor(withAges, profileId("ageBand"), ["age:30s", "age:60s"]);
      const knows = masksFor(withAges, "knows", ["yes", "no"]);
      const count = (age: number, answer: number) =>
        [...ages.masks].filter((mask, i) => mask === 1 << age && (knows.masks[i] as number) === 1 << answer).length;
      // Of i = 0 … 29: 30s are i ≡ 0 (mod 3), yes are odd i: 5 of the 10 in their 30s said yes, 5 of the 60s.
      expect([count(0, 0), count(0, 1), count(1, 0), count(1, 1)]).toEqual([5, 5, 5, 5]);
      expect([...ages.answered].filter(Boolean)).toHaveLength(20);
      const years = masksFor(withAges, profileId("yearsInWard"), ["years:20plus"]);
      expect([...years.masks].filter(Boolean)).toHaveLength(15);
    });

    it("gives no profile when the rows read are not the rows the answers came from", async () => {
      // The first response left out of the answers' read (as if published after it), then published again.
      // The first in the order both reads page in: rowid on SQLite, id on PostgreSQL.
      const order = database.dialect === "sqlite" ? sql`rowid` : sql`id`;
      const { id: hidden } = await database.db
        .selectFrom("responses")
        .select("id")
        .where("surveyId", "=", survey.id)
        .orderBy(order)
        .limit(1)
        .executeTakeFirstOrThrow();
      await database.db.updateTable("responses").set({ published: 0 }).where("id", "=", hidden).execute();
      const answers = await joint();
      await database.db.updateTable("responses").set({ published: 1 }).where("id", "=", hidden).execute();
      expect(await withProfile(database, survey.id, answers)).toBeNull();
    });
  });
});
