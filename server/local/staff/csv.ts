/**
 * Local data as CSV in the 自治体標準オープンデータセット columns: the common head (全国地方公共団体コード,
 * ID, 地方公共団体名, 名称, 名称_カナ, 名称_英語), then each kind's columns — for 通いの場 the standard's
 * 住所 … 備考 and this app's own after them, for 区政会議 those of the event dataset (開始日, 開始時間 …).
 * A 通いの場 schedule is written in 利用可能曜日 as 「火 14:00-15:00 第2,3,4,5週; 金 10:00-11:00」; a plain
 * file with 利用可能曜日「火」 and 開始時間 / 終了時間 reads too. Reading checks every row with the same
 * rules as the forms and reports each bad one by line and column; nothing is written unless all are good.
 */
import { parseCsv } from "../../../shared/csv";
import type { ScheduleRule } from "../../../shared/local/schedule";
import { associationActivities, type PlaceKind, placeKinds } from "../../../shared/local/schemas";
import { toJstIso } from "../../../shared/time";
import { csvLine } from "../../surveys/staff/export";
import { checkInput, type Input } from "../input";
import type { LocalKind } from "../service";

type Cells = Record<string, string | number | null>;
type Item = Input & { id: string };

export interface RowProblem {
  /** The line in the file (the header is line 1) */
  line: number;
  column: string | null;
  reason: "required" | "invalid" | "ward" | "duplicate" | "columns";
}

export interface ParsedRow {
  line: number;
  id: string | null;
  input: Input;
}

interface Spec {
  /** The columns after the common head, in order */
  columns: readonly string[];
  /** Columns a file must have (beyond 全国地方公共団体コード) */
  required: readonly string[];
  /** The column each input field is read from, for naming a bad value */
  fieldColumns: Record<string, string>;
  write(item: Item): Cells;
  read(cell: (column: string) => string): Record<string, unknown>;
}

const head = ["全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "名称_英語"] as const;
const list = (text: string) =>
  text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
const number = (text: string) => (text === "" ? Number.NaN : Number(text.normalize("NFKC").replace(/,/g, "")));

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
const activityNames: Record<(typeof associationActivities)[number], string> = {
  disaster_drill: "防災訓練",
  watch: "見守り",
  festival: "夏祭り・行事",
  cleanup: "清掃",
  children: "子ども会",
  elderly: "高齢者の集い",
  sports: "運動会",
  newsletter: "回覧板",
};
const weekdays = ["日", "月", "火", "水", "木", "金", "土"];

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

const specs: Record<LocalKind, Spec> = {
  place: {
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
        休止日: (p.schedule.except ?? []).join(";"),
        確認日: p.confirmedOn,
      };
    },
    read: (cell) => {
      const kind = placeKinds.find((k) => k === cell("種類") || kindNames[k] === cell("種類"));
      const except = list(cell("休止日"));
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
  },
  association: {
    columns: ["地域ID", "区域", "活動", "年会費_下限", "年会費_上限", "加入方法", "備考"],
    required: ["名称", "区域"],
    fieldColumns: {
      ward: "全国地方公共団体コード",
      area: "地域ID",
      name: "名称",
      nameKana: "名称_カナ",
      chome: "区域",
      activities: "活動",
      feeMinYen: "年会費_下限",
      feeMaxYen: "年会費_上限",
      howToJoin: "加入方法",
      notes: "備考",
    },
    write: (item) => {
      const a = item as Extract<Input, { chome: string[] }> & { id: string };
      return {
        名称: a.name,
        名称_カナ: a.nameKana,
        地域ID: a.area,
        区域: a.chome.join(";"),
        活動: a.activities.map((x) => activityNames[x]).join(";"),
        年会費_下限: a.feeMinYen,
        年会費_上限: a.feeMaxYen,
        加入方法: a.howToJoin,
        備考: a.notes,
      };
    },
    read: (cell) => ({
      area: cell("地域ID") || null,
      name: cell("名称"),
      nameKana: cell("名称_カナ"),
      chome: list(cell("区域")),
      activities: list(cell("活動")).map((x) => associationActivities.find((k) => k === x || activityNames[k] === x) ?? x),
      feeMinYen: cell("年会費_下限") === "" ? 0 : number(cell("年会費_下限")),
      feeMaxYen: cell("年会費_上限") === "" ? 0 : number(cell("年会費_上限")),
      howToJoin: cell("加入方法"),
      notes: cell("備考"),
    }),
  },
  council: {
    columns: ["地域ID", "活動内容", "補助事業", "連絡先名称", "URL"],
    required: ["名称", "地域ID"],
    fieldColumns: {
      ward: "全国地方公共団体コード",
      area: "地域ID",
      name: "名称",
      activities: "活動内容",
      projects: "補助事業",
      contact: "連絡先名称",
      url: "URL",
    },
    write: (item) => {
      const c = item as Extract<Input, { projects: unknown[] }> & { id: string };
      return {
        名称: c.name,
        地域ID: c.area,
        活動内容: c.activities,
        // 年度:事業:金額; … — a project's title may not contain ; or :
        補助事業: c.projects.map((p) => `${p.year}:${p.title.replace(/[;:；：]/g, " ")}:${p.amountYen}`).join("; "),
        連絡先名称: c.contact,
        URL: c.url,
      };
    },
    read: (cell) => ({
      area: cell("地域ID"),
      name: cell("名称"),
      activities: cell("活動内容"),
      projects: list(cell("補助事業")).map((entry) => {
        const [year, title, amount] = entry.split(/[:：]/).map((s) => s.trim());
        return { year: number(year ?? ""), title: title ?? "", amountYen: number(amount ?? "") };
      }),
      contact: cell("連絡先名称"),
      url: cell("URL") || null,
    }),
  },
  meeting: {
    columns: ["開始日", "開始時間", "終了日", "終了時間", "場所名称", "説明", "配信URL", "録画URL", "会議録URL", "アンケートID"],
    required: ["名称", "開始日", "開始時間", "終了時間"],
    fieldColumns: {
      ward: "全国地方公共団体コード",
      title: "名称",
      startsAt: "開始日",
      endsAt: "終了時間",
      place: "場所名称",
      agenda: "説明",
      liveUrl: "配信URL",
      recordingUrl: "録画URL",
      minutesUrl: "会議録URL",
      pollSurveyId: "アンケートID",
    },
    write: (item) => {
      const m = item as Extract<Input, { startsAt: string }> & { id: string };
      const [start, end] = [toJstIso(new Date(m.startsAt)), toJstIso(new Date(m.endsAt))];
      return {
        名称: m.title,
        開始日: start.slice(0, 10),
        開始時間: start.slice(11, 16),
        終了日: end.slice(0, 10),
        終了時間: end.slice(11, 16),
        場所名称: m.place,
        説明: m.agenda,
        配信URL: m.liveUrl,
        録画URL: m.recordingUrl,
        会議録URL: m.minutesUrl,
        アンケートID: m.pollSurveyId,
      };
    },
    read: (cell) => {
      const time = (t: string) => t.normalize("NFKC").padStart(5, "0");
      const startDay = cell("開始日").normalize("NFKC").replaceAll("/", "-");
      const endDay = (cell("終了日") || cell("開始日")).normalize("NFKC").replaceAll("/", "-");
      return {
        title: cell("名称"),
        startsAt: `${startDay}T${time(cell("開始時間"))}:00+09:00`,
        endsAt: `${endDay}T${time(cell("終了時間"))}:00+09:00`,
        place: cell("場所名称"),
        agenda: cell("説明"),
        liveUrl: cell("配信URL") || null,
        recordingUrl: cell("録画URL") || null,
        minutesUrl: cell("会議録URL") || null,
        pollSurveyId: cell("アンケートID") || null,
      };
    },
  },
};

