/**
 * CSV imports of local data as a ward clerk with Excel makes them, on each dialect: Shift_JIS (CP932)
 * read and UTF-16 refused by name, every cell cleaned of hidden characters, an export imported back unchanged whatever its cells start with, at most
 * 5,000 rows a file and the ward's limit of each kind (20 concurrent adds cannot pass it), and a 5 MB file
 * checked off the thread serving HTTP, so a request sent meanwhile is answered first.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wardLimits } from "../../server/local/staff/limits";
import type { Database } from "../../server/platform/db/database";
import { insertRows } from "../../server/platform/db/write";
import { loadReferenceData } from "../../server/reference/load";
import type { PlaceInput } from "../../shared/local/schemas";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { placeInput } from "../helpers/place-input";
import { insertStaff, jsonClient } from "../helpers/staff";

const place = placeInput;

const header = "全国地方公共団体コード,ID,名称,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,備考,確認日";
const row = (ward: string, name: string, notes = "") =>
  `${ward},,${name},大阪市北区扇町2-1,34.706,135.513,火,14:00,15:00,いきいき百歳体操,${notes},2026-10-01`;

describe.each(dialects)("local CSV imports", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, { bodyLimitBytes: 16 * 1024 });
      await loadReferenceData(database);
      await insertStaff(database);
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    const client = () => jsonClient(app);
    const upload = (headers: Record<string, string>, body: Uint8Array<ArrayBuffer> | string, kind = "places") =>
      app.request(`/api/staff/local/${kind}/import`, { method: "POST", headers: { ...headers, "content-type": "text/csv" }, body });
    const livePlaces = async (ward = "27127") =>
      (await database.db.selectFrom("places").select("data").where("wardCode", "=", ward).where("deletedAt", "is", null).execute()).map(
        (r) => JSON.parse(r.data) as PlaceInput,
      );
    /** `count` places of the ward, written straight to the table. */
    const fill = (ward: string, count: number) =>
      database.write(insertRows, {
        table: "places",
        rows: Array.from({ length: count }, (_, i) => ({
          id: randomUUID(),
          wardCode: ward,
          data: JSON.stringify(place({ ward, name: `体操${i}` })),
          updatedAt: new Date().toISOString(),
          deletedAt: null,
          kind: "hyakusai",
        })),
      });

    it("reads Excel's Shift_JIS (CP932) file, and names a UTF-16 file's encoding without writing", async () => {
      const kita = await client().loginAs("kita.staff");
      const utf16 = new Uint8Array(Buffer.from(`\uFEFF${header}\r\n${row("27127", "体操")}\r\n`, "utf16le"));
      const refused = await expectErrorResponse(await upload(kita, utf16), "import.encoding");
      expect(refused.error.details).toEqual({ encoding: "UTF-16LE" });
      expect(await livePlaces()).toEqual([]);

      const cp932 = readFileSync(new URL("../fixtures/csv/places-cp932.csv", import.meta.url));
      const response = await upload(kita, new Uint8Array(cp932));
      expect(await response.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
      const [stored] = await livePlaces();
      expect([stored?.name, stored?.notes, stored?.phone]).toEqual(["髙倉いきいき百歳体操", "椅子を使います～①", "06-6313-9986"]);
    });

    it("imports an unchanged export back to identical data, though cells start with + = ' or @", async () => {
      const { request, loginAs } = client();
      const kita = await loginAs("kita.staff");
      const tricky = place({ name: "=体操", phone: "+81 6 6313 9986", notes: "'abc", contactName: "@北区", fee: "-", audience: "''=x" });
      expect((await request("POST", "/api/staff/local/places", kita, tricky)).status).toBe(201);
      const before = await livePlaces();
      const exported = new Uint8Array(await (await app.request("/api/staff/local/places/export.csv", { headers: kita })).arrayBuffer());
      const text = new TextDecoder().decode(exported);
      expect(text).toContain(`"'+81 6 6313 9986"`);
      expect(text).toContain(`"'''=x"`);
      expect(await (await upload(kita, exported)).json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect(await livePlaces()).toEqual(before);
    });

    it("cleans every cell as it cleans a form's text: no control characters or bidirectional overrides are stored", async () => {
      const kita = await client().loginAs("kita.staff");
      const file = `${header}\r\n${row("27127", "扇町\u202Egnp.exe\u0007体操", '"一行目\r\n二行目\u200F"')}\r\n`;
      expect((await upload(kita, file)).status).toBe(200);
      const [stored] = await livePlaces();
      expect([stored?.name, stored?.notes]).toEqual(["扇町gnp.exe体操", "一行目\n二行目"]);
    });

    it("refuses a file of more than 5,000 rows, and writes nothing", async () => {
      const admin = await client().loginAs("city.admin");
      const rows = Array.from({ length: 5001 }, (_, i) => row("27102", `体操${i}`));
      const body = await expectErrorResponse(await upload(admin, [header, ...rows].join("\n")), "import.too_many_rows");
      expect(body.error.details).toEqual({ limit: 5000, rows: 5001 });
      expect(await livePlaces("27102")).toEqual([]);
    });

    it("refuses an import that would take the ward past its limit, and writes none of it", async () => {
      await fill("27127", wardLimits.place - 2);
      const kita = await client().loginAs("kita.staff");
      const file = [header, row("27127", "一"), row("27127", "二"), row("27127", "三")].join("\n");
      const body = await expectErrorResponse(await upload(kita, file), "local.ward_full");
      expect(body.error.details).toEqual({ kind: "place", ward: "27127", limit: wardLimits.place });
      expect(await livePlaces()).toHaveLength(wardLimits.place - 2);
      expect(await (await upload(kita, [header, row("27127", "一"), row("27127", "二")].join("\n"))).json()).toEqual({
        created: 2,
        updated: 0,
        unchanged: 0,
      });
    });

    it("lets 20 concurrent adds fill the ward to its limit and no further", async () => {
      await fill("27127", wardLimits.place - 5);
      const { request, loginAs } = client();
      const kita = await loginAs("kita.staff");
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => request("POST", "/api/staff/local/places", kita, place({ name: `同時${i}` }))),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(5).fill(201), ...Array(15).fill(409)]);
      for (const refused of responses.filter((r) => r.status === 409)) await expectErrorResponse(refused, "local.ward_full");
      expect(await livePlaces()).toHaveLength(wardLimits.place);
    });

    it("checks a 5 MB file off the thread serving HTTP: a request sent meanwhile is answered before the import", async () => {
      const kita = await client().loginAs("kita.staff");
      // 5,000 rows of about 1 kB, the last of another ward: every row is read and checked, and the file is refused.
      const notes = "椅子を使って体を動かします。".repeat(20);
      const rows = Array.from({ length: 4999 }, (_, i) => row("27127", `扇町いきいき百歳体操${i}`, notes));
      const file = new TextEncoder().encode([header, ...rows, row("27128", "中央区の体操", notes)].join("\r\n"));
      expect(file.byteLength).toBeGreaterThan(4.5 * 1024 * 1024);
      expect(file.byteLength).toBeLessThan(5 * 1024 * 1024);
      const order: string[] = [];
      const importing = Promise.resolve(upload(kita, file)).then((response) => {
        order.push("import");
        return response;
      });
      // Sent once the import is under way (well after its request has been read), while its rows are checked.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const concurrent = await app.request("/api/wards");
      order.push("wards");
      expect(concurrent.status).toBe(200);
      const body = await expectErrorResponse(await importing, "import.invalid");
      expect(body.error.details).toEqual({ problems: [{ line: 5001, column: "全国地方公共団体コード", reason: "ward" }] });
      expect(order).toEqual(["wards", "import"]);
    });
  });
});
