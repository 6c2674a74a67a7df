/**
 * A response (回答) and its answers, and the one function that decides whether they fit a survey.
 * The client uses it before sending (review screen), the server before storing: the same rules.
 */
import { z } from "zod/mini";
import { OptionId, Profile, type Question, QuestionId, type SurveyDefinition } from "./model";

/** UUIDv7: made on the device with the draft, so every retry of one response carries the same id. */
export const ResponseId = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, "a UUIDv7"));

/** The server's own id for a stored response (UUIDv4, random): what staff screens and routes name, linked to nothing else. */
export const StoredResponseId = z.uuid();

export const ChoiceAnswer = z.object({ option: OptionId, other: z.optional(z.string().check(z.maxLength(500))) });
export const MultipleAnswer = z.object({
  options: z.array(OptionId).check(z.maxLength(30)),
  other: z.optional(z.string().check(z.maxLength(500))),
});
export const ValueAnswer = z.object({ value: z.number() });
export const TextAnswer = z.object({ text: z.string().check(z.maxLength(4000)) });
export const Answer = z.union([ChoiceAnswer, MultipleAnswer, ValueAnswer, TextAnswer]);
export type Answer = z.infer<typeof Answer>;
export type Answers = Record<string, Answer>;

/**
 * 無回答: an item a paper form left blank, recorded as such by staff (paper entry only: an online
 * resident answers or skips). It counts under its own key (noAnswerKey), never as an answer, and is
 * not 非該当: a question hidden by its condition gets nothing at all.
 */
export const NoAnswer = z.strictObject({ noAnswer: z.literal(true) });
export type NoAnswer = z.infer<typeof NoAnswer>;
/**
 * One item of a paper form: 無回答 or an answer, each exactly its own shape (strict), so a 無回答
 * carrying an option is refused rather than read as that option.
 */
export const PaperAnswer = z.union([
  NoAnswer,
  z.strictObject(ChoiceAnswer.shape),
  z.strictObject(MultipleAnswer.shape),
  z.strictObject(ValueAnswer.shape),
  z.strictObject(TextAnswer.shape),
]);
/** Answers as stored: a paper entry's may hold 無回答. */
export type RecordedAnswer = Answer | NoAnswer;
export type RecordedAnswers = Record<string, RecordedAnswer>;

export const isNoAnswer = (answer: RecordedAnswer | undefined): answer is NoAnswer => answer !== undefined && "noAnswer" in answer;

export const ResponseInput = z.object({
  id: ResponseId,
  answers: z.record(QuestionId, Answer),
  profile: Profile,
  /** The letter's code, for a sampled survey. */
  invitationCode: z.optional(z.string().check(z.maxLength(40))),
  /** The device's id, for a poll (one response per device). */
  deviceId: z.optional(z.uuid()),
  /**
   * A random secret made on the device with the response and sent with every try of it. The server
   * keeps only its keyed hash: a repeat that shows it gets the receipt again, any other only "already
   * received". Items queued before it existed have none.
   */
  secret: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, "a random secret (base64url)"))),
});
export type ResponseInput = z.infer<typeof ResponseInput>;

export const Receipt = z.object({
  /** The id the device sent (the server stores its own random id, and only a keyed hash of this one). */
  responseId: ResponseId,
  receiptCode: z.string(),
  /** The day it was received (YYYY-MM-DD, Japan time): no finer time is kept. */
  receivedAt: z.string(),
  /** true when this id had already been received: nothing was counted again. */
  duplicate: z.boolean(),
});
export type Receipt = z.infer<typeof Receipt>;

/** A repeat of a response already stored, from a sender that did not show the secret kept with it: no receipt, no time. */
export const AlreadyReceived = z.object({ status: z.literal("already_received") });
export type AlreadyReceived = z.infer<typeof AlreadyReceived>;

/** What sending a response answers: its receipt, or for an unproven repeat only that it was received. */
export const SendAnswer = z.union([Receipt, AlreadyReceived]);
export type SendAnswer = z.infer<typeof SendAnswer>;

export const answerIssueCodes = [
  "required",
  "unknown_question",
  "hidden_question",
  "wrong_type",
  "unknown_option",
  "too_few",
  "too_many",
  "out_of_range",
  "not_integer",
  "too_long",
  "other_not_allowed",
  "unknown_area",
] as const;
export type AnswerIssueCode = (typeof answerIssueCodes)[number];
export interface AnswerIssue {
  question: string;
  code: AnswerIssueCode;
}

/** An issue as staff read it: the question's number in the survey (1-based) and its text, beside its id. */
export interface DescribedIssue extends AnswerIssue {
  number?: number;
  text?: SurveyDefinition["questions"][number]["text"];
}

/** Names each issue's question by its number and text, so an error can say 「問3『…』」 rather than "q3". */
export function describeIssues(definition: SurveyDefinition, issues: readonly AnswerIssue[]): DescribedIssue[] {
  return issues.map((issue) => {
    const index = definition.questions.findIndex((q) => q.id === issue.question);
    const question = definition.questions[index];
    return question ? { ...issue, number: index + 1, text: question.text } : { ...issue };
  });
}

