/**
 * Demo surveys with believable answers: every ward gets an open poll (results public) and a sampled
 * 区民意識調査 with invitation codes, the city a poll. Answers are drawn from a fixed-seed generator
 * and stored through the same code path as real responses, so the counts agree with the answers.
 * The printed demo codes are derived from a fixed key, so a restart can print them again.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Answers } from "../../shared/surveys/answers";
import { isVisible } from "../../shared/surveys/answers";
import { newInvitationCode } from "../../shared/surveys/invitation-code";
import { ageBands, type Profile, type SurveyDefinition, yearsBands } from "../../shared/surveys/model";
import { toJstIso } from "../../shared/time";
import { wardRecords } from "../../shared/wards/data";
import type { SurveyRules } from "../config";
import type { DB } from "../platform/db/schema";
import { storeResponse } from "../surveys/ingest";
import { responseKeyIn } from "../surveys/keys";
import { prepareResponse, sha256 } from "../surveys/prepare";
import { shuffled } from "../surveys/staff/letters";
import type { Tally } from "../surveys/tally";
import { cityPoll, residentSurvey, type WardNames, wardPoll } from "./surveys";

const day = 24 * 60 * 60 * 1000;
const seedRules: SurveyRules = {
  rateLimitPerMinute: 0,
  codeCheckPerMinute: 0,
  pollOnePerDevice: false,
  pollAnswersPerAddress: 0,
  minCell: 10,
  refreshHours: 24,
  letterBatchMin: 1,
};

/** The codes printed at start for a ward's sampled survey: derived, not stored in plain. */
export function demoInvitationCodes(wardCode: string, count = 3): string[] {
  return Array.from({ length: count }, (_, i) =>
    newInvitationCode(createHmac("sha256", "machikoe-demo-invitation").update(`${wardCode}:${i}`).digest()),
  );
}

/** A small deterministic generator (mulberry32), so the demo data is the same on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weighted = <T>(items: readonly T[], weight: (i: number) => number): T => {
    const weights = items.map((_, i) => weight(i));
    let r = next() * weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] as number;
      if (r <= 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  };
  return { next, weighted };
}
type Generator = ReturnType<typeof generator>;

const comments = [
  "保育所の空きをもっと増やしてほしいです。",
  "防災訓練の日程を早めに知らせてほしい。",
  "夜の公園が暗いので街灯を増やしてください。",
  "区役所の窓口の待ち時間が長いと感じます。",
  "高齢者の見守り活動を充実してほしい。",
  "オンラインでできる手続きを増やしてほしい。",
  "子育てサロンの情報をもっと発信してほしい。",
  "町会の活動内容がよくわからないので教えてほしい。",
];

function demoAnswers(definition: SurveyDefinition, g: Generator): Answers {
  const answers: Answers = {};
  for (const question of definition.questions) {
    if (!isVisible(question, answers)) continue;
    if (!question.required && g.next() < 0.12) continue;
    switch (question.type) {
      case "single":
        answers[question.id] = { option: g.weighted(question.options, (i) => 1 / (i + 1.2)).id };
        break;
      case "multiple": {
        const count = Math.max(question.min, Math.min(question.max, 1 + Math.floor(g.next() * question.max)));
        const chosen = new Set<string>();
        while (chosen.size < count) chosen.add(g.weighted(question.options, (i) => 1 / (i + 2)).id);
        answers[question.id] = { options: [...chosen] };
        break;
      }
      case "rating":
        answers[question.id] = { value: g.weighted([1, 2, 3, 4, 5], (i) => [1, 2, 4, 4, 2][i] as number) };
        break;
      case "number":
        answers[question.id] = { value: demoNumber(question, g.next()) };
        break;
      case "text":
        if (g.next() < 0.4) answers[question.id] = { text: g.weighted(comments, () => 1) };
        break;
    }
  }
  return answers;
}

function demoProfile(definition: SurveyDefinition, areaIds: string[], g: Generator): Profile {
  const profile: Profile = {};
  if (definition.profile.includes("ageBand")) profile.ageBand = g.weighted(ageBands, (i) => [1, 3, 4, 5, 5, 5, 4, 2][i] as number);
  if (definition.profile.includes("area") && areaIds.length > 0) profile.area = g.weighted(areaIds, () => 1);
  if (definition.profile.includes("childrenUnder6")) profile.childrenUnder6 = g.next() < 0.16 ? "yes" : "no";
  if (definition.profile.includes("yearsInWard")) profile.yearsInWard = g.weighted(yearsBands, (i) => [1, 3, 3, 3, 5][i] as number);
  return profile;
}

/**
 * A number answer from one draw: most within 30 of the minimum, one in ten from 50 up to the maximum (a
 * long walk to the shelter), so a question's upper ranges are small and get merged (disclosure-ranges.ts).
 */
