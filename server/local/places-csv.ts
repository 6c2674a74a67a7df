/**
 * 通いの場 as CSV in the 自治体標準オープンデータセット columns (common head, then 住所 … 備考), with
 * this app's own columns after them (種類, 地域ID, 対象, …). A schedule is written in 利用可能曜日 as
 * 「火 14:00-15:00 第2,3,4,5週; 金 10:00-11:00」; a plain file with 利用可能曜日「火」 and 開始時間 /
 * 終了時間 reads too. Reading checks every row and reports each bad one with its line and column;
 * nothing is written unless every row is good.
 */

import { parseCsv } from "../../shared/csv";
import { Schedule, type ScheduleRule } from "../../shared/places/schedule";
import { type Place, type PlaceInput, PlaceInput as PlaceInputSchema, type PlaceKind, placeKinds } from "../../shared/places/schemas";
import { csvLine } from "../staff/export";

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

export const placeColumns = [
  "全国地方公共団体コード",
  "ID",
  "地方公共団体名",
  "名称",
  "名称_カナ",
  "名称_英語",
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
] as const;
type Column = (typeof placeColumns)[number];

/** Which column each field of a place is read from, for reporting a bad field by its column. */
const columnOf: Partial<Record<keyof PlaceInput, Column>> = {
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
};

export function ruleText(rule: ScheduleRule): string {
  return `${weekdays[rule.weekday]} ${rule.start}-${rule.end}${rule.weeks ? ` 第${rule.weeks.join(",")}週` : ""}`;
}

export function placesCsv(places: readonly Place[], wardName: (ward: string) => string): string {
  const lines = [csvLine([...placeColumns])];
  for (const p of places) {
    const first = p.schedule.rules[0];
    const row: Record<Column, string | number | null> = {
      全国地方公共団体コード: p.ward,
      ID: p.id,
      地方公共団体名: `大阪市${wardName(p.ward)}`,
      名称: p.name,
      名称_カナ: p.nameKana,
      名称_英語: "",
      住所: p.address,
      方書: p.building,
      緯度: p.latitude,
      経度: p.longitude,
      電話番号: p.phone,
      内線番号: "",
      利用可能曜日: p.schedule.rules.map(ruleText).join("; "),
      開始時間: first?.start ?? "",
      終了時間: first?.end ?? "",
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
      休止日: (p.schedule.except ?? []).join(";"),
      確認日: p.confirmedOn,
    };
    lines.push(csvLine(placeColumns.map((c) => row[c])));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export interface RowProblem {
  /** The line in the file (the header is line 1) */
  line: number;
  column: string | null;
  reason: "required" | "invalid" | "ward" | "duplicate" | "columns";
}

export interface ParsedPlace {
  line: number;
  id: string | null;
  input: PlaceInput;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseRules(text: string, start: string, end: string): ScheduleRule[] | null {
  const rules: ScheduleRule[] = [];
  for (const part of text
    .normalize("NFKC")
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = part.match(
      /^(?:毎週)?([日月火水木金土])(?:曜日?)?\s*(?:(\d{1,2}:\d{2})\s*[-〜~]\s*(\d{1,2}:\d{2}))?\s*(?:第([1-5](?:[,、・][1-5])*)週?)?$/,
    );
    if (!match) return null;
    const pad = (t: string) => t.padStart(5, "0");
    const from = match[2] ?? start;
    const to = match[3] ?? end;
    if (!from || !to) return null;
    rules.push({
      weekday: weekdays.indexOf(match[1] as string),
      start: pad(from),
      end: pad(to),
      ...(match[4] ? { weeks: match[4].split(/[,、・]/).map(Number) } : {}),
    });
  }
  return rules;
}

/** Reads a file of places. `mayWrite(ward)` says whether the uploader may write that ward's rows. */
export function readPlacesCsv(text: string, mayWrite: (ward: string) => boolean): { places: ParsedPlace[]; problems: RowProblem[] } {
  const [header, ...rows] = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ""));
  const problems: RowProblem[] = [];
  const index = new Map((header ?? []).map((name, i) => [name.trim(), i]));
  const missing = (["全国地方公共団体コード", "名称", "住所", "緯度", "経度", "利用可能曜日", "種類"] as const).filter(
    (c) => !index.has(c),
  );
  if (!header || missing.length > 0) {
    return { places: [], problems: (missing.length ? missing : ["名称"]).map((column) => ({ line: 1, column, reason: "columns" })) };
  }
  const places: ParsedPlace[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const cell = (column: Column) => (row[index.get(column) ?? -1] ?? "").trim();
    const rowProblems: RowProblem[] = [];
    const kindText = cell("種類");
    const kind = placeKinds.find((k) => k === kindText || kindNames[k] === kindText);
    const rules = parseRules(cell("利用可能曜日"), cell("開始時間"), cell("終了時間"));
    const number = (column: Column) => (cell(column) === "" ? Number.NaN : Number(cell(column).normalize("NFKC")));
    const languages = cell("対応言語")
      .split(/[;；,]/)
      .map((l) => l.trim())
      .filter(Boolean);
    const except = cell("休止日")
      .split(/[;；,]/)
      .map((d) => d.trim())
      .filter(Boolean);
    const candidate = {
      ward: cell("全国地方公共団体コード"),
      area: cell("地域ID") || null,
      kind: kind ?? kindText,
      name: cell("名称"),
      nameKana: cell("名称_カナ"),
      address: cell("住所"),
      building: cell("方書"),
      latitude: number("緯度"),
      longitude: number("経度"),
      schedule: { rules: rules ?? [], ...(except.length ? { except } : {}) },
      capacity: cell("定員") === "" ? null : number("定員"),
      fee: cell("料金"),
      audience: cell("対象"),
      contactName: cell("連絡先名称"),
      phone: cell("電話番号"),
      url: cell("URL") || null,
      barrierFree: cell("バリアフリー"),
      languages,
      notes: cell("備考"),
      confirmedOn: cell("確認日"),
    };
    const parsed = PlaceInputSchema.safeParse(candidate);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")));
      for (const field of fields) {
        const column = columnOf[field as keyof PlaceInput] ?? null;
        const empty = column !== null && cell(column) === "" && field !== "schedule";
        rowProblems.push({ line, column, reason: empty || (field === "schedule" && cell("利用可能曜日") === "") ? "required" : "invalid" });
      }
    } else if (!rules || !Schedule.safeParse(parsed.data.schedule).success) {
      rowProblems.push({ line, column: "利用可能曜日", reason: "invalid" });
    }
    if (parsed.success && !mayWrite(parsed.data.ward)) rowProblems.push({ line, column: "全国地方公共団体コード", reason: "ward" });
    const id = cell("ID");
    if (id && !uuid.test(id)) rowProblems.push({ line, column: "ID", reason: "invalid" });
    if (id && seen.has(id)) rowProblems.push({ line, column: "ID", reason: "duplicate" });
    if (id) seen.add(id);
    if (rowProblems.length > 0 || !parsed.success) problems.push(...rowProblems);
    else places.push({ line, id: id || null, input: parsed.data });
  });
  return { places, problems };
}
