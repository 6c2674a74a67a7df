/** The questions as a resident sees them, one at a time in a phone-sized frame, in the console's language. */
import { useState } from "react";
import type { SurveyDefinition } from "../../../../shared/surveys/model";
import { T } from "../../app/i18n/T";
import { QuestionField } from "../QuestionField";
import { withPlaceholders } from "./editing";

export function SurveyPreview({ definition }: { definition: SurveyDefinition }) {
  const [index, setIndex] = useState(0);
  const shown = definition.questions[Math.min(index, definition.questions.length - 1)];
  // Texts not written yet show as the id they belong to, so every control in the preview has a name.
  const question = shown && withPlaceholders(shown);
  if (!question) return null;
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        <T k="staff:editor.preview" />
      </h2>
      <div className="phone">
        <QuestionField question={question} answer={undefined} onChange={() => {}} errorKey={null} />
      </div>
      <div className="actions">
        <button type="button" className="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          <T k="staff:editor.previewPrevious" />
        </button>
        <button type="button" className="button" disabled={index >= definition.questions.length - 1} onClick={() => setIndex(index + 1)}>
          <T k="staff:editor.previewNext" />
        </button>
      </div>
    </section>
  );
}
