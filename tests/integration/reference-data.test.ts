/**
 * Reference data on every database, demo or not: the 24 wards, the plan's policies per ward and the
 * plan's indicator, loaded by 20 starts at once without a duplicate, and never overwriting what staff
 * changed or removed on a later start.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadReferenceData } from "../../server/reference/load";
import { planIndicator, planPolicies, planPolicyId } from "../../server/reference/plan";
import { areaColumns, importAreas, readAreaCsv } from "../../server/wards/import";
import { WardList } from "../../shared/wards/schemas";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";

const count = async (testDb: TestDatabase, table: "wards" | "policies" | "indicators" | "surveys" | "areas") =>
  Number(
    (
      await testDb.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(dialects)("reference data", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    beforeEach(async () => {
      testDb = await dialect.open();
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    it("serves the 24 wards, the plan's policies and indicator after 20 loads at once, and no demo data", async () => {
      const summaries = await Promise.all(Array.from({ length: 20 }, () => loadReferenceData(testDb.database)));

      // Exactly one load inserted; the others found it done.
      expect(summaries.filter((s) => s.wards > 0)).toEqual([{ wards: 24, policies: 24 * planPolicies.length, indicators: 1 }]);
      const { wards } = WardList.parse(await (await testApp(testDb.database).request("/api/wards")).json());
      expect(wards).toHaveLength(24);
      expect(await count(testDb, "policies")).toBe(24 * planPolicies.length);
      const indicator = await testDb.database.db.selectFrom("indicators").selectAll().executeTakeFirstOrThrow();
      expect(indicator).toMatchObject({ id: planIndicator.id, baselineYear: 2022, targetYear: 2026, targetPoints: 10, wardCode: null });
      expect(await count(testDb, "surveys")).toBe(0);
      expect(await count(testDb, "areas")).toBe(0);
    });

    it("keeps staff's edits and removals of policies and indicators on a later start", async () => {
      await loadReferenceData(testDb.database);
      const { db } = testDb.database;
      const edited = planPolicyId("27127", "p01");
      await db.updateTable("policies").set({ title: "職員が書き換えた施策" }).where("id", "=", edited).execute();
      await db.deleteFrom("policies").where("id", "=", planPolicyId("27127", "p02")).execute();
      await db.deleteFrom("indicators").where("id", "=", planIndicator.id).execute();

      const again = await Promise.all(Array.from({ length: 20 }, () => loadReferenceData(testDb.database)));

      expect(again.every((s) => s.wards === 0 && s.policies === 0 && s.indicators === 0)).toBe(true);
      expect((await db.selectFrom("policies").select("title").where("id", "=", edited).executeTakeFirstOrThrow()).title).toBe(
        "職員が書き換えた施策",
      );
      expect(await count(testDb, "policies")).toBe(24 * planPolicies.length - 1);
      expect(await count(testDb, "indicators")).toBe(0);
    });

    it("inserts a ward that is missing, with its policies, and touches no other", async () => {
      await loadReferenceData(testDb.database);
      const { db } = testDb.database;
      await db.deleteFrom("policies").where("wardCode", "=", "27102").execute();
      await db.deleteFrom("wards").where("code", "=", "27102").execute();
      await db.updateTable("wards").set({ population: 1 }).where("code", "=", "27127").execute();

      const summary = await loadReferenceData(testDb.database);

      expect(summary).toEqual({ wards: 1, policies: planPolicies.length, indicators: 0 });
      expect(await count(testDb, "wards")).toBe(24);
      expect((await db.selectFrom("wards").select("population").where("code", "=", "27127").executeTakeFirstOrThrow()).population).toBe(1);
    });
  });
});

describe.each(dialects)("地域 from the city's CSV", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    beforeEach(async () => {
      testDb = await dialect.open();
      await loadReferenceData(testDb.database);
    });
    afterEach(async () => {
      await testDb.cleanup();
    });
    const wards = new Set(["27127", "27102"]);
    const file = `\uFEFF${areaColumns.join(",")}\r\n271276,27127-01,菅北,すがきた,Sugakita,"23,223",1\r\n27102,27102-01,桜宮,さくらのみや,Sakuranomiya,20678,\r\n`;

    it("imports the rows (BOM, 6-digit code, thousands separator), once even when 20 imports run at once", async () => {
      const { rows, problems } = readAreaCsv(file, wards);
      expect(problems).toEqual([]);
      await Promise.all(Array.from({ length: 20 }, () => testDb.database.write(importAreas, rows)));
      const areas = await testDb.database.db.selectFrom("areas").selectAll().orderBy("id").execute();
      expect(areas).toEqual([
        {
          id: "27102-01",
          wardCode: "27102",
          name: "桜宮",
          reading: "さくらのみや",
          nameEn: "Sakuranomiya",
          population: 20678,
          sortOrder: 2,
        },
        { id: "27127-01", wardCode: "27127", name: "菅北", reading: "すがきた", nameEn: "Sugakita", population: 23223, sortOrder: 1 },
      ]);
    });

    it("names every bad row by line and column, and writes nothing", async () => {
      await testDb.database.write(importAreas, readAreaCsv(file, wards).rows);
      const before = await testDb.database.db.selectFrom("areas").selectAll().orderBy("id").execute();
      const bad = `${areaColumns.join(",")}\n99999,x-1,名,めい,,10,1\n27127,27127-01,菅北,すがきた,,-5,1\n27127,27127-01,,すがきた,,5,x\n`;
      const { rows, problems } = readAreaCsv(bad, wards);
      expect(rows).toEqual([]);
      expect(problems).toEqual([
        { line: 2, column: "全国地方公共団体コード", reason: "ward" },
        { line: 3, column: "人口", reason: "invalid" },
        { line: 4, column: "名称", reason: "required" },
        { line: 4, column: "ID", reason: "duplicate" },
        { line: 4, column: "表示順", reason: "invalid" },
      ]);
      expect(readAreaCsv("名称\n菅北\n", wards).problems.map((p) => p.column)).toEqual([
        "全国地方公共団体コード",
        "ID",
        "名称_カナ",
        "人口",
      ]);
      expect(await testDb.database.db.selectFrom("areas").selectAll().orderBy("id").execute()).toEqual(before);
    });
  });
});