/** Whether a question is shown, given the answers so far (its condition, if any, is met). */
export function isVisible(question: Question, answers: RecordedAnswers): boolean {
  if (!question.showIf) return true;
  const answer = answers[question.showIf.question];
  // A condition on an item left blank (無回答) is not met: the question is 非該当.
  if (!answer || isNoAnswer(answer)) return false;
  const chosen = "option" in answer ? [answer.option] : "options" in answer ? answer.options : [];
  return chosen.some((option) => question.showIf?.anyOf.includes(option));
}

export function visibleQuestions(definition: SurveyDefinition, answers: RecordedAnswers): Question[] {
  return definition.questions.filter((question) => isVisible(question, answers));
}

/** Answers to questions that are not shown are dropped before sending. */
export function withoutHiddenAnswers(definition: SurveyDefinition, answers: Answers): Answers {
  const shown = new Set(visibleQuestions(definition, answers).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => shown.has(id)));
}

/** Nothing given: no answer, 無回答, an empty text, or no option ticked and no "other". */
export const isBlank = (answer: RecordedAnswer | undefined) =>
  answer === undefined ||
  isNoAnswer(answer) ||
  ("text" in answer && answer.text.trim() === "") ||
  ("options" in answer && answer.options.length === 0 && !answer.other?.trim());

/**
 * A paper form's answers as recorded: every question shown (given what was answered) that has no
 * answer becomes 無回答, a required one too; a blank item (no option, empty text) is 無回答 as well;
 * a question hidden by its condition (非該当) gets nothing. Whatever else was sent is kept for
 * checkAnswers to judge.
 */
export function withNoAnswers(definition: SurveyDefinition, answers: RecordedAnswers): RecordedAnswers {
  const given: RecordedAnswers = Object.fromEntries(Object.entries(answers).filter(([, answer]) => !isBlank(answer)));
  const recorded: RecordedAnswers = { ...given };
  for (const question of visibleQuestions(definition, given)) recorded[question.id] ??= { noAnswer: true };
  return recorded;
}

/** Every way the answers fail to fit the survey; empty when they fit. 無回答 is taken only when `paper` says so. */
export function checkAnswers(
  definition: SurveyDefinition,
  answers: RecordedAnswers,
  profile: Profile = {},
  areasOfWard?: readonly string[],
  { paper = false }: { paper?: boolean } = {},
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const byId = new Map(definition.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    const question = byId.get(id);
    if (!question) issues.push({ question: id, code: "unknown_question" });
    else if (!isVisible(question, answers)) issues.push({ question: id, code: "hidden_question" });
  }
  for (const question of visibleQuestions(definition, answers)) {
    const answer = answers[question.id];
    if (isNoAnswer(answer) && !paper) {
      // Only a paper form records 無回答: online, a required question is answered and an optional one left out.
      issues.push({ question: question.id, code: "wrong_type" });
      continue;
    }
    if (isBlank(answer)) {
      if (question.required && !paper) issues.push({ question: question.id, code: "required" });
      continue;
    }
    const issue = checkAnswer(question, answer as Answer);
    if (issue) issues.push({ question: question.id, code: issue });
  }
  for (const field of Object.keys(profile)) {
    if (!definition.profile.includes(field as (typeof definition.profile)[number]))
      issues.push({ question: `profile.${field}`, code: "unknown_question" });
  }
  if (profile.area && areasOfWard && !areasOfWard.includes(profile.area)) issues.push({ question: "profile.area", code: "unknown_area" });
  return issues;
}

function checkAnswer(question: Question, answer: Answer): AnswerIssueCode | null {
  switch (question.type) {
    case "single": {
      if (!("option" in answer)) return "wrong_type";
      if (answer.option === "other") {
        if (!question.other) return "unknown_option";
        if (!answer.other?.trim()) return "required";
        return answer.other.length > question.other.maxLength ? "too_long" : null;
      }
      if (!question.options.some((o) => o.id === answer.option)) return "unknown_option";
      return answer.other !== undefined ? "other_not_allowed" : null;
    }
    case "multiple": {
      if (!("options" in answer)) return "wrong_type";
      const known = new Set(question.options.map((o) => o.id));
      if (answer.options.some((o) => !known.has(o))) return "unknown_option";
      if (new Set(answer.options).size !== answer.options.length) return "wrong_type";
      if (answer.other !== undefined) {
        if (!question.other) return "other_not_allowed";
        if (answer.other.length > question.other.maxLength) return "too_long";
      }
      const count = answer.options.length + (answer.other?.trim() ? 1 : 0);
      if (count < question.min) return "too_few";
      if (count > question.max) return "too_many";
      return null;
    }
    case "rating":
      if (!("value" in answer)) return "wrong_type";
      return Number.isInteger(answer.value) && answer.value >= 1 && answer.value <= 5 ? null : "out_of_range";
    case "number":
      if (!("value" in answer)) return "wrong_type";
      if (!Number.isFinite(answer.value) || answer.value < question.min || answer.value > question.max) return "out_of_range";
      return question.integer && !Number.isInteger(answer.value) ? "not_integer" : null;
    case "text":
      if (!("text" in answer)) return "wrong_type";
      return answer.text.length > question.maxLength ? "too_long" : null;
  }
}
