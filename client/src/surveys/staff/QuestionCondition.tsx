/** A question's condition: shown only when an earlier choice question was answered with one of the chosen options. */
import type { Question } from "../../../../shared/surveys/model";
import { T, useT } from "../../app/i18n/T";
import { Choice } from "./EditorFields";

export function QuestionCondition({
  question,
  earlier,
  locked,
  set,
}: {
  question: Question;
  earlier: Question[];
  locked: boolean;
  set: (change: (q: Question) => void) => void;
}) {
  const { plain } = useT();
  const choiceTargets = earlier.filter((q) => q.type === "single" || q.type === "multiple");
  const target = choiceTargets.find((q) => q.id === question.showIf?.question);
  if (choiceTargets.length === 0) return null;
  return (
    <fieldset>
      <legend>
        <T k="staff:editor.condition" />
      </legend>
      <Choice
        label="staff:editor.conditionQuestion"
        value={question.showIf?.question ?? ""}
        disabled={locked}
        options={[
          { value: "", label: plain("staff:editor.always") },
          ...choiceTargets.map((q) => ({ value: q.id, label: `${q.id}: ${q.text.ja}` })),
        ]}
        onChange={(id) =>
          set((q) => {
            const chosen = choiceTargets.find((t) => t.id === id);
            if (!chosen || !("options" in chosen)) delete q.showIf;
            else q.showIf = { question: id, anyOf: [chosen.options[0]?.id as string] };
          })
        }
      />
      {target && "options" in target && (
        <div className="themes">
          {target.options.map((option) => (
            <label key={option.id} className="check">
              <input
                type="checkbox"
                disabled={locked}
                checked={question.showIf?.anyOf.includes(option.id) ?? false}
                onChange={(e) =>
                  set((q) => {
                    if (!q.showIf) return;
                    const anyOf = e.target.checked ? [...q.showIf.anyOf, option.id] : q.showIf.anyOf.filter((o) => o !== option.id);
                    if (anyOf.length > 0) q.showIf.anyOf = anyOf;
                  })
                }
              />
              {option.label.ja || option.id}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
