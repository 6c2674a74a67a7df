import { describe, expect, it } from "vitest";
import { type Answers, checkAnswers, describeIssues, isVisible, PaperAnswer, withNoAnswers, withoutHiddenAnswers } from "./answers";
import type { Question, SurveyDefinition } from "./model";

const ja = (text: string) => ({ ja: text });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: ja(id), themes: [] }));

/** One question of each type, and a follow-up shown only to those who chose "c" in q_single. */
function surveyDefinition(overrides: Partial<SurveyDefinition> = {}): SurveyDefinition {
  const questions: Question[] = [
    { id: "q_single", type: "single", text: ja("一つ"), required: true, themes: [], options: options("a", "b", "c") },
    {
      id: "q_single_other",
      type: "single",
      text: ja("一つ（その他あり）"),
      required: false,
      themes: [],
      options: options("a", "b"),
      other: { label: ja("その他"), maxLength: 10 },
    },
    {
      id: "q_multi",
      type: "multiple",
      text: ja("複数"),
      required: false,
      themes: [],
      options: options("x", "y", "z"),
      min: 2,
      max: 3,
      other: { label: ja("その他"), maxLength: 10 },
    },
    {
      id: "q_multi_plain",
      type: "multiple",
      text: ja("複数（その他なし）"),
      required: false,
      themes: [],
      options: options("x", "y"),
      min: 0,
      max: 2,
    },
    { id: "q_rating", type: "rating", text: ja("満足度"), required: false, themes: [], lowLabel: ja("不満"), highLabel: ja("満足") },
    { id: "q_number", type: "number", text: ja("人数"), required: false, themes: [], min: 0, max: 20, integer: true },
    { id: "q_decimal", type: "number", text: ja("距離"), required: false, themes: [], min: 0.5, max: 10, integer: false },
    { id: "q_text", type: "text", text: ja("ご意見"), required: false, themes: [], maxLength: 20, multiline: true },
    {
      id: "q_follow",
      type: "text",
      text: ja("「c」の理由"),
      required: true,
      themes: [],
      maxLength: 20,
      multiline: false,
      showIf: { question: "q_single", anyOf: ["c"] },
    },
  ];
  return { title: ja("調査"), description: ja("説明"), questions, profile: ["ageBand", "area"], ...overrides };
}

