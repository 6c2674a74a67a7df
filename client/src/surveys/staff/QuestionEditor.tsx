/** One question in the builder: its type, text, type's own settings, required, theme tags, condition, and its place in the list. */
import type { Locale } from "../../../../shared/locales/locales";
import { type Question, type QuestionType, themes } from "../../../../shared/surveys/model";
import { T, useT } from "../../app/i18n/T";
import { Choice, TextPair } from "./EditorFields";
import { newQuestion, questionTypes } from "./editing";
import { QuestionBody } from "./QuestionBody";
import { QuestionCondition } from "./QuestionCondition";

export function QuestionEditor({
  question,
  index,
  earlier,
  second,
  locked,
  onChange,
  onMove,
  onRemove,
  last,
}: {
  question: Question;
  index: number;
  /** The questions before it: a condition may only look back. */
  earlier: Question[];
  second: Locale;
  locked: boolean;
  onChange: (q: Question) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  last: boolean;
}) {
  const { plain } = useT();
  const set = (change: (q: Question) => void) => {
    const next = structuredClone(question);
    change(next);
    onChange(next);
  };
  return (
    <fieldset className="question-editor">
      <legend>
        <T k="staff:editor.questionN" values={{ n: index + 1, id: question.id }} />
      </legend>
      {!locked && (
        <Choice
          label="staff:editor.type"
          value={question.type}
          options={questionTypes.map((t) => ({ value: t, label: plain(`staff:editor.types.${t}`) }))}
          onChange={(type) =>
            onChange({
              ...newQuestion(type as QuestionType, question.id),
              text: question.text,
              required: question.required,
              themes: question.themes,
            })
          }
        />
      )}
      <TextPair
        label="staff:editor.questionText"
        value={question.text}
        second={second}
        multiline
        onChange={(text) => set((q) => (q.text = text))}
      />
      <QuestionBody question={question} second={second} locked={locked} set={set} />
      <label className="check">
        <input
          type="checkbox"
          checked={question.required}
          disabled={locked}
          onChange={(e) => set((q) => (q.required = e.target.checked))}
        />
        <T k="staff:editor.required" />
      </label>
      <fieldset>
        <legend>
          <T k="staff:editor.themes" />
        </legend>
        <div className="themes">
          {themes.map((theme) => (
            <label key={theme} className="check">
              <input
                type="checkbox"
                checked={question.themes.includes(theme)}
                onChange={(e) =>
                  set(
                    (q) =>
                      (q.themes = e.target.checked
                        ? themes.filter((t) => t === theme || q.themes.includes(t))
                        : q.themes.filter((t) => t !== theme)),
                  )
                }
              />
              <T k={`staff:editor.themeNames.${theme}`} />
            </label>
          ))}
        </div>
      </fieldset>
      <QuestionCondition question={question} earlier={earlier} locked={locked} set={set} />
      {!locked && (
        <div className="actions">
          {index > 0 && (
            <button type="button" className="button" onClick={() => onMove(-1)}>
              <T k="staff:editor.moveUp" values={{ n: index + 1 }} />
            </button>
          )}
          {!last && (
            <button type="button" className="button" onClick={() => onMove(1)}>
              <T k="staff:editor.moveDown" values={{ n: index + 1 }} />
            </button>
          )}
          <button type="button" className="button" onClick={onRemove}>
            <T k="staff:editor.removeQuestion" values={{ n: index + 1 }} />
          </button>
        </div>
      )}
    </fieldset>
  );
}
