/**
 * Respondents' profiles for weighted cross-tabs (issue 16): read once per snapshot when a weighted
 * cross-tab first asks, in the same order as their answers (joint.ts), and kept beside them as segments
 * ("age:30s", "area:27127-01") under profileId(field). Each row read is checked against the row its answers
 * came from: when they differ (a snapshot made between the two reads) there is no profile, and nothing is
 * weighted until the next reading.
 */
import { breakdowns, segmentFor } from "../../../shared/surveys/aggregates";
import type { Database } from "../../platform/db/database";
import { forEachPublished, type JointAnswers, type JointQuestion, keyHash, profileId } from "./joint";

const cache = new WeakMap<JointAnswers, Promise<JointAnswers | null>>();

/** The answers with every respondent's profile added, or null when the rows read differ from the answers'. */
export function withProfile(database: Database, surveyId: string, joint: JointAnswers): Promise<JointAnswers | null> {
  let read = cache.get(joint);
  if (!read) {
    const made = readProfiles(database, surveyId, joint);
    read = made;
    cache.set(joint, made);
    made.catch(() => {
      if (cache.get(joint) === made) cache.delete(joint);
    });
  }
  return read;
}

async function readProfiles(database: Database, surveyId: string, joint: JointAnswers): Promise<JointAnswers | null> {
  const { respondents } = joint;
  const fields = breakdowns.map((breakdown) => ({
    breakdown,
    question: { bits: new Map(), masks: new Uint32Array(respondents), answered: new Uint8Array(respondents) } as JointQuestion,
    bitOf: new Map<string, number>(),
  }));
  // Each distinct profile (a few thousand at most) parsed once: its bit in each field, −1 where not given.
  const parsed = new Map<string, Int8Array>();
  const bitsOf = (profile: string): Int8Array => {
    const out = new Int8Array(fields.length);
    let from = 0;
    fields.forEach((field, f) => {
      const end = profile.indexOf("\x1f", from);
      const value = profile.slice(from, end);
      from = end + 1;
      let bit = value ? field.bitOf.get(value) : -1;
      if (bit === undefined) {
        // Past 32 values a field's further values are not kept (as for a question's keys).
        bit = Math.min(field.question.bits.size, 32);
        if (bit < 32) field.question.bits.set(segmentFor(field.breakdown, value), bit);
        field.bitOf.set(value, bit);
      }
      out[f] = bit;
    });
    return out;
  };
  let inStep = true;
  const read = await forEachPublished(database, surveyId, "profile", respondents, (row, at) => {
    if (keyHash(row.key) !== joint.rowKeys[at]) {
      inStep = false;
      return false;
    }
    let bits = parsed.get(row.value);
    if (!bits) {
      bits = bitsOf(row.value);
      parsed.set(row.value, bits);
    }
    for (let f = 0; f < fields.length; f++) {
      const bit = bits[f] as number;
      if (bit < 0) continue;
      const question = (fields[f] as (typeof fields)[number]).question;
      question.answered[at] = 1;
      if (bit < 32) question.masks[at] = ((question.masks[at] as number) | (1 << bit)) >>> 0;
    }
  });
  if (!inStep || read < respondents) return null;
  return {
    ...joint,
    questions: new Map([...joint.questions, ...fields.map((f): [string, JointQuestion] => [profileId(f.breakdown), f.question])]),
  };
}
