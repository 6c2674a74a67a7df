import { describe, expect, it } from "vitest";
import { answeredKey, countsOf, noAnswerKey, responsesKey, segmentsOf } from "./aggregates";
import type { RecordedAnswers } from "./answers";
import type { Question, SurveyDefinition } from "./model";

const ja = (text: string) => ({ ja: text });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: ja(id), themes: [] }));

function surveyDefinition(): SurveyDefinition {
  const questions: Question[] = [
    { id: "q_single", type: "single", text: ja("一つ"), required: true, themes: [], options: options("a", "b") },
    {
      id: "q_multi",
      type: "multiple",
      text: ja("複数"),
      required: false,
      themes: [],
      options: options("x", "y", "z"),
      min: 0,
      max: 3,
      other: { label: ja("その他"), maxLength: 50 },
    },
    { id: "q_rating", type: "rating", text: ja("満足度"), required: false, themes: [], lowLabel: ja("不満"), highLabel: ja("満足") },
    { id: "q_number", type: "number", text: ja("人数"), required: false, themes: [], min: 0, max: 20, integer: true },
    { id: "q_text", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 200, multiline: true },
  ];
  return { title: ja("調査"), description: ja("説明"), questions, profile: ["ageBand", "area", "childrenUnder6", "yearsInWard"] };
}

/** Every count a response adds, as question|option|segment: each pair counts once in each segment. */
function countKeys(answers: RecordedAnswers, profile = {}, mode: "online" | "paper" = "online"): string[] {
  const { pairs, segments } = countsOf(surveyDefinition(), answers, profile, mode);
  return segments.flatMap((segment) => pairs.map((pair) => `${pair.replace("\u0000", "|")}|${segment}`));
}
const keysFor = (answers: RecordedAnswers, profile = {}, mode: "online" | "paper" = "online") => countKeys(answers, profile, mode).sort();

describe("segmentsOf", () => {
  it("gives all and the mode when no profile field is given", () => {
    expect(segmentsOf({}, "online")).toEqual(["all", "mode:online"]);
    expect(segmentsOf({}, "paper")).toEqual(["all", "mode:paper"]);
  });

  it("adds one segment for each profile field given", () => {
    expect(segmentsOf({ ageBand: "30s", area: "27127-01", childrenUnder6: "yes", yearsInWard: "1to5" }, "online").sort()).toEqual(
      ["all", "mode:online", "age:30s", "area:27127-01", "children:yes", "years:1to5"].sort(),
    );
  });

  it("adds only the profile fields given", () => {
    expect(segmentsOf({ childrenUnder6: "no" }, "paper").sort()).toEqual(["all", "children:no", "mode:paper"]);
  });
});

describe("countsOf", () => {
  it("counts a response with no answers once per segment", () => {
    expect(keysFor({}, { ageBand: "40s" })).toEqual(
      [`${responsesKey}|${answeredKey}|all`, `${responsesKey}|${answeredKey}|mode:online`, `${responsesKey}|${answeredKey}|age:40s`].sort(),
    );
  });

  it("counts each answered question once per segment, and the chosen option", () => {
    const segments = ["all", "mode:paper", "age:30s", "area:27127-01"];

    const keys = keysFor({ q_single: { option: "b" } }, { ageBand: "30s", area: "27127-01" }, "paper");

    expect(keys).toEqual(
      segments
        .flatMap((segment) => [`${responsesKey}|${answeredKey}|${segment}`, `q_single|${answeredKey}|${segment}`, `q_single|b|${segment}`])
        .sort(),
    );
  });

  it("counts every chosen option of a multiple-choice answer, and other when its text is given", () => {
    const keys = keysFor({ q_multi: { options: ["x", "z"], other: "猫" } });

    expect(keys.filter((k) => k.startsWith("q_multi|") && k.endsWith("|all"))).toEqual(
      [`q_multi|${answeredKey}|all`, "q_multi|x|all", "q_multi|z|all", "q_multi|other|all"].sort(),
    );
  });

  it("does not count other when its text is only spaces", () => {
    const keys = keysFor({ q_multi: { options: ["y"], other: "  " } });

    expect(keys.filter((k) => k.startsWith("q_multi|") && k.endsWith("|all"))).toEqual([`q_multi|${answeredKey}|all`, "q_multi|y|all"]);
  });

  it("counts a rating and a number under their value", () => {
    const keys = keysFor({ q_rating: { value: 4 }, q_number: { value: 12 } });

    expect(keys).toEqual(
      expect.arrayContaining(["q_rating|4|all", "q_rating|4|mode:online", "q_number|12|all", "q_number|12|mode:online"]),
    );
  });

  it("counts a text answer as answered only", () => {
    const keys = keysFor({ q_text: { text: "よかった" } });

    expect(keys.filter((k) => k.startsWith("q_text|"))).toEqual([`q_text|${answeredKey}|all`, `q_text|${answeredKey}|mode:online`]);
  });

  it("gives each (question, option, segment) at most once, however full the response", () => {
    const keys = countKeys(
      {
        q_single: { option: "a" },
        q_multi: { options: ["x", "y", "z"], other: "猫" },
        q_rating: { value: 5 },
        q_number: { value: 0 },
        q_text: { text: "x" },
      },
      { ageBand: "70s", area: "27127-02", childrenUnder6: "no", yearsInWard: "20plus" },
      "online",
    );

    expect(keys.length).toBeGreaterThan(6 * 6);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("countsOf with 無回答", () => {
  it("counts 無回答 under its own key and in the question's base, never under an option", () => {
    const keys = keysFor({ q_single: { noAnswer: true } }, {}, "paper").filter((k) => k.startsWith("q_single|"));

    expect(keys).toEqual([
      `q_single|${answeredKey}|all`,
      `q_single|${answeredKey}|mode:paper`,
      `q_single|${noAnswerKey}|all`,
      `q_single|${noAnswerKey}|mode:paper`,
    ]);
  });

  it("counts 無回答 of every type the same way: a number, a rating, a multiple choice and a text", () => {
    const answers: RecordedAnswers = {
      q_multi: { noAnswer: true },
      q_rating: { noAnswer: true },
      q_number: { noAnswer: true },
      q_text: { noAnswer: true },
    };

    const all = keysFor(answers, {}, "paper").filter((k) => k.endsWith("|all") && !k.startsWith(responsesKey));

    expect(all).toEqual(
      ["q_multi", "q_number", "q_rating", "q_text"].flatMap((q) => [`${q}|${answeredKey}|all`, `${q}|${noAnswerKey}|all`]).sort(),
    );
  });

  it("counts nothing for a question not in the answers (非該当)", () => {
    expect(keysFor({ q_single: { option: "a" } }, {}, "paper").some((k) => k.startsWith("q_text|"))).toBe(false);
  });
});