function demoNumber(question: { min: number; max: number }, draw: number): number {
  const far = Math.min(question.max, question.min + 50);
  if (draw < 0.1) return Math.round(far + (draw / 0.1) * (question.max - far));
  return Math.round(question.min + ((draw - 0.1) / 0.9) * Math.min(30, question.max - question.min));
}

function names(ward: (typeof wardRecords)[number]): WardNames {
  return {
    ja: ward.name,
    "ja-easy": `{${ward.name}|${ward.reading}}`,
    en: `${ward.nameEn} Ward`,
    "zh-Hans": ward.nameZh,
    ko: ward.nameKo,
    vi: ward.nameVi,
  };
}

export interface DemoSurveySummary {
  surveys: number;
  responses: number;
  /** Each ward's sampled 区民意識調査 */
  sampledSurveyOf: Map<string, string>;
}

export async function seedDemoSurveys(
  trx: Transaction<DB>,
  tally: Tally,
  areasByWard: Map<string, string[]>,
  now = new Date(),
): Promise<DemoSurveySummary> {
  const g = generator(20261125);
  const key = await responseKeyIn(trx);
  let surveys = 0;
  let responses = 0;
  const sampledSurveyOf = new Map<string, string>();
  const add = async (
    wardCode: string | null,
    kind: "poll" | "sampled",
    definition: SurveyDefinition,
    opensDaysAgo: number,
    closesInDays: number,
  ) => {
    const id = randomUUID();
    const at = toJstIso(now);
    await trx
      .insertInto("surveys")
      .values({
        id,
        wardCode,
        kind,
        status: "open",
        opensAt: toJstIso(new Date(now.getTime() - opensDaysAgo * day)),
        closesAt: toJstIso(new Date(now.getTime() + closesInDays * day)),
        resultsPublic: kind === "poll" ? 1 : 0,
        version: 1,
        definition: JSON.stringify(definition),
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    surveys += 1;
    return id;
  };
  const answer = async (
    surveyId: string,
    kind: "poll" | "sampled",
    definition: SurveyDefinition,
    areaIds: string[],
    count: number,
    mode: "online" | "paper",
    codes: string[] = [],
  ) => {
    for (let i = 0; i < count; i++) {
      const submission = {
        surveyId,
        response: {
          id: uuidv7Like(g),
          answers: demoAnswers(definition, g),
          profile: demoProfile(definition, areaIds, g),
          invitationCode: codes[i],
        },
        clientAddress: "seed",
        mode,
        now,
      };
      await storeResponse(trx, tally, prepareResponse(seedRules, { id: surveyId, kind, version: 1, definition }, areaIds, submission, key));
      responses += 1;
    }
  };

  for (const ward of wardRecords) {
    const areaIds = areasByWard.get(ward.code) ?? [];
    const poll = wardPoll(names(ward));
    const pollId = await add(ward.code, "poll", poll, 7, 60);
    await answer(pollId, "poll", poll, areaIds, 30 + Math.floor(g.next() * 40), "online");

    const survey = residentSurvey(names(ward));
    const surveyId = await add(ward.code, "sampled", survey, 14, 45);
    sampledSurveyOf.set(ward.code, surveyId);
    // The letters: a batch of codes, a few of them printed for trying the app, some already answered online.
    const printed = demoInvitationCodes(ward.code);
    const mailed = Array.from({ length: 1000 }, (_, i) =>
      newInvitationCode(createHmac("sha256", "machikoe-demo-letters").update(`${ward.code}:${i}`).digest()),
    );
    await trx
      .insertInto("invitationCodes")
      .values(shuffled([...printed, ...mailed]).map((code) => ({ codeHash: sha256(code), surveyId, batchId: "demo", used: 0 })))
      .execute();
    await answer(surveyId, "sampled", survey, areaIds, 180, "online", mailed.slice(0, 180));
    await answer(surveyId, "sampled", survey, areaIds, 80, "paper");
  }
  const cityId = await add(null, "poll", cityPoll, 3, 30);
  await answer(cityId, "poll", cityPoll, [], 50, "online");
  return { surveys, responses, sampledSurveyOf };
}

/** A UUIDv7-shaped id from the demo generator (the client makes real ones from the clock). */
function uuidv7Like(g: Generator): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () =>
      Math.floor(g.next() * 16)
        .toString(16)
        .toString(),
    ).join("");
  return `${hex(8)}-${hex(4)}-7${hex(3)}-${"89ab"[Math.floor(g.next() * 4)]}${hex(3)}-${hex(12)}`;
}
