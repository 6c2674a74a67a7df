/**
 * 地域 in the console, on each dialect: a city administrator imports any ward's rows, ward staff only
 * their own (another ward's row named, nothing written); Excel's Shift_JIS (CP932) file reads, UTF-16 is
 * refused by name; a bad row writes nothing; and the console's export imports back to the same rows.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/db/database";
import { insertRows } from "../../server/platform/db/write";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { areaRow, insertWards } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
const header = "全国地方公共団体コード,ID,名称,名称_カナ,名称_英語,人口,表示順";

describe.each(dialects)("地域 import in the console", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database);
      await insertWards(database, "27127", "27128");
      await insertStaff(database);
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    const loginAs = (login: string) => jsonClient(app).loginAs(login);
    const upload = (headers: Record<string, string>, body: Uint8Array<ArrayBuffer> | string) =>
      app.request("/api/staff/wards/areas/import", { method: "POST", headers: { ...headers, "content-type": "text/csv" }, body });
    const areas = () => database.db.selectFrom("areas").selectAll().orderBy("id").execute();

    it("reads Excel's Shift_JIS (CP932) file, and a city administrator writes every ward's rows", async () => {
      const admin = await loginAs("city.admin");
      const response = await upload(admin, fixture("areas-cp932.csv"));
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await response.json()).toEqual({ added: 3, updated: 0 });
      expect(await areas()).toEqual([
        {
          id: "27127-91",
          wardCode: "27127",
          name: "髙松～扇町",
          reading: "たかまつおうぎまち",
          nameEn: "Takamatsu-Ogimachi",
          population: 12345,
          sortOrder: 1,
        },
        { id: "27127-92", wardCode: "27127", name: "菅北①", reading: "すがきた", nameEn: "Sugakita", population: 2300, sortOrder: 2 },
        {
          id: "27128-91",
          wardCode: "27128",
          name: "中央の地域",
          reading: "ちゅうおうのちいき",
          nameEn: "Chuo",
          population: 4000,
          sortOrder: 1,
        },
      ]);
      const logged = await database.db.selectFrom("auditLog").select(["action", "details"]).where("action", "=", "area.import").execute();
      expect(logged).toHaveLength(1);
    });

    it("lets ward staff write only their own ward's rows: another ward's row is named, and nothing is written", async () => {
      const kita = await loginAs("kita.staff");
      const refused = await expectErrorResponse(await upload(kita, fixture("areas-cp932.csv")), "import.invalid");
      expect(refused.error.details).toEqual({ problems: [{ line: 4, column: "全国地方公共団体コード", reason: "ward" }] });
      expect(await areas()).toEqual([]);

      const own = `${header}\r\n27127,27127-91,扇町,おうぎまち,,100,1\r\n`;
      expect(await (await upload(kita, own)).json()).toEqual({ added: 1, updated: 0 });
      expect((await areas()).map((a) => a.id)).toEqual(["27127-91"]);
    });

    it("refuses ward staff a row that would take over another ward's area by its ID", async () => {
      await database.write(insertRows, { table: "areas", rows: [areaRow("27128-01")] });
      const kita = await loginAs("kita.staff");
      const body = await expectErrorResponse(await upload(kita, `${header}\n27127,27128-01,乗っ取り,のっとり,,1,1\n`), "import.invalid");
      expect(body.error.details).toEqual({ problems: [{ line: 2, column: "ID", reason: "ward" }] });
      expect(await areas()).toEqual([areaRow("27128-01")]);
    });

    it("names a UTF-16 file's encoding and writes nothing", async () => {
      const admin = await loginAs("city.admin");
      const body = await expectErrorResponse(await upload(admin, fixture("areas-utf16.csv")), "import.encoding");
      expect(body.error.details).toEqual({ encoding: "UTF-16LE" });
      expect(await areas()).toEqual([]);
    });

    it("names every bad row by line and column, and writes nothing, even the good rows", async () => {
      const admin = await loginAs("city.admin");
      const file = `${header}\n27127,27127-01,扇町,おうぎまち,,100,1\n27127,27127-02,,なし,,x,2\n`;
      const body = await expectErrorResponse(await upload(admin, file), "import.invalid");
      expect(body.error.details).toEqual({
        problems: [
          { line: 3, column: "名称", reason: "required" },
          { line: 3, column: "人口", reason: "invalid" },
        ],
      });
      expect(await areas()).toEqual([]);
    });

    it("exports the ward's areas in the columns it imports, so an unchanged export imports back to the same rows", async () => {
      const tricky = [
        areaRow("27127-01", { name: "=扇町", reading: "'おうぎまち", nameEn: "+Ogimachi", population: 0, sortOrder: 2 }),
        areaRow("27127-02", { name: '菅北, "東"', nameEn: "", sortOrder: 1 }),
        areaRow("27128-01"),
      ];
      await database.write(insertRows, { table: "areas", rows: tricky });
      const kita = await loginAs("kita.staff");
      const exported = await app.request("/api/staff/wards/areas/export.csv", { headers: kita });
      expect(exported.status).toBe(200);
      const bytes = new Uint8Array(await exported.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.split("\r\n")[0]).toBe(
        header
          .split(",")
          .map((c) => `"${c}"`)
          .join(","),
      );
      expect(text).toContain(`"'=扇町"`);
      expect(text).not.toContain("27128-01");

      const listed = await (await app.request("/api/staff/wards/areas", { headers: kita })).json();
      expect(listed.areas.map((a: { id: string }) => a.id)).toEqual(["27127-02", "27127-01"]);

      const before = await areas();
      expect(await (await upload(kita, bytes)).json()).toEqual({ added: 0, updated: 2 });
      expect(await areas()).toEqual(before);
    });

    it("refuses a file of more than 5,000 rows, and writes nothing", async () => {
      const admin = await loginAs("city.admin");
      const rows = Array.from({ length: 5001 }, (_, i) => `27127,27127-${i},地域${i},ちいき,,1,${i}`);
      const body = await expectErrorResponse(await upload(admin, [header, ...rows].join("\n")), "import.too_many_rows");
      expect(body.error.details).toEqual({ limit: 5000, rows: 5001 });
      expect(await areas()).toEqual([]);
    });
  });
});
