/** One question on its own screen, by type: large radio, checkbox and number targets, a text box. */
import { useId } from "react";
import type { Answer } from "../../../shared/surveys/answers";
import { localized, type Question } from "../../../shared/surveys/model";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";

interface Props {
  question: Question;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  errorKey: string | null;
}

export function QuestionField({ question, answer, onChange, errorKey }: Props) {
  const { locale, plain } = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const rangeHint = hintOf(question);
  const describedBy = [question.help || rangeHint ? hintId : null, errorKey ? errorId : null].filter(Boolean).join(" ") || undefined;

  const legend = (
    <>
      <RubyText text={localized(question.text, locale)} />{" "}
      <span className={question.required ? "badge required" : "badge"}>
        <T k={question.required ? "surveys.question.required" : "surveys.question.optional"} />
      </span>
    </>
  );
  const hint = (
    <p id={hintId} className="hint">
      {question.help && <RubyText text={localized(question.help, locale)} />}{" "}
      {rangeHint && <T k={rangeHint.key} values={rangeHint.values} />}
    </p>
  );
  const error = errorKey && (
    <p id={errorId} className="error" role="alert">
      <T k={errorKey} />
    </p>
  );

  if (question.type === "text" || question.type === "number") {
    const value = answer && "text" in answer ? answer.text : answer && "value" in answer ? String(answer.value) : "";
    return (
      <div className="question">
        <label htmlFor={id} className="question-text">
          {legend}
        </label>
        {hint}
        {question.type === "text" ? (
          <>
            <textarea
              id={id}
              rows={question.multiline ? 6 : 2}
              maxLength={question.maxLength}
              value={value}
              aria-describedby={describedBy}
              aria-invalid={errorKey ? true : undefined}
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
              aria-invalid={errorKey ? true : undefined}
              onChange={(e) => onChange(e.target.value === "" ? undefined : { value: Number(e.target.value) })}
            />
            {question.unit && <RubyText text={localized(question.unit, locale)} />}
          </span>
        )}
        {error}
      </div>
    );
  }

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

  return (
    <fieldset className={`question choice ${question.type === "rating" ? "rating" : ""}`} aria-describedby={describedBy}>
      <legend className="question-text">{legend}</legend>
      {hint}
      {options.map((option) => (
        <label key={option.id} className="choice-option">
          <input
            type={multiple ? "checkbox" : "radio"}
            name={id}
            value={option.id}
            checked={chosen(option.id)}
            onChange={(e) => choose(option.id, e.target.checked)}
          />
          <span>
            <RubyText text={option.label} />
          </span>
        </label>
      ))}
      {otherLabel && (
        <>
          <label className="choice-option">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={id}
              value="other"
              checked={chosen("other")}
              onChange={(e) => choose("other", e.target.checked)}
            />
            <span>
              <RubyText text={otherLabel} />
            </span>
          </label>
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
      {error}
    </fieldset>
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
