/**
 * 通いの場 as the standard's 住所 … 備考 columns and this app's own after them. A schedule is written
 * in 利用可能曜日 as 「火 14:00-15:00 第2,3,4,5週; 金 10:00-11:00」; a plain file with 利用可能曜日「火」
 * and 開始時間 / 終了時間 reads too. 休止日 holds dates and the words 年末年始 (12/29–1/3) and 祝日.
 */
import { type ClosedDayKind, closedDayKinds } from "../../../../shared/local/closed-days";
import type { ScheduleRule } from "../../../../shared/local/schedule";
import { type PlaceKind, placeKinds } from "../../../../shared/local/schemas";
import type { Input } from "../../input";
import { list, number, type Spec } from "./spec";

const kindNames: Record<PlaceKind, string> = {
  hyakusai: "いきいき百歳体操",
  kamikami: "かみかみ百歳体操",
  frailty: "フレイル予防教室",
  health_talk: "地域健康講座",
  salon: "ふれあい喫茶・サロン",
  kosodate_salon: "子育てサロン",
  smartphone: "スマホ教室",
  roundtable: "交流会・ラウンドテーブル",
};
const weekdays = ["日", "月", "火", "水", "木", "金", "土"];
/** In 休止日, beside dates: the kinds of days a place does not meet. */
const closedDayWords: Record<ClosedDayKind, string> = { yearEnd: "年末年始", holidays: "祝日" };

export function ruleText(rule: ScheduleRule): string {
  return `${weekdays[rule.weekday]} ${rule.start}-${rule.end}${rule.weeks ? ` 第${rule.weeks.join(",")}週` : ""}`;
}

/** Rules from 利用可能曜日; times missing from a rule come from 開始時間 / 終了時間. Null: unreadable. */
function parseRules(text: string, start: string, end: string): ScheduleRule[] | null {
  const rules: ScheduleRule[] = [];
  for (const part of list(text.normalize("NFKC"))) {
    const match = part.match(
      /^(?:毎週)?([日月火水木金土])(?:曜日?)?\s*(?:(\d{1,2}:\d{2})\s*[-〜~]\s*(\d{1,2}:\d{2}))?\s*(?:第([1-5](?:[,、・][1-5])*)週?)?$/,
    );
    if (!match) return null;
    const from = match[2] ?? start;
    const to = match[3] ?? end;
    if (!from || !to) return null;
    rules.push({
      weekday: weekdays.indexOf(match[1] as string),
      start: from.padStart(5, "0"),
      end: to.padStart(5, "0"),
      ...(match[4] ? { weeks: match[4].split(/[,、・]/).map(Number) } : {}),
    });
  }
  return rules;
}

export const placeSpec: Spec = {
  columns: [
    "住所",
    "方書",
    "緯度",
    "経度",
    "電話番号",
    "内線番号",
    "利用可能曜日",
    "開始時間",
    "終了時間",
    "定員",
    "料金",
    "連絡先名称",
    "URL",
    "備考",
    "種類",
    "地域ID",
    "対象",
    "バリアフリー",
    "対応言語",
    "休止日",
    "確認日",
  ],
  textColumn: "備考",
  required: ["名称", "住所", "緯度", "経度", "利用可能曜日", "種類"],
  fieldColumns: {
    ward: "全国地方公共団体コード",
    area: "地域ID",
    kind: "種類",
    name: "名称",
    nameKana: "名称_カナ",
    address: "住所",
    building: "方書",
    latitude: "緯度",
    longitude: "経度",
    schedule: "利用可能曜日",
    capacity: "定員",
    fee: "料金",
    audience: "対象",
    contactName: "連絡先名称",
    phone: "電話番号",
    url: "URL",
    barrierFree: "バリアフリー",
    languages: "対応言語",
    notes: "備考",
    confirmedOn: "確認日",
  },
  write: (item) => {
    const p = item as Extract<Input, { kind: PlaceKind }> & { id: string };
    return {
      名称: p.name,
      名称_カナ: p.nameKana,
      住所: p.address,
      方書: p.building,
      緯度: p.latitude,
      経度: p.longitude,
      電話番号: p.phone,
      利用可能曜日: p.schedule.rules.map(ruleText).join("; "),
      開始時間: p.schedule.rules[0]?.start ?? "",
      終了時間: p.schedule.rules[0]?.end ?? "",
      定員: p.capacity,
      料金: p.fee,
      連絡先名称: p.contactName,
      URL: p.url,
      備考: p.notes,
      種類: kindNames[p.kind],
      地域ID: p.area,
      対象: p.audience,
      バリアフリー: p.barrierFree,
      対応言語: p.languages.join(";"),
      休止日: [...(p.schedule.skip ?? []).map((kind) => closedDayWords[kind]), ...(p.schedule.except ?? [])].join(";"),
      確認日: p.confirmedOn,
    };
  },
  read: (cell) => {
    const kind = placeKinds.find((k) => k === cell("種類") || kindNames[k] === cell("種類"));
    const closed = list(cell("休止日"));
    const skip = closedDayKinds.filter((kind) => closed.includes(closedDayWords[kind]));
    const except = closed.filter((word) => !Object.values(closedDayWords).includes(word));
    return {
      area: cell("地域ID") || null,
      kind: kind ?? cell("種類"),
      name: cell("名称"),
      nameKana: cell("名称_カナ"),
      address: cell("住所"),
      building: cell("方書"),
      latitude: number(cell("緯度")),
      longitude: number(cell("経度")),
      schedule: {
        rules: parseRules(cell("利用可能曜日"), cell("開始時間"), cell("終了時間")) ?? [],
        ...(except.length ? { except } : {}),
        ...(skip.length ? { skip } : {}),
      },
      capacity: cell("定員") === "" ? null : number(cell("定員")),
      fee: cell("料金"),
      audience: cell("対象"),
      contactName: cell("連絡先名称"),
      phone: cell("電話番号"),
      url: cell("URL") || null,
      barrierFree: cell("バリアフリー"),
      languages: list(cell("対応言語")),
      notes: cell("備考"),
      confirmedOn: cell("確認日"),
    };
  },
};
