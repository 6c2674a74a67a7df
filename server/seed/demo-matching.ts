/**
 * Demo policies (施策) and yearly indicators. The policies come from the chapters of the plan
 * (区政がめざす姿 令和5～8年度); each ward keeps most of them, a different few left out, so wards
 * differ in where need outruns coverage. The indicators are the plan's: residents who know their
 * 地域活動協議会 (全区平均 48.7 % in 2022, +10 points by 2026) and who feel the ward office handles
 * requests well (75.1 % in 2022; the +3 points target is the demo's). Earlier years are recorded
 * values as from the mailed surveys before the app; 2026 comes from each ward's survey in the app.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Theme } from "../../shared/surveys/model";
import type { DB } from "../platform/db/schema";

const planPolicies: { title: string; chapter: string; themes: Theme[] }[] = [
  { title: "地活協の運営・会計のデジタル化支援（Wi-Fi、オンライン会議、SNS）", chapter: "1(1)", themes: ["community", "service_dx"] },
  { title: "地活協の役割と活動の情報発信", chapter: "1(1)", themes: ["community"] },
  { title: "区政会議のオンライン開催とWeb傍聴", chapter: "1(2)ア", themes: ["community", "service_dx"] },
  { title: "町会加入促進（集合住宅・転入者への働きかけ）", chapter: "2(1)", themes: ["community", "disaster"] },
  { title: "NPO・企業とのラウンドテーブル", chapter: "2(2)", themes: ["community"] },
  { title: "個別避難計画の策定（避難行動要支援者）", chapter: "3(1)", themes: ["disaster", "welfare"] },
  { title: "区役所BCPの策定と区役所間相互応援", chapter: "3(1)", themes: ["disaster"] },
  { title: "「つながる場」の月次開催とアウトリーチ", chapter: "3(1)", themes: ["welfare"] },
  { title: "こども家庭センターによる妊娠期からの伴走支援", chapter: "3(1)", themes: ["childcare"] },
  { title: "妊娠期から子育て期の手続き情報のプッシュ型発信", chapter: "3(1)", themes: ["childcare", "service_dx"] },
  { title: "小学生の放課後学習塾", chapter: "3(1)", themes: ["education", "childcare"] },
  { title: "スクールカウンセラー・スクールソーシャルワーカーの増員", chapter: "3(1)", themes: ["education"] },
  { title: "通いの場（百歳体操・フレイル予防講座）の拡大", chapter: "3(1)", themes: ["health", "welfare"] },
  { title: "地域健康講座と特定健診の受診勧奨", chapter: "3(1)", themes: ["health"] },
  { title: "地域ごとのスマホ教室（ICTリテラシー）", chapter: "3(2)", themes: ["service_dx", "welfare"] },
  { title: "来庁不要サービスとスマート申請の拡充", chapter: "3(2)", themes: ["service_dx"] },
  { title: "空家対策とシェアサイクルの全区展開", chapter: "3(3)", themes: ["urban"] },
];

/** The demo's policies of the ward at `index` (0–23): all but three, which three depending on the ward. */
export function demoPolicies(index: number) {
  const left = new Set([index % planPolicies.length, (index * 5 + 3) % planPolicies.length, (index * 7 + 11) % planPolicies.length]);
  return planPolicies.filter((_, i) => !left.has(i));
}

export async function seedDemoPolicies(trx: Transaction<DB>, wardCodes: string[], now: string): Promise<void> {
  await trx
    .insertInto("policies")
    .values(
      wardCodes.flatMap((ward, index) =>
        demoPolicies(index).map((policy) => ({
          id: randomUUID(),
          wardCode: ward,
          title: policy.title,
          chapter: policy.chapter,
          themes: JSON.stringify(policy.themes),
          createdAt: now,
          updatedAt: now,
        })),
      ),
    )
    .execute();
}

const demoIndicators = [
  {
    name: "地域活動協議会を知っている住民の割合",
    questionId: "q1",
    optionIds: ["know"],
    baseline: 0.487,
    perYear: 0.008,
    targetPoints: 10,
  },
  {
    name: "区役所が相談や要望に適切に対応していると感じる区民の割合",
    questionId: "q2",
    optionIds: ["agree", "somewhat_agree"],
    baseline: 0.751,
    perYear: 0.004,
    targetPoints: 3,
  },
];

/** City-wide indicators; each ward's 2022–2025 values recorded (averaging the plan's baseline in 2022), 2026 its survey in the app. */
export async function seedDemoIndicators(trx: Transaction<DB>, sampledSurveyOf: Map<string, string>, now: string): Promise<void> {
  const wards = [...sampledSurveyOf.keys()];
  for (const indicator of demoIndicators) {
    const id = randomUUID();
    await trx
      .insertInto("indicators")
      .values({
        id,
        wardCode: null,
        name: indicator.name,
        questionId: indicator.questionId,
        optionIds: JSON.stringify(indicator.optionIds),
        baselineYear: 2022,
        targetYear: 2026,
        targetPoints: indicator.targetPoints,
        createdAt: now,
      })
      .execute();
    // Offsets that average to zero, so the 2022 全区平均 is the plan's figure.
    const offsets = wards.map((_, i) => 0.06 * Math.sin(i * 2.3 + indicator.baseline * 10));
    const mean = offsets.reduce((s, x) => s + x, 0) / offsets.length;
    const rows = wards.flatMap((ward, i) => {
      const start = indicator.baseline + (offsets[i] as number) - mean;
      const recorded = [2022, 2023, 2024, 2025].map((year, k) => ({
        indicatorId: id,
        wardCode: ward,
        year,
        surveyId: null,
        recordedShare: Math.round((start + k * indicator.perYear * (0.5 + ((i * 7 + k * 3) % 10) / 10)) * 1000) / 1000,
        recordedN: 320 + ((i * 37 + year) % 160),
      }));
      return [
        ...recorded,
        {
          indicatorId: id,
          wardCode: ward,
          year: 2026,
          surveyId: sampledSurveyOf.get(ward) as string,
          recordedShare: null,
          recordedN: null,
        },
      ];
    });
    await trx.insertInto("indicatorYears").values(rows).execute();
  }
}
