/**
 * Demo local life for all 24 wards: two 通いの場 per 地域 (百歳体操 most of all), three 町会 per 地域 with
 * the 丁目 they cover, one 地域活動協議会 per 地域 with its subsidised projects, and each ward's 区政会議 —
 * two held (recording and minutes) and one coming. Positions are near each ward's centre; links go
 * to the ward's real pages on the city's site.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { ScheduleRule } from "../../shared/local/schedule";
import type { AssociationInput, CouncilInput, MeetingInput, PlaceInput, PlaceKind } from "../../shared/local/schemas";
import { toJstIso } from "../../shared/time";
import type { WardRecord } from "../../shared/wards/data";
import type { DB } from "../platform/db/schema";

/** Approximate centres of the wards (latitude, longitude). */
const centres: Record<string, [number, number]> = {
  "27127": [34.705, 135.51],
  "27102": [34.712, 135.53],
  "27103": [34.695, 135.475],
  "27104": [34.683, 135.445],
  "27128": [34.681, 135.51],
  "27106": [34.676, 135.486],
  "27107": [34.662, 135.46],
  "27108": [34.64, 135.475],
  "27109": [34.658, 135.52],
  "27111": [34.657, 135.498],
  "27113": [34.71, 135.45],
  "27123": [34.733, 135.485],
  "27114": [34.745, 135.53],
  "27115": [34.67, 135.54],
  "27116": [34.65, 135.545],
  "27117": [34.725, 135.545],
  "27118": [34.7, 135.545],
  "27124": [34.705, 135.575],
  "27119": [34.63, 135.515],
  "27125": [34.61, 135.48],
  "27120": [34.605, 135.505],
  "27121": [34.62, 135.53],
  "27126": [34.615, 135.555],
  "27122": [34.635, 135.495],
};

interface AreaSeed {
  id: string;
  wardCode: string;
  name: string;
}

const placePlans: {
  kind: PlaceKind;
  title: (area: string) => string;
  rules: (n: number) => ScheduleRule[];
  fee: string;
  audience: string;
}[] = [
  {
    kind: "hyakusai",
    title: (area) => `${area}いきいき百歳体操`,
    rules: (n) => [
      {
        weekday: 1 + (n % 5),
        start: n % 2 ? "14:00" : "10:00",
        end: n % 2 ? "15:00" : "11:00",
        ...(n % 3 === 0 ? { weeks: [2, 3, 4, 5] } : {}),
      },
    ],
    fee: "無料",
    audience: "おおむね65歳以上の方",
  },
  {
    kind: "salon",
    title: (area) => `${area}ふれあい喫茶`,
    rules: (n) => [{ weekday: 1 + ((n + 2) % 5), start: "13:30", end: "15:30", weeks: [2, 4] }],
    fee: "100円（お茶代）",
    audience: "どなたでも",
  },
  {
    kind: "kamikami",
    title: (area) => `${area}かみかみ百歳体操`,
    rules: (n) => [{ weekday: 1 + ((n + 1) % 5), start: "10:30", end: "11:30" }],
    fee: "無料",
    audience: "おおむね65歳以上の方",
  },
  {
    kind: "kosodate_salon",
    title: (area) => `${area}子育てサロン`,
    rules: (n) => [{ weekday: 1 + ((n + 3) % 5), start: "10:00", end: "11:30", weeks: [1, 3] }],
    fee: "無料",
    audience: "就学前のお子さんと保護者",
  },
  {
    kind: "frailty",
    title: (area) => `${area}フレイル予防教室`,
    rules: (n) => [{ weekday: 1 + ((n + 4) % 5), start: "10:00", end: "11:30", weeks: [1] }],
    fee: "無料（要申込）",
    audience: "おおむね65歳以上の方",
  },
  {
    kind: "smartphone",
    title: (area) => `${area}スマホ教室`,
    rules: (n) => [{ weekday: 1 + (n % 5), start: "14:00", end: "16:00", weeks: [3] }],
    fee: "無料（要申込・貸出用スマホあり）",
    audience: "スマートフォンを使い始めた方",
  },
  {
    kind: "health_talk",
    title: (area) => `${area}地域健康講座`,
    rules: (n) => [{ weekday: 1 + ((n + 1) % 5), start: "14:00", end: "15:30", weeks: [2] }],
    fee: "無料",
    audience: "どなたでも",
  },
];

const activitiesText =
  "防災訓練、子どもの見守り、ふれあい喫茶、高齢者の食事会、地域の清掃、夏祭りなどを、町会・PTA・老人会・女性会などの団体が協力して行っています。";

/** Ward sites on the city's web site (the real paths). */
const wardSite = (ward: WardRecord) => `https://www.city.osaka.lg.jp/${ward.nameEn.toLowerCase()}/`;

