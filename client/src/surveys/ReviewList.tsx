/** The review screen: every visible question with the answer given (or 未回答) and a way back to change it. */
import { visibleQuestions } from "../../../shared/surveys/answers";
import { localized } from "../../../shared/surveys/model";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import type { Draft } from "../db/schemas";
import { answerText } from "./format";

export function ReviewList({ draft, errorKey, onEdit }: { draft: Draft; errorKey: string | null; onEdit: (screen: string) => void }) {
  const { locale } = useT();
  return (
    <>
      <p>
        <T k="surveys.review.intro" />
      </p>
      <dl className="review">
        {visibleQuestions(draft.survey.definition, draft.answers).map((q) => {
          const text = answerText(q, draft.answers[q.id], locale);
          return (
            <div key={q.id} className="review-item">
              <dt>
                <RubyText text={localized(q.text, locale)} />
              </dt>
              <dd>
                {text === null ? (
                  <span className="muted">
                    <T k="surveys.review.notAnswered" />
                  </span>
                ) : q.type === "text" ? (
                  // What the resident typed is shown as typed: no markup is read in it.
                  text
                ) : (
                  <RubyText text={text} />
                )}{" "}
                <button type="button" className="button small" onClick={() => onEdit(`q:${q.id}`)}>
                  <T k="surveys.review.edit" />
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      {errorKey && (
        <p className="error" role="alert">
          <T k={errorKey} />
        </p>
      )}
    </>
  );
}
