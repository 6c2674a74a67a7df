/** 町会 (associations) and 地活協 (councils): their columns after the common head. */
import { associationActivities } from "../../../../shared/local/schemas";
import type { Input } from "../../input";
import { list, number, type Spec } from "./spec";

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
export const associationSpec: Spec = {
  columns: ["地域ID", "区域", "活動", "年会費_下限", "年会費_上限", "加入方法", "備考"],
  textColumn: "備考",
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
};

export const councilSpec: Spec = {
  columns: ["地域ID", "活動内容", "補助事業", "連絡先名称", "URL"],
  textColumn: "活動内容",
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
};
