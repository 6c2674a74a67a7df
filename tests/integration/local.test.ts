/**
 * Local life on each dialect: a ward's data as full and incremental sync (removals included), 町会
 * join requests stored once and read in the ward's inbox, staff changes within the ward, and the
 * CSV of 通いの場 — a bad row reported and nothing written, an export that imports back unchanged.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { purgeJoinRequests } from "../../server/local/staff/service";
import type { Database } from "../../server/platform/db/database";
import { parseCsv } from "../../shared/csv";
import { uuidv7 } from "../../shared/ids";
import { type AssociationInput, JoinReceipt, LocalChanges, type PlaceInput } from "../../shared/local/schemas";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { insertWards } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const place = (overrides: Partial<PlaceInput> = {}): PlaceInput => ({
  ward: "27127",
  area: "27127-01",
  kind: "hyakusai",
  name: "菅北いきいき百歳体操",
  nameKana: "すがきたいきいきひゃくさいたいそう",
  address: "大阪市北区菅栄町1-2",
  building: "菅北会館",
  latitude: 34.705,
  longitude: 135.51,
  schedule: { rules: [{ weekday: 2, start: "14:00", end: "15:00", weeks: [2, 3, 4, 5] }], except: ["2026-12-29"] },
  capacity: 30,
  fee: "無料",
  audience: "おおむね65歳以上の方",
  contactName: "北区役所 保健福祉課",
  phone: "06-1234-5678",
  url: "https://www.city.osaka.lg.jp/kita/",
  barrierFree: "段差なし",
  languages: ["en", "vi"],
  notes: '動きやすい服装で, "椅子" を使います',
  confirmedOn: "2026-10-01",
  ...overrides,
});

const association = (overrides: Partial<AssociationInput> = {}): AssociationInput => ({
  ward: "27127",
  area: "27127-01",
  name: "菅北東町会",
  nameKana: "",
  chome: ["菅北1丁目", "菅北2丁目"],
  activities: ["disaster_drill", "festival"],
  feeMinYen: 1200,
  feeMaxYen: 2400,
  howToJoin: "申込フォームから",
  notes: "",
  ...overrides,
});

describe.each(dialects)("local life", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, { bodyLimitBytes: 16 * 1024 });
      await insertWards(database, "27127", "27128");
      await insertStaff(database, ["kita.staff", "chuo.staff"]);
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    const request = (...args: Parameters<ReturnType<typeof jsonClient>["request"]>) => jsonClient(app).request(...args);
    const loginAs = (login: string) => jsonClient(app).loginAs(login);

    async function add(headers: Record<string, string>, kind: string, body: unknown): Promise<string> {
      const response = await request("POST", `/api/staff/local/${kind}`, headers, body);
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    }

    const sync = async (ward: string, since?: string) =>
      LocalChanges.parse(
        await (await request("GET", `/api/wards/${ward}/local${since ? `?since=${encodeURIComponent(since)}` : ""}`)).json(),
      );

    describe("sync", () => {
      it("gives a ward's data in full, then only what changed or went since", async () => {
        const staff = await loginAs("kita.staff");
        const first = await add(staff, "places", place());
        const second = await add(staff, "places", place({ name: "菅北ふれあい喫茶", kind: "salon" }));
        await add(await loginAs("chuo.staff"), "places", place({ ward: "27128", area: null, name: "中央区の体操" }));

        const full = await sync("27127");
        expect(full.full).toBe(true);
        expect(full.places.map((p) => p.name).sort()).toEqual(["菅北いきいき百歳体操", "菅北ふれあい喫茶"]);
        expect(full.places.find((p) => p.id === first)).toMatchObject(place());

        // The device asks again later: one place changed, one removed.
        await new Promise((resolve) => setTimeout(resolve, 5));
        const mark = new Date().toISOString();
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect((await request("PUT", `/api/staff/local/places/${first}`, staff, place({ fee: "100円" }))).status).toBe(204);
        expect((await request("DELETE", `/api/staff/local/places/${second}`, staff)).status).toBe(204);
        const changes = await sync("27127", mark);
        expect(changes.full).toBe(false);
        expect(changes.places.map((p) => [p.id, p.fee])).toEqual([[first, "100円"]]);
        expect(changes.removed).toEqual([{ kind: "place", id: second }]);
        // A full sync no longer has the removed place.
        expect((await sync("27127")).places.map((p) => p.id)).toEqual([first]);
      });
    });

    describe("join requests", () => {
      it("are stored once however often the phone sends them, and reach only the ward's inbox", async () => {
        const staff = await loginAs("kita.staff");
        const associationId = await add(staff, "associations", association());
        const body = { id: uuidv7(), name: "大阪 花子", contact: "090-0000-0000", address: "北区菅北1丁目3-4", message: "", consent: true };
        const first = await request("POST", `/api/associations/${associationId}/join-requests`, {}, body);
        expect(first.status).toBe(201);
        const receipt = JoinReceipt.parse(await first.json());
        const again = await request("POST", `/api/associations/${associationId}/join-requests`, {}, body);
        expect(JoinReceipt.parse(await again.json())).toEqual(receipt);
        expect(await database.db.selectFrom("joinRequests").select("id").execute()).toHaveLength(1);

        const inbox = (await (await request("GET", "/api/staff/local/join-requests", staff)).json()) as {
          requests: { id: string; name: string; status: string; associationName: string }[];
        };
        expect(inbox.requests).toMatchObject([{ id: body.id, name: "大阪 花子", status: "new", associationName: "菅北東町会" }]);
        expect((await request("PUT", `/api/staff/local/join-requests/${body.id}`, staff, { status: "contacted" })).status).toBe(204);

        const chuo = await loginAs("chuo.staff");
        await expectErrorResponse(await request("GET", "/api/staff/local/join-requests?ward=27127", chuo), "staff.forbidden");
        await expectErrorResponse(
          await request("PUT", `/api/staff/local/join-requests/${body.id}`, chuo, { status: "done" }),
          "local.not_found",
        );
        const stored = await database.db.selectFrom("joinRequests").select("status").executeTakeFirstOrThrow();
        expect(stored.status).toBe("contacted");
      });

      it("refuses a request without consent or to an unknown 町会, and keeps none of it", async () => {
        const associationId = await add(await loginAs("kita.staff"), "associations", association());
        const body = { id: uuidv7(), name: "大阪 花子", contact: "090-0000-0000", address: "北区", message: "" };
        await expectErrorResponse(await request("POST", `/api/associations/${associationId}/join-requests`, {}, body), "request.invalid");
        await expectErrorResponse(
          await request("POST", `/api/associations/${randomUUID()}/join-requests`, {}, { ...body, consent: true }),
          "associations.not_found",
        );
        expect(await database.db.selectFrom("joinRequests").select("id").execute()).toEqual([]);
      });

      it("clears the personal fields after the retention period, keeping the request's state", async () => {
        const associationId = await add(await loginAs("kita.staff"), "associations", association());
        const id = uuidv7();
        await request(
          "POST",
          `/api/associations/${associationId}/join-requests`,
          {},
          { id, name: "大阪 花子", contact: "090", address: "北区", message: "よろしく", consent: true },
        );
        expect(await purgeJoinRequests(database, 90, new Date(Date.now() + 89 * 86_400_000))).toBe(0);
        expect(await purgeJoinRequests(database, 90, new Date(Date.now() + 91 * 86_400_000))).toBe(1);
        const row = await database.db.selectFrom("joinRequests").selectAll().executeTakeFirstOrThrow();
        expect(row).toMatchObject({ id, name: null, contact: null, address: null, message: null, status: "new" });
        expect(row.purgedAt).not.toBeNull();
      });
    });

    describe("staff changes", () => {
      it("validate every item, stay within the ward, and change nothing when refused", async () => {
        const staff = await loginAs("kita.staff");
        await expectErrorResponse(await request("POST", "/api/staff/local/places", staff, place({ latitude: 99 })), "request.invalid");
        await expectErrorResponse(await request("POST", "/api/staff/local/places", staff, place({ area: "27128-01" })), "request.invalid");
        await expectErrorResponse(
          await request(
            "POST",
            "/api/staff/local/places",
            staff,
            place({ schedule: { rules: [{ weekday: 2, start: "15:00", end: "14:00" }] } }),
          ),
          "request.invalid",
        );
        await expectErrorResponse(
          await request("POST", "/api/staff/local/places", staff, place({ ward: "27128", area: null })),
          "staff.forbidden",
        );
        const chuoPlace = await add(await loginAs("chuo.staff"), "places", place({ ward: "27128", area: null, name: "中央区の体操" }));
        await expectErrorResponse(await request("PUT", `/api/staff/local/places/${chuoPlace}`, staff, place()), "local.not_found");
        await expectErrorResponse(await request("DELETE", `/api/staff/local/places/${chuoPlace}`, staff), "local.not_found");
        await expectErrorResponse(await request("GET", "/api/staff/local/places?ward=27128", staff), "staff.forbidden");
        expect((await sync("27127")).places).toEqual([]);
        expect((await sync("27128")).places.map((p) => p.name)).toEqual(["中央区の体操"]);
        const logged = await database.db.selectFrom("auditLog").select("action").where("target", "=", chuoPlace).execute();
        expect(logged.map((l) => l.action)).toEqual(["place.create"]);
      });
    });

    describe("CSV of 通いの場", () => {
      it("exports in the open-data columns and imports back unchanged", async () => {
        const staff = await loginAs("kita.staff");
        await add(staff, "places", place());
        await add(
          staff,
          "places",
          place({ name: "菅北子育てサロン", kind: "kosodate_salon", capacity: null, url: null, languages: [], phone: "" }),
        );
        const before = (await sync("27127")).places;

        const exported = await request("GET", "/api/staff/local/places/export.csv", staff);
        expect(exported.headers.get("content-type")).toContain("text/csv");
        const bytes = new Uint8Array(await exported.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
        const rows = parseCsv(csv);
        expect(rows[0]?.slice(0, 6)).toEqual(["全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "名称_英語"]);
        expect(rows.find((r) => r[3] === "菅北いきいき百歳体操")?.[12]).toBe("火 14:00-15:00 第2,3,4,5週");

        const imported = await request("POST", "/api/staff/local/places/import", staff, csv, "text/csv");
        expect(await imported.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
        expect((await sync("27127")).places).toEqual(before);
      });

      it("round-trips 町会, 地活協 and 区政会議 through CSV unchanged, the meeting in the event dataset's columns", async () => {
        const staff = await loginAs("kita.staff");
        await add(staff, "associations", association());
        await add(staff, "councils", {
          ward: "27127",
          area: "27127-01",
          name: "菅北地域活動協議会",
          activities: "防災訓練、見守り",
          projects: [{ year: 2025, title: "地域防災訓練", amountYen: 180000 }],
          contact: "北区役所 市民協働課",
          url: null,
        });
        await add(staff, "meetings", {
          ward: "27127",
          title: "第3回 北区区政会議",
          startsAt: "2026-12-15T19:00:00+09:00",
          endsAt: "2026-12-15T21:00:00+09:00",
          place: "北区役所",
          agenda: "1 運営方針\n2 意見交換",
          liveUrl: "https://www.city.osaka.lg.jp/kita/",
          recordingUrl: null,
          minutesUrl: null,
          pollSurveyId: null,
        });
        const before = await sync("27127");
        for (const kind of ["associations", "councils", "meetings"]) {
          const csv = await (await request("GET", `/api/staff/local/${kind}/export.csv`, staff)).text();
          const rows = parseCsv(csv);
          expect(rows[0]?.slice(0, 4), kind).toEqual(["全国地方公共団体コード", "ID", "地方公共団体名", "名称"]);
          if (kind === "meetings") expect(rows[1]?.slice(6, 10)).toEqual(["2026-12-15", "19:00", "2026-12-15", "21:00"]);
          const imported = await request("POST", `/api/staff/local/${kind}/import`, staff, csv, "text/csv");
          expect(await imported.json(), kind).toEqual({ created: 0, updated: 0, unchanged: 1 });
        }
        const after = await sync("27127");
        expect([after.associations, after.councils, after.meetings]).toEqual([before.associations, before.councils, before.meetings]);
      });

      it("reports a bad row with its line and column, and writes nothing until the file is clean", async () => {
        const staff = await loginAs("kita.staff");
        const header = "全国地方公共団体コード,ID,名称,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,確認日";
        const good = "27127,,扇町いきいき百歳体操,大阪市北区扇町2-1,34.706,135.513,火,14:00,15:00,いきいき百歳体操,2026-10-01";
        const bad = "27127,,扇町ふれあい喫茶,大阪市北区扇町2-2,134.7,135.513,水,13:30,15:30,ふれあい喫茶・サロン,2026-10-01";
        const otherWard = "27128,,中央区の体操,大阪市中央区,34.68,135.51,木,10:00,11:00,いきいき百歳体操,2026-10-01";
        const response = await request(
          "POST",
          "/api/staff/local/places/import",
          staff,
          [header, good, bad, otherWard].join("\n"),
          "text/csv",
        );
        const body = await expectErrorResponse(response, "import.invalid");
        expect(body.error.details).toEqual({
          problems: [
            { line: 3, column: "緯度", reason: "invalid" },
            { line: 4, column: "全国地方公共団体コード", reason: "ward" },
          ],
        });
        expect((await sync("27127")).places).toEqual([]);

        // Fixed, the same file imports; a plain 利用可能曜日 takes its times from 開始時間 and 終了時間.
        const fixed = await request(
          "POST",
          "/api/staff/local/places/import",
          staff,
          [header, good, bad.replace("134.7", "34.707")].join("\r\n"),
          "text/csv",
        );
        expect(await fixed.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
        const places = (await sync("27127")).places;
        expect(places.find((p) => p.name === "扇町いきいき百歳体操")?.schedule).toEqual({
          rules: [{ weekday: 2, start: "14:00", end: "15:00" }],
        });
      });
    });
  });
});
