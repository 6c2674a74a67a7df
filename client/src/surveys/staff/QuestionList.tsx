/** The builder's questions in order: each one's editor, moving and removing them, and adding one of a chosen type. */
import { useState } from "react";
import type { Locale } from "../../../../shared/locales/locales";
import type { Question, QuestionType, SurveyDefinition } from "../../../../shared/surveys/model";
import { T, useT } from "../../app/i18n/T";
import { Choice } from "./EditorFields";
import { newQuestion, nextId, questionTypes } from "./editing";
import { QuestionEditor } from "./QuestionEditor";

export function QuestionList({
  definition,
  second,
  locked,
  setDefinition,
}: {
  definition: SurveyDefinition;
  second: Locale;
  locked: boolean;
  setDefinition: (change: (d: SurveyDefinition) => void) => void;
}) {
  const { plain } = useT();
  const add = (type: QuestionType) =>
    setDefinition((d) =>
      d.questions.push(
        newQuestion(
          type,
          nextId(
            d.questions.map((q) => q.id),
            "q",
          ),
        ),
      ),
    );
  return (
    <>
      {definition.questions.map((question, index) => (
        <QuestionEditor
          key={question.id}
          question={question}
          index={index}
          earlier={definition.questions.slice(0, index)}
          second={second}
          locked={locked}
          onChange={(q) => setDefinition((d) => (d.questions[index] = q))}
          onMove={(by) =>
            setDefinition((d) => {
              const [moved] = d.questions.splice(index, 1);
              d.questions.splice(index + by, 0, moved as Question);
            })
          }
          onRemove={() => {
            if (window.confirm(plain("staff:editor.confirmRemove", { n: index + 1 }))) setDefinition((d) => d.questions.splice(index, 1));
          }}
          last={index === definition.questions.length - 1}
        />
      ))}
      {!locked && <AddQuestion onAdd={add} />}
    </>
  );
}

function AddQuestion({ onAdd }: { onAdd: (type: QuestionType) => void }) {
  const { plain } = useT();
  const [type, setType] = useState<QuestionType>("single");
  return (
    <div className="row">
      <Choice
        label="staff:editor.newQuestionType"
        value={type}
        options={questionTypes.map((t) => ({ value: t, label: plain(`staff:editor.types.${t}`) }))}
        onChange={(t) => setType(t as QuestionType)}
      />
      <button type="button" className="button primary" onClick={() => onAdd(type)}>
        <T k="staff:editor.addQuestion" />
      </button>
    </div>
  );
}
