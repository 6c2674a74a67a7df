/**
 * One question of a paper form, as staff type it in: its number (問3, as printed), the question, and
 * what happens to it if left blank: it is recorded as 無回答. A choice of one (radio buttons) cannot be
 * unticked, so once answered it has a button to set it back to 無回答.
 */
import { type Answer, isBlank } from "../../../../shared/surveys/answers";
import type { Question } from "../../../../shared/surveys/model";
import { T } from "../../app/i18n/T";
import { QuestionField } from "../QuestionField";

export function PaperQuestion({
  question,
  number,
  answer,
  onChange,
}: {
  question: Question;
  /** Its place in the survey, from 1: the number printed on the form. */
  number: number;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
}) {
  const radios = question.type === "single" || question.type === "rating";
  return (
    <div className="paper-question">
      <p className="paper-number">
        <T k="staff:paper.questionNumber" values={{ number }} />
      </p>
      <QuestionField question={question} answer={answer} errorKey={null} onChange={onChange} />
      {isBlank(answer) ? (
        <p className="hint no-answer">
          <T k="staff:paper.noAnswerMark" />
        </p>
      ) : (
        radios && (
          <button type="button" className="button" onClick={() => onChange(undefined)}>
            <T k="staff:paper.clearAnswer" values={{ number }} />
          </button>
        )
      )}
    </div>
  );
}
