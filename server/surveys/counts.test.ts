import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { wardRecords } from "../../shared/wards/data";
import type { Counts } from "../platform/db/counts";
import { GroupCommit } from "../platform/db/group-commit";
import type { DB } from "../platform/db/schema";
import { sqliteTestFile } from "../platform/db/test-file";
import { surveyCounts } from "./counts";
import type { Tally } from "./tally";

const sqlite = sqliteTestFile("counts");
const migratedKysely = sqlite.migratedKysely;

describe("GroupCommit with the surveys' deferred counts", () => {
  const surveyId = "00000000-0000-4000-8000-000000000001";
  const counts = { pairs: ["_responses\u0000_answered", "q1\u0000a"].join("\u0001"), segments: "all" };
  /** A write's counts are the registered kind's: a Tally. */
  const addResponse = (tally: Counts) => (tally as Tally).addResponse(surveyId, counts);

  /** A survey row for the counts to belong to (survey_aggregates refers to surveys). */
  async function withSurvey(db: Kysely<DB>): Promise<void> {
    await db
      .insertInto("wards")
      .values(wardRecords.filter((w) => w.code === "27127"))
      .execute();
    await db
      .insertInto("surveys")
      .values({
        id: surveyId,
        wardCode: "27127",
        kind: "poll",
        status: "open",
        opensAt: "2026-01-01T00:00:00Z",
        closesAt: "2027-01-01T00:00:00Z",
        resultsPublic: 1,
        version: 1,
        definition: "{}",
        createdAt: "2026-01-01T00:00:00Z",
        updatedAt: "2026-01-01T00:00:00Z",
      })
      .execute();
  }

  const storedCounts = (db: Kysely<DB>) =>
    db.selectFrom("surveyAggregates").select(["questionId", "optionKey", "segment", "count"]).orderBy("questionId").execute();

  it("writes committed writes' counts only when asked (or when due), summed", async () => {
    const db = await migratedKysely();
    await withSurvey(db);
    const group = new GroupCommit(db, { deferCountsMs: 60_000, counts: surveyCounts });

    await Promise.all([1, 2, 3].map(() => group.run(async (_trx, tally) => addResponse(tally))));
    expect(await storedCounts(db)).toEqual([]);

    await group.settleCounts();
    expect(await storedCounts(db)).toEqual([
      { questionId: "_responses", optionKey: "_answered", segment: "all", count: 3 },
      { questionId: "q1", optionKey: "a", segment: "all", count: 3 },
    ]);
  });

  it("never counts a write that failed", async () => {
    const db = await migratedKysely();
    await withSurvey(db);
    const group = new GroupCommit(db, { deferCountsMs: 60_000, counts: surveyCounts });

    const outcomes = await Promise.allSettled([
      group.run(async (_trx, tally) => addResponse(tally)),
      group.run(async (_trx, tally) => {
        addResponse(tally);
        throw new Error("refused after counting");
      }),
    ]);
    await group.settleCounts();

    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected"]);
    expect((await storedCounts(db)).map((row) => row.count)).toEqual([1, 1]);
  });

  it("keeps the deferred counts when the transaction that was to write them fails", async () => {
    const db = await migratedKysely();
    const group = new GroupCommit(db, { deferCountsMs: 60_000, counts: surveyCounts });
    // Counts of a survey not stored yet: writing them breaks the foreign key and fails that whole transaction.
    await group.run(async (_trx, tally) => addResponse(tally));

    await expect(group.settleCounts()).rejects.toThrow();
    await withSurvey(db);
    await group.settleCounts();

    expect((await storedCounts(db)).map((row) => row.count)).toEqual([1, 1]);
  });

  it("writes deferred counts before a write that asks to see them", async () => {
    const db = await migratedKysely();
    await withSurvey(db);
    const group = new GroupCommit(db, { deferCountsMs: 60_000, counts: surveyCounts });
    await group.run(async (_trx, tally) => addResponse(tally));

    const seen = await group.run((trx) => trx.selectFrom("surveyAggregates").select("count").execute(), { settleCountsFirst: true });

    expect(seen.map((row) => row.count)).toEqual([1, 1]);
  });
});
