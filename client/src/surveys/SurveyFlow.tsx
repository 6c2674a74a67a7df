/**
 * The answering flow on screen: one question per screen with progress, the invitation code, the
 * optional profile, the review, and back / next / send. The state lives in useSurveyFlow.ts.
 */
import { useEffect, useRef } from "react";
import type { Answer } from "../../../shared/surveys/answers";
import { localized } from "../../../shared/surveys/model";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Page } from "../app/shell/Page";
import type { Draft } from "../db/schemas";
import { CodeField } from "./CodeField";
import { ProfileFields } from "./ProfileFields";
import { QuestionField } from "./QuestionField";
import { ReviewList } from "./ReviewList";
import { useSurveyFlow } from "./useSurveyFlow";

export function SurveyFlow({ initial, revised, onSent }: { initial: Draft; revised: boolean; onSent: (id: string) => void }) {
  const { locale } = useT();
  const flow = useSurveyFlow(initial, onSent);
  const { draft, screen, screens, index, errorKey } = flow;
  const { survey } = draft;
  const definition = survey.definition;
  const screenHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Moving to another screen puts focus on its heading, so screen readers read the new question.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    screenHeading.current?.focus();
  }, [screen]);

  const questionScreens = screens.filter((s) => s.startsWith("q:"));
  const question = screen.startsWith("q:") ? definition.questions.find((q) => q.id === screen.slice(2)) : undefined;
  const position = question ? questionScreens.indexOf(screen) + 1 : null;
  const onAnswer = (id: string) => (answer: Answer | undefined) => {
    flow.setErrorKey(null);
    const answers = { ...draft.answers };
    if (answer === undefined) delete answers[id];
    else answers[id] = answer;
    flow.update({ answers });
  };

  return (
    <Page title={localized(definition.title, locale)}>
      {revised && (
        <p className="notice" role="status">
          <T k="surveys.revised" values={{ version: survey.version }} />
        </p>
      )}
      {index === 0 && (
        <p className="lead">
          <RubyText text={localized(definition.description, locale)} />
        </p>
      )}
      {position !== null && (
        <div className="progress">
          <T k="surveys.question.progress" values={{ current: position, total: questionScreens.length }} />
          <progress value={position} max={questionScreens.length} aria-hidden="true" />
        </div>
      )}
      <h2 ref={screenHeading} tabIndex={-1} className="screen-heading">
        {screen === "code" && <T k="surveys.code.heading" />}
        {position !== null && <T k="surveys.question.progress" values={{ current: position, total: questionScreens.length }} />}
        {screen === "profile" && <T k="surveys.profile.heading" />}
        {screen === "review" && <T k="surveys.review.heading" />}
      </h2>
      {screen === "code" && (
        <CodeField value={flow.codeInput} errorKey={errorKey} check={flow.codeCheck} ward={survey.ward} onChange={flow.setCodeInput} />
      )}
      {question && (
        <QuestionField
          key={question.id}
          question={question}
          answer={draft.answers[question.id]}
          errorKey={errorKey}
          onChange={onAnswer(question.id)}
        />
      )}
      {screen === "profile" && (
        <ProfileFields
          fields={definition.profile}
          ward={survey.ward}
          savedAreas={draft.areas}
          profile={draft.profile}
          onChange={(profile) => flow.update({ profile })}
        />
      )}
      {screen === "review" && <ReviewList draft={draft} errorKey={errorKey} onEdit={flow.go} />}
      <p className="hint">
        <T k="surveys.question.savedOnDevice" />
      </p>
      <div className="flow-actions">
        {index > 0 && (
          <button type="button" className="button" onClick={flow.back}>
            <T k="surveys.question.back" />
          </button>
        )}
        {screen === "review" ? (
          <button type="button" className="button primary" onClick={() => void flow.send()}>
            <T k="surveys.review.send" />
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => void flow.next()}>
            <T
              k={
                screens[index + 1] === "review"
                  ? "surveys.question.toReview"
                  : screen === "code"
                    ? "surveys.code.continue"
                    : "surveys.question.next"
              }
            />
          </button>
        )}
      </div>
    </Page>
  );
}
