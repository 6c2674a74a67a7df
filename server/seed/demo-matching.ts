/**
 * Demo policies (施策) and yearly indicators. The policies are the plan's (reference data, server/reference);
 * the demo leaves a different few out in each ward, so wards differ in where need outruns coverage.
 * Indicators: the plan's (residents who know their 地域活動協議会, 全区平均 48.7 % in 2022, +10 points by
 * 2026) is reference data, the demo adds its yearly values; residents who feel the ward office handles
 * requests well (75.1 % in 2022, the plan's figure; the +3 points target is the demo's) is the demo's. Earlier years are recorded
 * values as from the mailed surveys before the app; 2026 comes from each ward's survey in the app.
 */
import type { Transaction } from "kysely";
import type { DB } from "../platform/db/schema";
import { type PlanPolicy, planIndicator, planPolicies, planPolicyId, planWardOfficeShare2022 } from "../reference/plan";

/** The plan's policies the ward at `index` (0–23) drops in the demo: three, which three depending on the ward. */
export function demoLeftOut(index: number): string[] {
  const n = planPolicies.length;
  return [...new Set([index % n, (index * 5 + 3) % n, (index * 7 + 11) % n])].map((i) => (planPolicies[i] as PlanPolicy).key);
}

/** The demo's policies of the ward at `index`: the plan's, but for the three it drops. */
export function demoPolicies(index: number) {
  const left = new Set(demoLeftOut(index));
  return planPolicies.filter((policy) => !left.has(policy.key));
}

/** Removes from each ward's reference policies the three the demo leaves out, so wards differ in coverage. */
export async function seedDemoPolicies(trx: Transaction<DB>, wardCodes: string[]): Promise<void> {
  const ids = wardCodes.flatMap((ward, index) => demoLeftOut(index).map((key) => planPolicyId(ward, key)));
  await trx.deleteFrom("policies").where("id", "in", ids).execute();
}

const demoIndicators = [
  // The plan's own, loaded as reference data: the demo adds only its yearly values.
  { ...planIndicator, baseline: planIndicator.baselineAverage, perYear: 0.008, reference: true },
  {
    id: "demo-ward-office",
    reference: false,
    name: "区役所が相談や要望に適切に対応していると感じる区民の割合",
    questionId: "q2",
    optionIds: ["agree", "somewhat_agree"],
    baseline: planWardOfficeShare2022,
    perYear: 0.004,
    targetPoints: 3,
  },
];

/** City-wide indicators; each ward's 2022–2025 values recorded (averaging the plan's baseline in 2022), 2026 its survey in the app. */
export async function seedDemoIndicators(trx: Transaction<DB>, sampledSurveyOf: Map<string, string>, now: string): Promise<void> {
  const wards = [...sampledSurveyOf.keys()];
  for (const indicator of demoIndicators) {
    const id = indicator.id;
    if (!indicator.reference)
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
