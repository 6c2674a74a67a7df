/** What a question has besides its text, by type: the options of a choice, a rating's end labels, a number's range, a text's length. */
import type { Locale } from "../../../../shared/locales/locales";
import type { LocalizedText, Question } from "../../../../shared/surveys/model";
import { T } from "../../app/i18n/T";
import { NumberField, TextPair } from "./EditorFields";
import { blank, nextId } from "./editing";

interface BodyProps {
  question: Question;
  second: Locale;
  /** An open survey: wording only. */
  locked: boolean;
  /** Changes a copy of the question. */
  set: (change: (q: Question) => void) => void;
}

export function QuestionBody({ question, second, locked, set }: BodyProps) {
  if (question.type === "single" || question.type === "multiple")
    return <OptionsEditor question={question} second={second} locked={locked} set={set} />;
  if (question.type === "rating")
    return (
      <>
        <TextPair
          label="staff:editor.lowLabel"
          value={question.lowLabel}
          second={second}
          onChange={(v) =>
            set((q) => {
              if (q.type === "rating") q.lowLabel = v;
            })
          }
        />
        <TextPair
          label="staff:editor.highLabel"
          value={question.highLabel}
          second={second}
          onChange={(v) =>
            set((q) => {
              if (q.type === "rating") q.highLabel = v;
            })
          }
        />
      </>
    );
  if (question.type === "number") return <Range min={question.min} max={question.max} locked={locked} set={set} />;
  return (
    <NumberField
      label="staff:editor.maxLength"
      value={question.maxLength}
      disabled={locked}
      onChange={(n) =>
        set((q) => {
          if (q.type === "text") q.maxLength = n;
        })
      }
    />
  );
}

/** The least and most of a number question, or how many options a multiple-choice question takes. */
function Range({ min, max, locked, set }: { min: number; max: number; locked: boolean; set: BodyProps["set"] }) {
  const bound = (which: "min" | "max") => (n: number) =>
    set((q) => {
      if (q.type === "number" || q.type === "multiple") q[which] = n;
    });
  return (
    <div className="row">
      <NumberField label="staff:editor.min" value={min} disabled={locked} onChange={bound("min")} />
      <NumberField label="staff:editor.max" value={max} disabled={locked} onChange={bound("max")} />
    </div>
  );
}

function OptionsEditor({ question, second, locked, set }: BodyProps & { question: Extract<Question, { options: unknown }> }) {
  const add = () =>
    set(
      (q) =>
        "options" in q &&
        q.options.push({
          id: nextId(
            q.options.map((o) => o.id),
            "o",
          ),
          label: blank(),
          themes: [],
        }),
    );
  return (
    <fieldset>
      <legend>
        <T k="staff:editor.options" />
      </legend>
      {question.options.map((option, i) => (
        <div key={option.id} className="option-row">
          <TextPair
            label="staff:editor.optionLabel"
            value={option.label}
            second={second}
            onChange={(label) =>
              set((q) => {
                if ("options" in q) (q.options[i] as { label: LocalizedText }).label = label;
              })
            }
          />
          {!locked && question.options.length > 2 && (
            <button type="button" className="button" onClick={() => set((q) => "options" in q && q.options.splice(i, 1))}>
              <T k="staff:editor.removeOption" values={{ n: i + 1 }} />
            </button>
          )}
        </div>
      ))}
      {!locked && question.options.length < 30 && (
        <button type="button" className="button" onClick={add}>
          <T k="staff:editor.addOption" />
        </button>
      )}
      {question.type === "multiple" && <Range min={question.min} max={question.max} locked={locked} set={set} />}
    </fieldset>
  );
}
