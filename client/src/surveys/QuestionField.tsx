/**
 * One question on its own screen, by type: a text box or a number (here), large radio and checkbox
 * targets for choices and ratings (ChoiceQuestion.tsx). The question's text, hint and error are
 * made here once, with the ids that tie them to the inputs for screen readers.
 */
import { useId } from "react";
import type { Answer } from "../../../shared/surveys/answers";
import { localized, type Question } from "../../../shared/surveys/model";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { ChoiceQuestion, type QuestionParts } from "./ChoiceQuestion";

interface Props {
  question: Question;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  errorKey: string | null;
}

export function QuestionField({ question, answer, onChange, errorKey }: Props) {
  const { locale } = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const rangeHint = hintOf(question);
  const parts: QuestionParts = {
    id,
    describedBy: [question.help || rangeHint ? hintId : null, errorKey ? errorId : null].filter(Boolean).join(" ") || undefined,
    invalid: errorKey ? true : undefined,
    legend: (
      <>
        <RubyText text={localized(question.text, locale)} />{" "}
        <span className={question.required ? "badge required" : "badge"}>
          <T k={question.required ? "surveys.question.required" : "surveys.question.optional"} />
        </span>
      </>
    ),
    hint: (
      <p id={hintId} className="hint">
        {question.help && <RubyText text={localized(question.help, locale)} />}{" "}
        {rangeHint && <T k={rangeHint.key} values={rangeHint.values} />}
      </p>
    ),
    error: errorKey && (
      <p id={errorId} className="error" role="alert">
        <T k={errorKey} />
      </p>
    ),
  };
  if (question.type === "text" || question.type === "number")
    return <EntryQuestion question={question} answer={answer} onChange={onChange} parts={parts} />;
  return <ChoiceQuestion question={question} answer={answer} onChange={onChange} parts={parts} />;
}

function EntryQuestion({
  question,
  answer,
  onChange,
  parts,
}: {
  question: Extract<Question, { type: "text" | "number" }>;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  parts: QuestionParts;
}) {
  const { locale } = useT();
  const { id, describedBy, invalid } = parts;
  const value = answer && "text" in answer ? answer.text : answer && "value" in answer ? String(answer.value) : "";
  return (
    <div className="question">
      <label htmlFor={id} className="question-text">
        {parts.legend}
      </label>
      {parts.hint}
      {question.type === "text" ? (
        <>
          <p className="hint care" id={`${id}-care`}>
            <T k="surveys.question.sensitive" />
          </p>
          <textarea
            id={id}
            rows={question.multiline ? 6 : 2}
            maxLength={question.maxLength}
            value={value}
            aria-describedby={[describedBy, `${id}-care`].filter(Boolean).join(" ")}
            aria-invalid={invalid}
            onChange={(e) => onChange(e.target.value === "" ? undefined : { text: e.target.value })}
          />
          <p className="hint" aria-live="polite">
            <T k="surveys.question.charsLeft" values={{ count: question.maxLength - value.length }} />
          </p>
        </>
      ) : (
        <span className="number-input">
          <input
            id={id}
            type="number"
            inputMode={question.integer ? "numeric" : "decimal"}
            min={question.min}
            max={question.max}
            step={question.integer ? 1 : "any"}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => onChange(e.target.value === "" ? undefined : { value: Number(e.target.value) })}
          />
          {question.unit && <RubyText text={localized(question.unit, locale)} />}
        </span>
      )}
      {parts.error}
    </div>
  );
}

function hintOf(question: Question): { key: string; values: Record<string, number> } | null {
  if (question.type === "multiple")
    return question.min > 1
      ? { key: "surveys.question.chooseBetween", values: { min: question.min, max: question.max } }
      : { key: "surveys.question.chooseUpTo", values: { max: question.max } };
  if (question.type === "number") return { key: "surveys.question.numberHint", values: { min: question.min, max: question.max } };
  return null;
}
