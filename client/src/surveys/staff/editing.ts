/**
 * The survey builder's model, apart from its screens: a survey to start from, a new question of
 * each type, the next free id, and a question with placeholders where nothing is written yet (so
 * every control of the preview has a name).
 */
import { locales } from "../../../../shared/locales/locales";
import type { LocalizedText, Question, QuestionType } from "../../../../shared/surveys/model";
import type { SurveyInput } from "../../../../shared/surveys/staff/editor";
import { toJstIso } from "../../../../shared/time";

export const questionTypes: QuestionType[] = ["single", "multiple", "rating", "number", "text"];
/** The languages offered beside Japanese. */
export const otherLocales = locales.filter((l) => l !== "ja");

export const blank = (ja = ""): LocalizedText => ({ ja });

export function newQuestion(type: QuestionType, id: string): Question {
  const base = { id, text: blank(), required: false, themes: [] };
  const twoOptions = [
    { id: "a", label: blank(), themes: [] },
    { id: "b", label: blank(), themes: [] },
  ];
  switch (type) {
    case "single":
      return { ...base, type, options: twoOptions };
    case "multiple":
      return { ...base, type, options: twoOptions, min: 0, max: 2 };
    case "rating":
      return { ...base, type, lowLabel: blank("不満"), highLabel: blank("満足") };
    case "number":
      return { ...base, type, min: 0, max: 100, integer: true };
    case "text":
      return { ...base, type, maxLength: 1000, multiline: true };
  }
}

/** The first of prefix1, prefix2 … not taken. */
export const nextId = (taken: string[], prefix: string): string => {
  for (let i = 1; ; i++) if (!taken.includes(`${prefix}${i}`)) return `${prefix}${i}`;
};

export interface EditorStart {
  id?: string;
  status: "draft" | "open" | "closed";
  version: number;
  input: SurveyInput;
}

/** A new draft: a poll of the staff member's ward, open from now for 30 days, with one choice question. */
export function emptySurvey(ward: string | null, now = Date.now()): EditorStart {
  return {
    status: "draft",
    version: 0,
    input: {
      ward,
      kind: "poll",
      resultsPublic: true,
      opensAt: toJstIso(new Date(now)),
      closesAt: toJstIso(new Date(now + 30 * 86_400_000)),
      definition: { title: blank(), description: blank(), questions: [newQuestion("single", "q1")], profile: ["ageBand", "area"] },
    },
  };
}

/** A copy whose empty Japanese texts read as the id they belong to: （q1）, （a）, （1）… */
export function withPlaceholders(question: Question): Question {
  const copy = structuredClone(question);
  const fill = (text: LocalizedText, id: string) => {
    if (!text.ja.trim()) text.ja = `（${id}）`;
  };
  fill(copy.text, copy.id);
  if ("options" in copy) for (const option of copy.options) fill(option.label, option.id);
  if (copy.type === "rating") {
    fill(copy.lowLabel, "1");
    fill(copy.highLabel, "5");
  }
  return copy;
}
