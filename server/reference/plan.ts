/**
 * What the plan (大阪市 区政がめざす姿 令和5～8年度) itself states, copied into the repository so the
 * product never reads the plan at run time: the policies (施策) of its chapters, tagged with themes,
 * and its indicator with the baseline and target it gives. Nothing here is invented for the demo.
 */
import type { Theme } from "../../shared/surveys/model";

export interface PlanPolicy {
  /** Stable within the plan: the reference rows' ids are made from it, so a later start finds them. */
  key: string;
  title: string;
  chapter: string;
  themes: Theme[];
}

export const planPolicies: readonly PlanPolicy[] = [
  {
    key: "p01",
    title: "地活協の運営・会計のデジタル化支援（Wi-Fi、オンライン会議、SNS）",
    chapter: "1(1)",
    themes: ["community", "service_dx"],
  },
  { key: "p02", title: "地活協の役割と活動の情報発信", chapter: "1(1)", themes: ["community"] },
  { key: "p03", title: "区政会議のオンライン開催とWeb傍聴", chapter: "1(2)ア", themes: ["community", "service_dx"] },
  { key: "p04", title: "町会加入促進（集合住宅・転入者への働きかけ）", chapter: "2(1)", themes: ["community", "disaster"] },
  { key: "p05", title: "NPO・企業とのラウンドテーブル", chapter: "2(2)", themes: ["community"] },
  { key: "p06", title: "個別避難計画の策定（避難行動要支援者）", chapter: "3(1)", themes: ["disaster", "welfare"] },
  { key: "p07", title: "区役所BCPの策定と区役所間相互応援", chapter: "3(1)", themes: ["disaster"] },
  { key: "p08", title: "「つながる場」の月次開催とアウトリーチ", chapter: "3(1)", themes: ["welfare"] },
  { key: "p09", title: "こども家庭センターによる妊娠期からの伴走支援", chapter: "3(1)", themes: ["childcare"] },
  { key: "p10", title: "妊娠期から子育て期の手続き情報のプッシュ型発信", chapter: "3(1)", themes: ["childcare", "service_dx"] },
  { key: "p11", title: "小学生の放課後学習塾", chapter: "3(1)", themes: ["education", "childcare"] },
  { key: "p12", title: "スクールカウンセラー・スクールソーシャルワーカーの増員", chapter: "3(1)", themes: ["education"] },
  { key: "p13", title: "通いの場（百歳体操・フレイル予防講座）の拡大", chapter: "3(1)", themes: ["health", "welfare"] },
  { key: "p14", title: "地域健康講座と特定健診の受診勧奨", chapter: "3(1)", themes: ["health"] },
  { key: "p15", title: "地域ごとのスマホ教室（ICTリテラシー）", chapter: "3(2)", themes: ["service_dx", "welfare"] },
  { key: "p16", title: "来庁不要サービスとスマート申請の拡充", chapter: "3(2)", themes: ["service_dx"] },
  { key: "p17", title: "空家対策とシェアサイクルの全区展開", chapter: "3(3)", themes: ["urban"] },
];

/** The id of a ward's reference policy. */
export const planPolicyId = (wardCode: string, key: string) => `plan-${wardCode}-${key}`;

/**
 * The plan's indicator (めざす姿 1(1)): 地活協を知っている住民の割合, 令和4年度 (2022) 全区平均 48.7 %,
 * every ward +10 points or more by the end of 令和8年度 (2026). The plan states the baseline only as the
 * average of the wards, so no ward's own 2022 value is reference data.
 */
export const planIndicator = {
  id: "plan-chikatsukyo-known",
  name: "地域活動協議会を知っている住民の割合",
  questionId: "q1",
  optionIds: ["know"],
  baselineYear: 2022,
  /** 全区平均 in the baseline year, as the plan states it. */
  baselineAverage: 0.487,
  targetYear: 2026,
  targetPoints: 10,
} as const;

/** 区役所が相談や要望に適切に対応していると感じる区民の割合: the plan's 2022 figure (no target of the plan's). */
export const planWardOfficeShare2022 = 0.751;
