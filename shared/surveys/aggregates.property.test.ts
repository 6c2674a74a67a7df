/**
 * Properties of the running counts for any survey, any valid responses and any profile (the worked
 * examples are in aggregates.test.ts): each count is the number of respondents it names, a segment
 * counts exactly its part of the respondents. Suppression is disclosure.ts's, tested beside it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answeredKey, countsOf, responsesKey } from "./aggregates";
import { type Answer, type Answers, checkAnswers } from "./answers";
import { ageBands, type Profile, type Question, type SurveyDefinition, yearsBands } from "./model";

const ja = (text: string) => ({ ja: text });
/** Option ids as staff write them. "other" is left out: see the it.fails case at the end. */
const optionIds = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "yes", "no"), { minLength: 2, maxLength: 6 });
const other = fc.option(fc.constant({ label: ja("その他"), maxLength: 50 }), { nil: undefined });

const question = (id: string): fc.Arbitrary<Question> =>
  fc.oneof(
    fc.record({ ids: optionIds, other }).map(
      ({ ids, other }): Question => ({
        id,
        type: "single",
        text: ja(id),
        required: false,
        themes: [],
        options: ids.map((o) => ({ id: o, label: ja(o), themes: [] })),
        ...(other ? { other } : {}),
      }),
    ),
    fc.record({ ids: optionIds, other, min: fc.nat(2), extra: fc.nat(6) }).map(({ ids, other, min, extra }): Question => {
      const max = Math.max(1, Math.min(ids.length, min + extra));
      return {
        id,
        type: "multiple",
        text: ja(id),
        required: false,
        themes: [],
        options: ids.map((o) => ({ id: o, label: ja(o), themes: [] })),
        min: Math.min(min, max),
        max,
        ...(other ? { other } : {}),
      };
    }),
    fc.constant<Question>({ id, type: "rating", text: ja(id), required: false, themes: [], lowLabel: ja("不満"), highLabel: ja("満足") }),
    fc.constant<Question>({ id, type: "number", text: ja(id), required: false, themes: [], min: 0, max: 20, integer: true }),
    fc.constant<Question>({ id, type: "text", text: ja(id), required: false, themes: [], maxLength: 200, multiline: false }),
  );

const definition: fc.Arbitrary<SurveyDefinition> = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => question(`q${i + 1}`))).map((questions) => ({
    title: ja("調査"),
    description: ja("説明"),
    questions,
    profile: ["ageBand", "area", "childrenUnder6", "yearsInWard"],
  })),
);

/** A valid answer to the question, or none. */
function answer(q: Question): fc.Arbitrary<Answer | undefined> {
  const none = fc.constant(undefined);
  const otherText = fc.constantFrom("猫", "  ", "空き家");
  switch (q.type) {
    case "single":
      return fc.oneof(
        none,
        fc.constantFrom(...q.options.map((o) => o.id)).map((option) => ({ option })),
        ...(q.other ? [fc.constantFrom("猫", "空き家").map((text) => ({ option: "other", other: text }))] : []),
      );
    case "multiple":
      return fc.oneof(
        none,
        fc
          .record({
            options: fc.subarray(q.options.map((o) => o.id)),
            other: q.other ? fc.option(otherText, { nil: undefined }) : fc.constant(undefined),
          })
          .filter(({ options, other }) => {
            const count = options.length + (other?.trim() ? 1 : 0);
            return count >= Math.max(1, q.min) && count <= q.max;
          })
          .map(({ options, other }) => (other === undefined ? { options } : { options, other })),
      );
    case "rating":
      return fc.oneof(
        none,
        fc.integer({ min: 1, max: 5 }).map((value) => ({ value })),
      );
    case "number":
      return fc.oneof(
        none,
        fc.integer({ min: q.min, max: q.max }).map((value) => ({ value })),
      );
    case "text":
      return fc.oneof(
        none,
        fc.constantFrom("よかった", "駐輪場がほしい").map((text) => ({ text })),
      );
  }
}

const profile: fc.Arbitrary<Profile> = fc.record(
  {
    ageBand: fc.constantFrom(...ageBands),
    area: fc.constantFrom("27127-01", "27127-02"),
    childrenUnder6: fc.constantFrom("yes" as const, "no" as const),
    yearsInWard: fc.constantFrom(...yearsBands),
  },
  { requiredKeys: [] },
);

interface Response {
  answers: Answers;
  profile: Profile;
  mode: "online" | "paper";
}
const response = (def: SurveyDefinition): fc.Arbitrary<Response> =>
  fc.record({
    answers: fc
      .tuple(...def.questions.map(answer))
      .map((list) => Object.fromEntries(list.flatMap((a, i) => (a ? [[def.questions[i]?.id as string, a]] : [])))),
    profile,
    mode: fc.constantFrom("online" as const, "paper" as const),
  });
const surveyWithResponses = definition.chain((def) =>
  fc.record({ def: fc.constant(def), responses: fc.array(response(def), { maxLength: 25 }) }),
);