export function demoLocal(wards: readonly WardRecord[], areas: readonly AreaSeed[], now: Date) {
  const places: PlaceInput[] = [];
  const associations: AssociationInput[] = [];
  const councils: CouncilInput[] = [];
  const meetings: MeetingInput[] = [];
  const confirmed = toJstIso(new Date(now.getTime() - 40 * 86_400_000)).slice(0, 10);
  for (const ward of wards) {
    const [lat, lon] = centres[ward.code] ?? [34.69, 135.5];
    const wardAreas = areas.filter((a) => a.wardCode === ward.code);
    wardAreas.forEach((area, i) => {
      const at = (k: number): [number, number] => [
        Math.round((lat + 0.012 * Math.sin(i * 1.7 + k)) * 1e5) / 1e5,
        Math.round((lon + 0.012 * Math.cos(i * 1.3 + k * 0.7)) * 1e5) / 1e5,
      ];
      // 百歳体操 in every 地域, and one more kind in turn.
      for (const [k, plan] of [placePlans[0], placePlans[1 + (i % (placePlans.length - 1))]].entries()) {
        if (!plan) continue;
        const [latitude, longitude] = at(k);
        places.push({
          ward: ward.code,
          area: area.id,
          kind: plan.kind,
          name: plan.title(area.name),
          nameKana: "",
          address: `大阪市${ward.name}${area.name}${1 + ((i + k) % 4)}丁目${2 + k}-${5 + i}`,
          building: k === 0 ? `${area.name}会館 集会室` : `${area.name}老人憩の家`,
          latitude,
          longitude,
          // The 会館 closes over 年末年始 and on holidays; the 憩の家 only over 年末年始.
          schedule: { rules: plan.rules(i + k), skip: k === 0 ? ["yearEnd", "holidays"] : ["yearEnd"] },
          capacity: k === 0 ? 30 : 20,
          fee: plan.fee,
          audience: plan.audience,
          contactName: `${ward.name}役所 保健福祉課`,
          phone: "",
          url: wardSite(ward),
          barrierFree: k === 0 ? "段差なし・車いす可" : "2階（エレベーターなし）",
          languages: plan.kind === "salon" && i % 2 === 0 ? ["en", "zh-Hans", "ko", "vi"] : [],
          notes: plan.kind === "hyakusai" ? "動きやすい服装でお越しください。椅子に座ってできる体操です。" : "",
          confirmedOn: confirmed,
        });
      }
      ["東", "西", "中"].forEach((side, j) => {
        associations.push({
          ward: ward.code,
          area: area.id,
          name: `${area.name}${side}町会`,
          nameKana: "",
          chome: [`${area.name}${j * 2 + 1}丁目`, `${area.name}${j * 2 + 2}丁目`],
          activities: [
            "disaster_drill",
            "watch",
            ...(j === 0
              ? (["festival", "newsletter"] as const)
              : j === 1
                ? (["cleanup", "elderly"] as const)
                : (["children", "sports"] as const)),
          ],
          feeMinYen: 1200 + j * 600,
          feeMaxYen: 2400 + j * 1200,
          howToJoin:
            "下の申込フォームから申し込むと、区役所から町会の担当者に伝え、担当者から連絡します。会費は月100〜300円ほどで、班ごとに集めます。",
          notes: "マンションにお住まいの方も加入できます。",
        });
      });
      councils.push({
        ward: ward.code,
        area: area.id,
        name: `${area.name}地域活動協議会`,
        activities: activitiesText,
        projects: [
          { year: 2025, title: "地域防災訓練と防災マップの作成", amountYen: 180_000 + i * 5000 },
          { year: 2025, title: "ふれあい喫茶・高齢者食事会", amountYen: 240_000 },
          { year: 2025, title: "子ども見守り活動", amountYen: 90_000 },
          { year: 2025, title: "夏祭り・地域運動会", amountYen: 320_000 },
        ],
        contact: `${ward.name}役所 市民協働課`,
        url: wardSite(ward),
      });
    });
    const day = 86_400_000;
    const meeting = (offsetDays: number, held: boolean, title: string): MeetingInput => {
      const start = new Date(Math.floor((now.getTime() + offsetDays * day) / day) * day + 10 * 3_600_000); // 19:00 JST
      return {
        ward: ward.code,
        title,
        startsAt: toJstIso(start),
        endsAt: toJstIso(new Date(start.getTime() + 2 * 3_600_000)),
        place: `${ward.name}役所 会議室（オンライン併用）`,
        agenda: "1 区の運営方針について\n2 区民意識調査の結果について\n3 意見交換",
        liveUrl: held ? null : wardSite(ward),
        recordingUrl: held ? wardSite(ward) : null,
        minutesUrl: held ? wardSite(ward) : null,
        pollSurveyId: null,
      };
    };
    meetings.push(
      meeting(-150, true, `令和8年度 第1回 ${ward.name}区政会議`),
      meeting(-40, true, `令和8年度 第2回 ${ward.name}区政会議`),
      meeting(20, false, `令和8年度 第3回 ${ward.name}区政会議`),
    );
  }
  return { places, associations, councils, meetings };
}

export async function seedDemoLocal(trx: Transaction<DB>, wards: readonly WardRecord[], areas: readonly AreaSeed[], now = new Date()) {
  const demo = demoLocal(wards, areas, now);
  const at = now.toISOString();
  const rows = <T extends { ward: string }>(items: T[]) =>
    items.map((item) => ({ id: randomUUID(), wardCode: item.ward, data: JSON.stringify(item), updatedAt: at, deletedAt: null }));
  for (let i = 0; i < demo.places.length; i += 200) {
    await trx
      .insertInto("places")
      .values(rows(demo.places.slice(i, i + 200)).map((row, k) => ({ ...row, kind: demo.places[i + k]?.kind as string })))
      .execute();
  }
  for (let i = 0; i < demo.associations.length; i += 200)
    await trx
      .insertInto("associations")
      .values(rows(demo.associations.slice(i, i + 200)))
      .execute();
  await trx.insertInto("councils").values(rows(demo.councils)).execute();
  await trx
    .insertInto("meetings")
    .values(rows(demo.meetings).map((row, k) => ({ ...row, startsAt: demo.meetings[k]?.startsAt as string })))
    .execute();
  return { places: demo.places.length, associations: demo.associations.length };
}
