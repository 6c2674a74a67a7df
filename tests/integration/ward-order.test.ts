/** Every ward list the server gives is in the city's official order (北区 first), on each dialect. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadReferenceData } from "../../server/reference/load";
import { wardRecords } from "../../shared/wards/data";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";

describe.each(dialects)("ward order", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    beforeEach(async () => {
      testDb = await dialect.open();
      await loadReferenceData(testDb.database);
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    it("lists the 24 wards for residents in the official order, 北区 first and 中央区 fifth, not by code", async () => {
      const answer = await testApp(testDb.database).request("/api/wards");
      const { wards } = (await answer.json()) as { wards: { code: string; name: string }[] };
      expect(wards.map((w) => w.name).slice(0, 5)).toEqual(["北区", "都島区", "福島区", "此花区", "中央区"]);
      expect(wards.map((w) => w.code)).toEqual(wardRecords.map((w) => w.code));
    });
  });
});