const key = (questionId: string, optionKey: string, segment: string) => `${questionId}|${optionKey}|${segment}`;
/** What a response adds: every (question, option) pair of countsOf in every segment, as the server's Tally adds them. */
function incrementsOf(def: SurveyDefinition, answers: Response["answers"], profile: Response["profile"], mode: Response["mode"]) {
  const { pairs, segments } = countsOf(def, answers, profile, mode);
  return segments.flatMap((segment) =>
    pairs.map((pair) => {
      const [questionId, optionKey] = pair.split("\u0000") as [string, string];
      return { questionId, optionKey, segment };
    }),
  );
}
function tally(def: SurveyDefinition, responses: readonly Response[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of responses)
    for (const inc of incrementsOf(def, r.answers, r.profile, r.mode)) {
      const k = key(inc.questionId, inc.optionKey, inc.segment);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  return counts;
}
/** The option keys a respondent chose, read straight from the answer. */
function chosen(a: Answer): string[] {
  if ("option" in a) return [a.option];
  if ("options" in a) return a.other?.trim() ? [...a.options, "other"] : a.options;
  if ("value" in a) return [String(a.value)];
  return [];
}

describe("response counts", () => {
  it("are made from answers the survey accepts (the generator makes valid ones)", () => {
    fc.assert(
      fc.property(surveyWithResponses, ({ def, responses }) =>
        responses.every((r) => checkAnswers(def, r.answers, r.profile, ["27127-01", "27127-02"]).length === 0),
      ),
    );
  });

  it("take at most one from a response for each (question, option, segment)", () => {
    fc.assert(
      fc.property(surveyWithResponses, ({ def, responses }) => {
        for (const r of responses) {
          const keys = incrementsOf(def, r.answers, r.profile, r.mode).map((i) => key(i.questionId, i.optionKey, i.segment));
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
    );
  });

  it("count, in all, the respondents, those who answered each question and those who chose each option", () => {
    fc.assert(
      fc.property(surveyWithResponses, ({ def, responses }) => {
        const counts = tally(def, responses);
        const expected = new Map<string, number>();
        const add = (k: string) => expected.set(k, (expected.get(k) ?? 0) + 1);
        for (const r of responses) {
          add(key(responsesKey, answeredKey, "all"));
          for (const [questionId, a] of Object.entries(r.answers)) {
            add(key(questionId, answeredKey, "all"));
            for (const option of chosen(a)) add(key(questionId, option, "all"));
          }
        }
        const inAll = new Map([...counts].filter(([k]) => k.endsWith("|all")));
        expect(inAll).toEqual(expected);
      }),
    );
  });

  it("count in a segment exactly what the segment's respondents alone would count in all", () => {
    const segmentOf: [string, (r: Response) => string | undefined][] = [
      ["mode", (r) => r.mode],
      ["age", (r) => r.profile.ageBand],
      ["area", (r) => r.profile.area],
      ["children", (r) => r.profile.childrenUnder6],
      ["years", (r) => r.profile.yearsInWard],
    ];
    fc.assert(
      fc.property(surveyWithResponses, ({ def, responses }) => {
        const counts = tally(def, responses);
        for (const [prefix, valueIn] of segmentOf) {
          const values = new Set(responses.map(valueIn).filter((v) => v !== undefined));
          for (const value of values) {
            const alone = tally(
              def,
              responses.filter((r) => valueIn(r) === value),
            );
            const segment = `${prefix}:${value}`;
            const inSegment = new Map(
              [...counts].filter(([k]) => k.endsWith(`|${segment}`)).map(([k, n]) => [k.replace(`|${segment}`, "|all"), n]),
            );
            expect(inSegment).toEqual(new Map([...alone].filter(([k]) => k.endsWith("|all"))));
          }
        }
      }),
    );
  });

  it("add up: the counts of two batches of responses are the counts of both together", () => {
    fc.assert(
      fc.property(surveyWithResponses, fc.nat(), ({ def, responses }, cut) => {
        const at = responses.length === 0 ? 0 : cut % (responses.length + 1);
        const [first, second] = [tally(def, responses.slice(0, at)), tally(def, responses.slice(at))];
        const summed = new Map(first);
        for (const [k, n] of second) summed.set(k, (summed.get(k) ?? 0) + n);
        expect(summed).toEqual(tally(def, responses));
      }),
    );
  });

  // A publishable survey may name an option "other" (OptionId allows it and definitionProblems does
  // not object), and a multiple-choice answer that picks it and writes an "other" text then counts
  // twice under (question, "other"). Remove .fails once "other" is reserved.
  it.fails("take one from a response that picks an option named other and writes an other text (known bug)", () => {
    const def: SurveyDefinition = {
      title: ja("調査"),
      description: ja("説明"),
      profile: [],
      questions: [
        {
          id: "q1",
          type: "multiple",
          text: ja("複数"),
          required: false,
          themes: [],
          options: ["a", "other"].map((o) => ({ id: o, label: ja(o), themes: [] })),
          min: 0,
          max: 2,
          other: { label: ja("その他"), maxLength: 50 },
        },
      ],
    };
    const answers: Answers = { q1: { options: ["other"], other: "猫" } };
    expect(checkAnswers(def, answers)).toEqual([]);
    const keys = incrementsOf(def, answers, {}, "online").map((i) => key(i.questionId, i.optionKey, i.segment));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
