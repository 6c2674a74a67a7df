/**
 * The survey the benchmarks answer (bench-surveys.ts): ten questions like a 区民意識調査, answers and
 * profiles made from a number so every run sends the same mix, and the survey stored in a database.
 */
import { randomUUID } from "node:crypto";
import { openDatabase } from "../server/platform/db/database";
import { insertInto } from "../server/platform/db/write";
import { registry } from "../server/registry";
import type { Answers } from "../shared/surveys/answers";
import { ageBands, type Profile, type SurveyDefinition, yearsBands } from "../shared/surveys/model";
import { wardRecords } from "../shared/wards/data";

const t = (ja: string) => ({ ja });

/** A 10-question survey like a 区民意識調査: choices, a multiple choice, a rating, a number and a comment. */
export const benchSurvey: SurveyDefinition = {
  title: t("ベンチマーク調査"),
  description: t("性能測定用"),
  profile: ["ageBand", "area", "childrenUnder6", "yearsInWard"],
  questions: [
    ...Array.from({ length: 6 }, (_, i) => ({
      id: `q${i + 1}`,
      type: "single" as const,
      text: t(`質問${i + 1}`),
      required: true,
      themes: [],
      options: ["a", "b", "c", "d"].map((id) => ({ id, label: t(id), themes: [] })),
    })),
    {
      id: "q7",
      type: "multiple" as const,
      text: t("分野"),
      required: false,
      themes: [],
      min: 0,
      max: 3,
      options: ["childcare", "health", "disaster", "welfare", "community", "service_dx", "education", "urban"].map((id) => ({
        id,
        label: t(id),
        themes: [],
      })),
    },
    { id: "q8", type: "rating" as const, text: t("満足度"), required: false, themes: [], lowLabel: t("不満"), highLabel: t("満足") },
    { id: "q9", type: "number" as const, text: t("分"), required: false, themes: [], min: 0, max: 120, integer: true },
    { id: "q10", type: "text" as const, text: t("ご意見"), required: false, themes: [], maxLength: 1000, multiline: true },
  ],
};

const pick = <T>(items: readonly T[], i: number) => items[i % items.length] as T;

export function answersFor(n: number): Answers {
  const answers: Answers = {};
  for (let q = 1; q <= 6; q++) answers[`q${q}`] = { option: pick(["a", "b", "c", "d"], n * 7 + q * 3) };
  answers.q7 = {
    options: [pick(["childcare", "health", "disaster", "welfare"], n), pick(["community", "service_dx", "education", "urban"], n >> 2)],
  };
  answers.q8 = { value: 1 + (n % 5) };
  answers.q9 = { value: n % 60 };
  answers.q10 = { text: pick(["保育所を増やしてほしい", "防災訓練の案内を早めに", "公園を明るく"], n) };
  return answers;
}

export function profileFor(n: number, areaIds: string[]): Profile {
  return {
    ageBand: pick(ageBands, n >> 3),
    area: pick(areaIds, n >> 5),
    childrenUnder6: n % 6 === 0 ? "yes" : "no",
    yearsInWard: pick(yearsBands, n >> 7),
  };
}

export async function insertSurvey(file: string): Promise<{ surveyId: string; areaIds: string[] }> {
  const database = await openDatabase({ dialect: "sqlite", file }, registry);
  const surveyId = randomUUID();
  const areaIds = ["27127-01", "27127-02", "27127-03", "27127-04"];
  const now = new Date();
  await insertInto(
    database,
    "wards",
    wardRecords.filter((w) => w.code === "27127"),
  );
  await insertInto(
    database,
    "areas",
    areaIds.map((id, i) => ({
      id,
      wardCode: "27127",
      name: `地域${i}`,
      reading: "ちいき",
      nameEn: `Area ${i}`,
      population: 1000,
      sortOrder: i,
    })),
  );
  await insertInto(database, "surveys", [
    {
      id: surveyId,
      wardCode: "27127",
      kind: "poll",
      status: "open",
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: new Date(now.getTime() + 86_400_000).toISOString(),
      resultsPublic: 1,
      version: 1,
      definition: JSON.stringify(benchSurvey),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    },
  ]);
  await database.close();
  return { surveyId, areaIds };
}
