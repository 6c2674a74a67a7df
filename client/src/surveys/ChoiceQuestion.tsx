/** A choice, several choices or a 1–5 rating: large radio and checkbox targets, with "other" and its text box. */
import type { ReactNode } from "react";
import type { Answer } from "../../../shared/surveys/answers";
import { localized, type Question } from "../../../shared/surveys/model";
import { RubyText } from "../app/i18n/ruby";
import { useT } from "../app/i18n/T";

/** The pieces every question type shows, and the ids that connect them. */
export interface QuestionParts {
  id: string;
  legend: ReactNode;
  hint: ReactNode;
  error: ReactNode;
  describedBy: string | undefined;
  invalid: true | undefined;
}

interface Props {
  question: Exclude<Question, { type: "text" | "number" }>;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  parts: QuestionParts;
}

export function ChoiceQuestion({ question, answer, onChange, parts }: Props) {
  const { locale, plain } = useT();
  const { id } = parts;
  const otherLabel = "other" in question && question.other ? localized(question.other.label, locale) : null;
  const options =
    question.type === "rating"
      ? [1, 2, 3, 4, 5].map((n) => ({
          id: String(n),
          label: n === 1 ? `1 ${localized(question.lowLabel, locale)}` : n === 5 ? `5 ${localized(question.highLabel, locale)}` : String(n),
        }))
      : question.options.map((o) => ({ id: o.id, label: localized(o.label, locale) }));

  const multiple = question.type === "multiple";
  const chosen = (optionId: string) => {
    if (!answer) return false;
    if ("option" in answer) return answer.option === optionId;
    if ("options" in answer) return optionId === "other" ? answer.other !== undefined : answer.options.includes(optionId);
    if ("value" in answer) return String(answer.value) === optionId;
    return false;
  };
  const choose = (optionId: string, checked: boolean) => {
    if (question.type === "rating") return onChange({ value: Number(optionId) });
    if (!multiple) return onChange(optionId === "other" ? { option: "other", other: "" } : { option: optionId });
    const current = answer && "options" in answer ? answer : { options: [] as string[] };
    if (optionId === "other") {
      const { other: _drop, ...rest } = current;
      return onChange(checked ? { ...rest, other: "" } : rest);
    }
    const options = checked ? [...current.options, optionId] : current.options.filter((o) => o !== optionId);
    return onChange({ ...current, options });
  };
  const otherText = answer && "other" in answer ? (answer.other ?? "") : "";
  const setOther = (text: string) => {
    if (!answer) return;
    if ("option" in answer) onChange({ option: "other", other: text });
    else if ("options" in answer) onChange({ ...answer, other: text });
  };
  const input = (value: string, label: string) => (
    <label key={value} className="choice-option">
      <input
        type={multiple ? "checkbox" : "radio"}
        name={id}
        value={value}
        checked={chosen(value)}
        onChange={(e) => choose(value, e.target.checked)}
      />
      <span>
        <RubyText text={label} />
      </span>
    </label>
  );

  return (
    <fieldset className={`question choice ${question.type === "rating" ? "rating" : ""}`} aria-describedby={parts.describedBy}>
      <legend className="question-text">{parts.legend}</legend>
      {parts.hint}
      {options.map((option) => input(option.id, option.label))}
      {otherLabel && (
        <>
          {input("other", otherLabel)}
          {chosen("other") && (
            <input
              type="text"
              className="other-text"
              aria-label={plain("surveys.question.other")}
              maxLength={"other" in question ? question.other?.maxLength : undefined}
              value={otherText}
              onChange={(e) => setOther(e.target.value)}
            />
          )}
        </>
      )}
      {parts.error}
    </fieldset>
  );
}
