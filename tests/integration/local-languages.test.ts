/**
 * Local data in six languages, on each dialect: translations of a 通いの場's name and text stored with the
 * row and sent to devices; the CSV's translation columns (名称_英語 … 備考_ベトナム語) exported and imported
 * back unchanged, formula-looking cells included, and a file without them accepted; furigana and the
 * name's kana and romaji made by the analyser on save, import and at start for rows stored before; a
 * staff correction of a reading kept on the next save and import, and made again when the text changed.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backfillReadings } from "../../server/local/backfill-readings";
import type { Database } from "../../server/platform/db/database";
import { insertRows } from "../../server/platform/db/write";
import { japaneseAnalyserRunning } from "../../server/platform/text/japanese";
import { parseCsv } from "../../shared/csv";
import { LocalChanges, type MeetingInput, type PlaceInput } from "../../shared/local/schemas";
import { plainText } from "../../shared/locales/ruby";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";
import { placeInput } from "../helpers/place-input";
import { insertWards } from "../helpers/rows";
import { insertStaff, jsonClient } from "../helpers/staff";

const place = (overrides: Partial<PlaceInput> = {}): PlaceInput => placeInput({ notes: "動きやすい服装で来てください", ...overrides });

describe.each(dialects)("local data in six languages", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: ReturnType<typeof testApp>;

    beforeEach(async () => {
      testDb = await dialect.open();
      database = testDb.database;
      app = testApp(database, { bodyLimitBytes: 64 * 1024 });
      await insertWards(database, "27127");
      await insertStaff(database, ["kita.staff"]);
    });
    afterEach(async () => {
      await testDb.cleanup();
    });

    const request = (...args: Parameters<ReturnType<typeof jsonClient>["request"]>) => jsonClient(app).request(...args);
    const staff = () => jsonClient(app).loginAs("kita.staff");
    async function add(headers: Record<string, string>, kind: string, body: unknown): Promise<string> {
      const response = await request("POST", `/api/staff/local/${kind}`, headers, body);
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    }
    const sync = async () => LocalChanges.parse(await (await request("GET", "/api/wards/27127/local")).json());
    const csvOf = async (headers: Record<string, string>, kind = "places") =>
      new TextDecoder().decode(await (await request("GET", `/api/staff/local/${kind}/export.csv`, headers)).arrayBuffer());

    it("makes furigana and the name's kana and romaji on save, and sends them with the translations", async () => {
      const headers = await staff();
      await add(headers, "places", place({ translations: { vi: { name: "Thể dục 100 tuổi Ogimachi", text: "" } } }));
      const [stored] = (await sync()).places;
      expect(stored?.furigana?.name).toBe("{扇町|おうぎまち}いきいき{百|ひゃく}{歳|さい}{体操|たいそう}");
      expect(stored?.furigana?.text).toContain("{服装|ふくそう}");
      expect(stored?.reading).toEqual({ kana: "オウギマチ イキイキ ヒャクサイ タイソウ", romaji: "Ougimachi Ikiiki Hyakusai Taisou" });
      // An empty translation is not kept: the page falls back to the Japanese.
      expect(stored?.translations).toEqual({ vi: { name: "Thể dục 100 tuổi Ogimachi" } });
    });

    it("reads the name from 名称_カナ when the ward gave it", async () => {
      await add(await staff(), "places", place({ name: "扇町体操", nameKana: "おうぎまち たいそう" }));
      expect((await sync()).places[0]?.reading).toEqual({ kana: "オウギマチ タイソウ", romaji: "Ougimachi Taisou" });
    });

    it("keeps a staff correction of a reading on the next save and import, and makes it again when the text changed", async () => {
      const headers = await staff();
      const id = await add(headers, "places", place({ name: "扇町体操" }));
      expect((await sync()).places[0]?.furigana?.name).toBe("{扇町|おうぎまち}{体操|たいそう}");
      const corrected = "{扇町|おうぎちょう}{体操|たいそう}";
      const edit = (body: PlaceInput) => request("PUT", `/api/staff/local/places/${id}`, headers, body);
      expect((await edit(place({ name: "扇町体操", furigana: { name: corrected } }))).status).toBe(204);
      expect((await sync()).places[0]?.furigana?.name).toBe(corrected);
      // Saved again without furigana (another field changed): the correction stays.
      expect((await edit(place({ name: "扇町体操", fee: "無料" }))).status).toBe(204);
      expect((await sync()).places[0]?.furigana?.name).toBe(corrected);
      // An import of the export keeps it too.
      const imported = await request("POST", "/api/staff/local/places/import", headers, await csvOf(headers), "text/csv");
      expect(await imported.json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect((await sync()).places[0]?.furigana?.name).toBe(corrected);
      // The name changed: its furigana is made again from the new text.
      expect((await edit(place({ name: "扇町の体操", furigana: { name: corrected } }))).status).toBe(204);
      expect((await sync()).places[0]?.furigana?.name).toBe("{扇町|おうぎまち}の{体操|たいそう}");
    });

    it("refuses markup that is too long or a translation past its limit", async () => {
      const headers = await staff();
      await expectErrorResponse(
        await request("POST", "/api/staff/local/places", headers, place({ translations: { en: { name: "x".repeat(201) } } })),
        "request.invalid",
      );
      expect((await sync()).places).toEqual([]);
    });

    it("exports the translation columns and imports them back unchanged, formula-looking cells included", async () => {
      const headers = await staff();
      await add(
        headers,
        "places",
        place({
          translations: {
            en: { name: "Ogimachi 100-year exercise", text: '=HYPERLINK("http://evil.test")' },
            "zh-Hans": { name: "扇町百岁体操" },
            ko: { name: "오기마치 백세 체조" },
            vi: { name: "Thể dục 100 tuổi", text: "+Mặc quần áo thoải mái" },
            "ja-easy": { name: "{扇町|おうぎまち}の たいそう" },
          },
        }),
      );
      await add(headers, "meetings", {
        ward: "27127",
        title: "第3回区政会議",
        startsAt: "2026-12-10T10:00:00+09:00",
        endsAt: "2026-12-10T12:00:00+09:00",
        place: "",
        agenda: "予算について",
        liveUrl: null,
        recordingUrl: null,
        minutesUrl: null,
        pollSurveyId: null,
        translations: { en: { name: "3rd ward council", text: "@the budget" } },
      } satisfies MeetingInput);
      const before = await sync();
      const csv = await csvOf(headers);
      const [header, row] = parseCsv(csv.replace(/^\uFEFF/, ""));
      const cellOf = (column: string) => row?.[header?.indexOf(column) ?? -1];
      expect(cellOf("名称_英語")).toBe("Ogimachi 100-year exercise");
      expect(cellOf("名称_中国語")).toBe("扇町百岁体操");
      expect(cellOf("名称_韓国語")).toBe("오기마치 백세 체조");
      expect(cellOf("名称_ベトナム語")).toBe("Thể dục 100 tuổi");
      expect(cellOf("名称_やさしい日本語")).toBe("{扇町|おうぎまち}の たいそう");
      // A cell Excel would run as a formula is written with the guard.
      expect(cellOf("備考_英語")).toBe('\'=HYPERLINK("http://evil.test")');
      expect(cellOf("備考_ベトナム語")).toBe("'+Mặc quần áo thoải mái");
      const meetingCsv = await csvOf(headers, "meetings");
      expect(parseCsv(meetingCsv.replace(/^\uFEFF/, ""))[0]).toContain("説明_英語");

      for (const [kind, text] of [
        ["places", csv],
        ["meetings", meetingCsv],
      ] as const) {
        const imported = await request("POST", `/api/staff/local/${kind}/import`, headers, text, "text/csv");
        expect(await imported.json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
      }
      expect(await sync()).toEqual({ ...before, syncedAt: expect.any(String) });
      expect((await sync()).places[0]?.translations?.en?.text).toBe('=HYPERLINK("http://evil.test")');
    });

    it("imports a file without the translation columns, and one with 名称_英語 alone, with furigana made for each row", async () => {
      const headers = await staff();
      const plain = [
        "全国地方公共団体コード,名称,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,確認日",
        "27127,北区子育てサロン,大阪市北区扇町2-1,34.706,135.513,火,10:00,11:30,子育てサロン,2026-10-01",
      ].join("\r\n");
      expect(await (await request("POST", "/api/staff/local/places/import", headers, plain, "text/csv")).json()).toEqual({
        created: 1,
        updated: 0,
        unchanged: 0,
      });
      const withEnglish = [
        "全国地方公共団体コード,名称,名称_英語,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,確認日",
        "27127,扇町体操,Ogimachi exercise,大阪市北区扇町2-1,34.706,135.513,木,10:00,11:00,いきいき百歳体操,2026-10-01",
      ].join("\r\n");
      await request("POST", "/api/staff/local/places/import", headers, withEnglish, "text/csv");
      const places = (await sync()).places.sort((a, b) => a.name.localeCompare(b.name, "ja"));
      const salon = places.find((p) => p.name === "北区子育てサロン");
      expect(salon?.translations).toEqual({});
      expect(salon?.furigana?.name).toBe("{北|きた}{区|く}{子育|こそだ}てサロン");
      expect(salon?.reading?.romaji).toBe("Kitaku Kosodate Saron");
      expect(places.find((p) => p.name === "扇町体操")?.translations).toEqual({ en: { name: "Ogimachi exercise" } });
    });

    it("names the column of a translation too long in a file, and writes nothing", async () => {
      const headers = await staff();
      const file = [
        "全国地方公共団体コード,名称,住所,緯度,経度,利用可能曜日,開始時間,終了時間,種類,確認日,名称_韓国語",
        `27127,扇町体操,大阪市北区扇町2-1,34.706,135.513,火,10:00,11:00,いきいき百歳体操,2026-10-01,${"가".repeat(201)}`,
      ].join("\r\n");
      const response = await request("POST", "/api/staff/local/places/import", headers, file, "text/csv");
      const body = (await expectErrorResponse(response, "import.invalid")) as { details?: { problems?: unknown[] } };
      expect(JSON.stringify(body)).toContain("名称_韓国語");
      expect((await sync()).places).toEqual([]);
    });

    it("adds readings at start to rows stored before them, once, and devices get them as a change", async () => {
      const id = randomUUID();
      const { furigana: _f, reading: _r, translations: _t, ...old } = place({ name: "中津町会の体操" });
      await database.write(insertRows, {
        table: "places",
        rows: [
          { id, wardCode: "27127", data: JSON.stringify(old), updatedAt: "2026-01-01T00:00:00.000Z", deletedAt: null, kind: "hyakusai" },
        ],
      });
      expect((await sync()).places[0]?.reading).toBeUndefined();
      expect(await backfillReadings(database)).toBe(1);
      // The analyser's thread (and its dictionary) is ended as soon as the readings are made.
      expect(japaneseAnalyserRunning()).toBe(false);
      const [after] = (await sync()).places;
      expect(after?.furigana?.name).toMatch(/^\{中津\|なかつ\}.+の\{体操\|たいそう\}$/);
      expect(after?.reading?.romaji).toMatch(/^Nakatsu.+ Taisou$/);
      expect((after?.updatedAt ?? "") > "2026-01-01T00:00:00.000Z").toBe(true);
      expect(await backfillReadings(database)).toBe(0);
    });

    it("gives each of many rows stored before readings its own, read many at a time", async () => {
      const towns = ["中津", "扇町", "天満", "梅田", "福島"];
      const rows = Array.from({ length: 230 }, (_, i) => {
        const {
          furigana: _f,
          reading: _r,
          translations: _t,
          ...old
        } = place({ name: `${towns[i % 5]}第${i}体操`, notes: `${towns[i % 5]}の集会所` });
        return {
          id: randomUUID(),
          wardCode: "27127",
          data: JSON.stringify(old),
          updatedAt: "2026-01-01T00:00:00.000Z",
          deletedAt: null,
          kind: "hyakusai",
        };
      });
      await database.write(insertRows, { table: "places", rows });
      expect(await backfillReadings(database)).toBe(230);
      const places = (await sync()).places;
      expect(places).toHaveLength(230);
      for (const read of places) {
        expect(plainText(read.furigana?.name ?? "")).toBe(read.name);
        expect(plainText(read.furigana?.text ?? "")).toBe(read.notes);
        expect(read.furigana?.name).toMatch(/\{体操\|たいそう\}$/);
        expect(read.reading?.romaji).toMatch(
          new RegExp(`^${["Nakatsu", "Ougimachi", "Tenma", "Umeda", "Fukushima"][towns.indexOf(read.name.slice(0, 2))]}`),
        );
      }
    });
  });
});