/** A ward's items as CSV for Excel: a byte-order mark, CRLF, formula-safe cells. */
export function localCsv(kind: LocalKind, items: readonly Item[], wardName: (ward: string) => string): string {
  const spec = specs[kind];
  const columns = [...head, ...spec.columns];
  const lines = [csvLine(columns)];
  for (const item of items) {
    const cells: Cells = {
      全国地方公共団体コード: item.ward,
      ID: item.id,
      地方公共団体名: `大阪市${wardName(item.ward)}`,
      ...spec.write(item),
    };
    lines.push(csvLine(columns.map((c) => cells[c] ?? "")));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads a file of one kind. `mayWrite(ward)` says whether the uploader may write that ward's rows. */
export function readLocalCsv(
  kind: LocalKind,
  text: string,
  mayWrite: (ward: string) => boolean,
): { rows: ParsedRow[]; problems: RowProblem[] } {
  const spec = specs[kind];
  const [header, ...lines] = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ""));
  const index = new Map((header ?? []).map((name, i) => [name.trim(), i]));
  const missing = ["全国地方公共団体コード", ...spec.required].filter((c) => !index.has(c));
  if (!header || missing.length > 0) return { rows: [], problems: missing.map((column) => ({ line: 1, column, reason: "columns" })) };
  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const lineNumber = i + 2;
    const cell = (column: string) => (line[index.get(column) ?? -1] ?? "").trim();
    const rowProblems: RowProblem[] = [];
    const checked = checkInput(kind, { ward: cell("全国地方公共団体コード"), ...spec.read(cell) });
    if (checked.input === null) {
      for (const field of new Set(checked.issues.map((issue) => issue.path[0] ?? ""))) {
        const column = spec.fieldColumns[field] ?? null;
        rowProblems.push({ line: lineNumber, column, reason: column !== null && cell(column) === "" ? "required" : "invalid" });
      }
    } else if (!mayWrite(checked.input.ward)) rowProblems.push({ line: lineNumber, column: "全国地方公共団体コード", reason: "ward" });
    const id = cell("ID");
    if (id && !uuid.test(id)) rowProblems.push({ line: lineNumber, column: "ID", reason: "invalid" });
    if (id && seen.has(id)) rowProblems.push({ line: lineNumber, column: "ID", reason: "duplicate" });
    if (id) seen.add(id);
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else if (checked.input) rows.push({ line: lineNumber, id: id || null, input: checked.input });
  });
  return { rows, problems };
}