function questionOf(id: string): Question {
  const question = surveyDefinition().questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

/** Answers that fit surveyDefinition() with every question answered. */
function fullAnswers(overrides: Answers = {}): Answers {
  return {
    q_single: { option: "c" },
    q_single_other: { option: "other", other: "犬の散歩" },
    q_multi: { options: ["x"], other: "猫" },
    q_multi_plain: { options: ["y"] },
    q_rating: { value: 4 },
    q_number: { value: 3 },
    q_decimal: { value: 2.5 },
    q_text: { text: "よかった" },
    q_follow: { text: "近いから" },
    ...overrides,
  };
}

/** The issues of answers that fit apart from `overrides` (with the follow-up hidden unless q_single says "c"). */
function issuesWith(overrides: Answers) {
  return checkAnswers(surveyDefinition(), { q_single: { option: "a" }, ...overrides });
}

describe("checkAnswers", () => {
  it("finds nothing wrong with a full response that fits, profile included", () => {
    expect(checkAnswers(surveyDefinition(), fullAnswers(), { ageBand: "30s", area: "27127-01" }, ["27127-01", "27127-02"])).toEqual([]);
  });

  it("finds nothing wrong when only the required question is answered", () => {
    expect(checkAnswers(surveyDefinition(), { q_single: { option: "a" } })).toEqual([]);
  });

  it("reports a required question left unanswered", () => {
    expect(checkAnswers(surveyDefinition(), {})).toEqual([{ question: "q_single", code: "required" }]);
  });

  it("reports a required follow-up left unanswered once its condition is met", () => {
    expect(issuesWith({ q_single: { option: "c" } })).toEqual([{ question: "q_follow", code: "required" }]);
  });

  it("reports a required text answer of only spaces as missing", () => {
    expect(issuesWith({ q_single: { option: "c" }, q_follow: { text: "  " } })).toEqual([{ question: "q_follow", code: "required" }]);
  });

  it("reports an answer to a question the survey does not have", () => {
    expect(issuesWith({ q_nope: { text: "x" } })).toEqual([{ question: "q_nope", code: "unknown_question" }]);
  });

  it("reports an answer to a conditional question that is not shown", () => {
    expect(issuesWith({ q_follow: { text: "理由" } })).toEqual([{ question: "q_follow", code: "hidden_question" }]);
  });

  it("reports a profile field the survey does not ask", () => {
    expect(checkAnswers(surveyDefinition(), { q_single: { option: "a" } }, { yearsInWard: "lt1" })).toEqual([
      { question: "profile.yearsInWard", code: "unknown_question" },
    ]);
  });

  it.each<[string, Answers[string]]>([
    ["q_single", { options: ["a"] }],
    ["q_single", { value: 1 }],
    ["q_multi", { option: "x" }],
    ["q_multi", { text: "x" }],
    ["q_rating", { option: "a" }],
    ["q_rating", { text: "5" }],
    ["q_number", { text: "3" }],
    ["q_number", { options: ["x"] }],
    ["q_text", { value: 3 }],
    ["q_text", { option: "a" }],
  ])("reports an answer of the wrong shape to %s: %j", (question, answer) => {
    expect(issuesWith({ [question]: answer })).toEqual([{ question, code: "wrong_type" }]);
  });

  it("reports the same option chosen twice in a multiple-choice answer as the wrong shape", () => {
    expect(issuesWith({ q_multi: { options: ["x", "x", "y"] } })).toEqual([{ question: "q_multi", code: "wrong_type" }]);
  });

  it.each<[string, Answers[string]]>([
    ["q_single", { option: "d" }],
    ["q_single_other", { option: "c" }],
    ["q_multi", { options: ["x", "w"] }],
  ])("reports an option %s does not have: %j", (question, answer) => {
    expect(issuesWith({ [question]: answer })).toEqual([{ question, code: "unknown_option" }]);
  });

  describe("on a multiple-choice question with a minimum of 2 and a maximum of 3", () => {
    it("reports one choice as too few", () => {
      expect(issuesWith({ q_multi: { options: ["x"] } })).toEqual([{ question: "q_multi", code: "too_few" }]);
    });

    it("counts the other text as a choice towards the minimum", () => {
      expect(issuesWith({ q_multi: { options: ["x"], other: "猫" } })).toEqual([]);
    });

    it("does not count other text of only spaces as a choice", () => {
      expect(issuesWith({ q_multi: { options: ["x"], other: "  " } })).toEqual([{ question: "q_multi", code: "too_few" }]);
    });

    it("accepts all three options", () => {
      expect(issuesWith({ q_multi: { options: ["x", "y", "z"] } })).toEqual([]);
    });

    it("reports three options and an other text as too many", () => {
      expect(issuesWith({ q_multi: { options: ["x", "y", "z"], other: "猫" } })).toEqual([{ question: "q_multi", code: "too_many" }]);
    });

    it("reports other text over its maximum length", () => {
      expect(issuesWith({ q_multi: { options: ["x"], other: "あ".repeat(11) } })).toEqual([{ question: "q_multi", code: "too_long" }]);
    });
  });

  it("reports other text on a multiple-choice question without an other option", () => {
    expect(issuesWith({ q_multi_plain: { options: ["x"], other: "猫" } })).toEqual([
      { question: "q_multi_plain", code: "other_not_allowed" },
    ]);
  });

  it("reports other text given with a regular option of a single-choice question", () => {
    expect(issuesWith({ q_single_other: { option: "a", other: "猫" } })).toEqual([
      { question: "q_single_other", code: "other_not_allowed" },
    ]);
  });

  it("reports other text on a single-choice question without an other option", () => {
    expect(issuesWith({ q_single: { option: "b", other: "猫" } })).toEqual([{ question: "q_single", code: "other_not_allowed" }]);
  });

  it("reports choosing other on a single-choice question without an other option as an unknown option", () => {
    expect(issuesWith({ q_single: { option: "other", other: "猫" } })).toEqual([{ question: "q_single", code: "unknown_option" }]);
  });

  it("reports choosing other without its text as missing", () => {
    expect(issuesWith({ q_single_other: { option: "other" } })).toEqual([{ question: "q_single_other", code: "required" }]);
  });

  it("reports single-choice other text over its maximum length", () => {
    expect(issuesWith({ q_single_other: { option: "other", other: "あ".repeat(11) } })).toEqual([
      { question: "q_single_other", code: "too_long" },
    ]);
  });

  it.each([0, 6, 2.5, -1, Number.NaN])("reports a rating of %d as out of range", (value) => {
    expect(issuesWith({ q_rating: { value } })).toEqual([{ question: "q_rating", code: "out_of_range" }]);
  });

  it.each([1, 5])("accepts a rating of %d", (value) => {
    expect(issuesWith({ q_rating: { value } })).toEqual([]);
  });

  it.each([-1, 21, Number.POSITIVE_INFINITY])("reports a number of %d outside 0–20 as out of range", (value) => {
    expect(issuesWith({ q_number: { value } })).toEqual([{ question: "q_number", code: "out_of_range" }]);
  });

  it.each([0, 20])("accepts a number of %d at the end of its range", (value) => {
    expect(issuesWith({ q_number: { value } })).toEqual([]);
  });

  it("reports a fraction for a whole-number question", () => {
    expect(issuesWith({ q_number: { value: 2.5 } })).toEqual([{ question: "q_number", code: "not_integer" }]);
  });

  it("accepts a fraction for a number question that allows one, and refuses one under its minimum", () => {
    expect(issuesWith({ q_decimal: { value: 0.75 } })).toEqual([]);
    expect(issuesWith({ q_decimal: { value: 0.25 } })).toEqual([{ question: "q_decimal", code: "out_of_range" }]);
  });

  it("reports text over its maximum length, and accepts text of exactly that length", () => {
    expect(issuesWith({ q_text: { text: "あ".repeat(21) } })).toEqual([{ question: "q_text", code: "too_long" }]);
    expect(issuesWith({ q_text: { text: "あ".repeat(20) } })).toEqual([]);
  });

  it("reports a profile area that is not one of the ward's", () => {
    expect(checkAnswers(surveyDefinition(), { q_single: { option: "a" } }, { area: "27102-01" }, ["27127-01"])).toEqual([
      { question: "profile.area", code: "unknown_area" },
    ]);
  });

  it("reports every issue of a response, not just the first", () => {
    const issues = checkAnswers(surveyDefinition(), { q_rating: { value: 9 }, q_text: { value: 1 }, q_follow: { text: "x" } });

    expect(issues).toEqual(
      expect.arrayContaining([
        { question: "q_single", code: "required" },
        { question: "q_rating", code: "out_of_range" },
        { question: "q_text", code: "wrong_type" },
        { question: "q_follow", code: "hidden_question" },
      ]),
    );
    expect(issues).toHaveLength(4);
  });
});

describe("isVisible", () => {
  const follow = questionOf("q_follow");

  it("shows a question without a condition whatever the answers", () => {
    expect(isVisible(questionOf("q_text"), {})).toBe(true);
  });

  it("hides a conditional question until the question it depends on is answered", () => {
    expect(isVisible(follow, {})).toBe(false);
  });

  it("hides a conditional question when another option was chosen", () => {
    expect(isVisible(follow, { q_single: { option: "a" } })).toBe(false);
  });

  it("shows a conditional question when one of its options was chosen", () => {
    expect(isVisible(follow, { q_single: { option: "c" } })).toBe(true);
  });

  it("shows a question conditional on a multiple-choice question when any chosen option matches", () => {
    const question: Question = { ...follow, showIf: { question: "q_multi", anyOf: ["z"] } };

    expect(isVisible(question, { q_multi: { options: ["x", "z"] } })).toBe(true);
    expect(isVisible(question, { q_multi: { options: ["x", "y"] } })).toBe(false);
  });
});

describe("withoutHiddenAnswers", () => {
  it("drops the answer to a follow-up whose condition is no longer met", () => {
    const answers = fullAnswers({ q_single: { option: "b" } });

    const kept = withoutHiddenAnswers(surveyDefinition(), answers);

    expect(kept).not.toHaveProperty("q_follow");
    expect(Object.keys(kept).sort()).toEqual(
      Object.keys(answers)
        .filter((id) => id !== "q_follow")
        .sort(),
    );
  });

  it("keeps every answer when every question is shown", () => {
    const answers = fullAnswers();

    expect(withoutHiddenAnswers(surveyDefinition(), answers)).toEqual(answers);
  });

  it("drops answers to questions the survey does not have", () => {
    expect(withoutHiddenAnswers(surveyDefinition(), { q_single: { option: "a" }, q_nope: { text: "x" } })).toEqual({
      q_single: { option: "a" },
    });
  });

  it("leaves answers that then fit the survey", () => {
    const definition = surveyDefinition();

    expect(checkAnswers(definition, withoutHiddenAnswers(definition, fullAnswers({ q_single: { option: "a" } })))).toEqual([]);
  });
});

describe("無回答 on a paper form", () => {
  it("records every shown question left out as 無回答, a required one too, and gives a hidden one nothing (非該当)", () => {
    const definition = surveyDefinition();

    const recorded = withNoAnswers(definition, { q_single: { option: "a" }, q_text: { text: "  " }, q_multi_plain: { options: [] } });

    expect(recorded).toEqual({
      q_single: { option: "a" },
      q_single_other: { noAnswer: true },
      q_multi: { noAnswer: true },
      q_multi_plain: { noAnswer: true },
      q_rating: { noAnswer: true },
      q_number: { noAnswer: true },
      q_decimal: { noAnswer: true },
      q_text: { noAnswer: true },
    });
    expect(recorded).not.toHaveProperty("q_follow");
  });

  it("records a shown follow-up left blank as 無回答, though it is required", () => {
    const recorded = withNoAnswers(surveyDefinition(), { q_single: { option: "c" } });

    expect(recorded.q_follow).toEqual({ noAnswer: true });
    expect(checkAnswers(surveyDefinition(), recorded, {}, undefined, { paper: true })).toEqual([]);
  });

  it("leaves every question 無回答 when the whole form is blank, the required first question included", () => {
    const definition = surveyDefinition();

    const recorded = withNoAnswers(definition, {});

    expect(recorded.q_single).toEqual({ noAnswer: true });
    // Its condition is on an item left blank: the follow-up is 非該当, not 無回答.
    expect(recorded).not.toHaveProperty("q_follow");
    expect(checkAnswers(definition, recorded, {}, undefined, { paper: true })).toEqual([]);
  });

  it("refuses 無回答 online: a required question must be answered and nothing records 無回答 there", () => {
    const definition = surveyDefinition();
    const answers = { ...fullAnswers(), q_single: { noAnswer: true as const }, q_follow: undefined } as unknown as Answers;
    delete answers.q_follow;

    expect(checkAnswers(definition, answers)).toEqual([{ question: "q_single", code: "wrong_type" }]);
    expect(checkAnswers(definition, { ...fullAnswers(), q_rating: { noAnswer: true } } as unknown as Answers)).toEqual([
      { question: "q_rating", code: "wrong_type" },
    ]);
    // Online, a required question left out is still "required".
    expect(checkAnswers(definition, { q_single: { option: "a" } }).filter((i) => i.code === "required")).toEqual([]);
    expect(checkAnswers(definition, {})).toContainEqual({ question: "q_single", code: "required" });
  });

  it("refuses 無回答 recorded for a question hidden by its condition (非該当)", () => {
    const answers = { q_single: { option: "a" }, q_follow: { noAnswer: true as const } };

    expect(checkAnswers(surveyDefinition(), answers, {}, undefined, { paper: true })).toContainEqual({
      question: "q_follow",
      code: "hidden_question",
    });
  });

  it("still refuses a paper answer that does not fit", () => {
    const recorded = withNoAnswers(surveyDefinition(), { q_single: { option: "a" }, q_number: { value: 99 } });

    expect(checkAnswers(surveyDefinition(), recorded, {}, undefined, { paper: true })).toEqual([
      { question: "q_number", code: "out_of_range" },
    ]);
  });

  it("takes a 無回答 only as exactly itself: one that carries an option is refused, not read as that option", () => {
    expect(PaperAnswer.safeParse({ noAnswer: true }).success).toBe(true);
    expect(PaperAnswer.safeParse({ noAnswer: true, option: "a" }).success).toBe(false);
    expect(PaperAnswer.safeParse({ noAnswer: false }).success).toBe(false);
    expect(PaperAnswer.safeParse({ option: "a" }).success).toBe(true);
  });

  it("names each issue's question by its number and text", () => {
    const described = describeIssues(surveyDefinition(), [
      { question: "q_number", code: "out_of_range" },
      { question: "q_nope", code: "unknown_question" },
    ]);

    expect(described).toEqual([
      { question: "q_number", code: "out_of_range", number: 6, text: { ja: "人数" } },
      { question: "q_nope", code: "unknown_question" },
    ]);
  });
});
