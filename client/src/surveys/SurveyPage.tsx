/**
 * Answering a survey: one question per screen, progress, back and next, the optional profile, a
 * review, then sending. Every change is saved to the draft in IndexedDB at once, so a reload, a
 * closed tab or a flat battery resumes on the same screen. Sending moves the draft to the outbox;
 * the receipt screen follows the outbox item from 送信待ち to 送信済み.
 */
import { useEffect, useRef, useState } from "react";
import { uuidv7 } from "../../../shared/ids";
import { type Answer, checkAnswers, visibleQuestions, withoutHiddenAnswers } from "../../../shared/surveys/answers";
import { normalizeInvitationCode } from "../../../shared/surveys/invitation-code";
import { localized, type Survey } from "../../../shared/surveys/model";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Loading } from "../app/shell/LoadState";
import { Page } from "../app/shell/Page";
import { answeredSurveyIds, type Draft, deviceId, draftFor, queueResponse, saveDraft } from "../db";
import { answerText } from "./format";
import { flushOutbox, requestBackgroundSync } from "./outbox";
import { ProfileFields } from "./ProfileFields";
import { QuestionField } from "./QuestionField";
import { ReceiptView } from "./ReceiptView";

type Opening =
  | { status: "loading" }
  | { status: "failed"; errorKey: string }
  | { status: "closed"; survey: Survey }
  | { status: "answered" }
  | { status: "ready"; draft: Draft };

async function loadDraft(surveyId: string, codeFromLink: string | null): Promise<Opening> {
  const code = codeFromLink ? (normalizeInvitationCode(codeFromLink) ?? codeFromLink) : undefined;
  const existing = await draftFor(surveyId);
  if (existing) return { status: "ready", draft: code && !existing.invitationCode ? { ...existing, invitationCode: code } : existing };
  if ((await answeredSurveyIds()).has(surveyId)) return { status: "answered" };
  try {
    const response = await api.api.surveys[":id"].$get({ param: { id: surveyId } });
    if (response.status !== 200) return { status: "failed", errorKey: await errorKeyOf(response) };
    const survey = await response.json();
    if (survey.status !== "open" || Date.parse(survey.closesAt) <= Date.now()) return { status: "closed", survey };
    const first = survey.kind === "sampled" ? "code" : `q:${survey.definition.questions[0]?.id}`;
    return {
      status: "ready",
      draft: {
        id: uuidv7(),
        surveyId,
        survey,
        answers: {},
        profile: {},
        ...(code ? { invitationCode: code } : {}),
        screen: first,
        updatedAt: Date.now(),
      },
    };
  } catch (error) {
    return { status: "failed", errorKey: await errorKeyOf(error) };
  }
}

export function SurveyPage({ surveyId, codeFromLink }: { surveyId: string; codeFromLink: string | null }) {
  const [loading, setLoading] = useState<Opening>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [sentId, setSentId] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` reloads on retry
  useEffect(() => {
    let current = true;
    void loadDraft(surveyId, codeFromLink).then((result) => current && setLoading(result));
    return () => {
      current = false;
    };
  }, [surveyId, codeFromLink, attempt]);

  if (sentId) return <ReceiptView responseId={sentId} />;
  switch (loading.status) {
    case "loading":
      return (
        <Page titleKey="surveys.title">
          <Loading />
        </Page>
      );
    case "failed":
      return (
        <Page titleKey="surveys.title">
          <div role="alert">
            <p>
              <T k={loading.errorKey === "errors.surveys.not_found" ? "surveys.notFound" : loading.errorKey} />
            </p>
            {loading.errorKey === "errors.network" && (
              <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                <T k="common.retry" />
              </button>
            )}
          </div>
          <BackToList />
        </Page>
      );
    case "closed":
      return (
        <Page titleKey="surveys.title">
          <p role="status">
            <T k="surveys.closed" />
          </p>
          <BackToList />
        </Page>
      );
    case "answered":
      return (
        <Page titleKey="surveys.title">
          <p role="status">
            <T k="surveys.answered" />
          </p>
          <p>
            <Link to="/surveys/mine" className="button">
              <T k="surveys.myAnswers" />
            </Link>
          </p>
        </Page>
      );
    case "ready":
      return <SurveyFlow initial={loading.draft} onSent={setSentId} />;
  }
}

function BackToList() {
  return (
    <p>
      <Link to="/surveys" className="button">
        <T k="surveys.backToList" />
      </Link>
    </p>
  );
}

function SurveyFlow({ initial, onSent }: { initial: Draft; onSent: (id: string) => void }) {
  const { locale } = useT();
  const [draft, setDraft] = useState(initial);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [codeInput, setCodeInput] = useState(initial.invitationCode ?? "");
  const screenHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const { survey } = draft;
  const definition = survey.definition;

  const screens = [
    ...(survey.kind === "sampled" ? ["code"] : []),
    ...visibleQuestions(definition, draft.answers).map((q) => `q:${q.id}`),
    ...(definition.profile.length > 0 ? ["profile"] : []),
    "review",
  ];
  const screen = screens.includes(draft.screen) ? draft.screen : (screens[0] as string);
  const index = screens.indexOf(screen);
  const questionScreens = screens.filter((s) => s.startsWith("q:"));

  const update = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    void saveDraft(next);
  };

  // Moving to another screen puts focus on its heading, so screen readers read the new question.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    screenHeading.current?.focus();
  }, [screen]);

  const go = (to: string) => {
    setErrorKey(null);
    update({ screen: to });
  };
  const next = () => {
    if (screen === "code") {
      const code = normalizeInvitationCode(codeInput);
      if (!code) return setErrorKey("surveys.code.invalid");
      setCodeInput(code);
      return update({ invitationCode: code, screen: screens[index + 1] as string });
    }
    if (screen.startsWith("q:")) {
      const id = screen.slice(2);
      const issue = checkAnswers(definition, withoutHiddenAnswers(definition, draft.answers), draft.profile).find((i) => i.question === id);
      if (issue) return setErrorKey(`surveys.issues.${issue.code}`);
    }
    go(screens[index + 1] as string);
  };
  const back = () => index > 0 && go(screens[index - 1] as string);

  const send = async () => {
    const answers = withoutHiddenAnswers(definition, draft.answers);
    const issues = checkAnswers(definition, answers, draft.profile);
    if (issues.length > 0) return setErrorKey("surveys.review.fixFirst");
    await queueResponse({
      id: draft.id,
      surveyId: survey.id,
      surveyTitle: definition.title,
      resultsPublic: survey.kind === "poll" && survey.resultsPublic,
      payload: {
        id: draft.id,
        answers,
        profile: draft.profile,
        ...(survey.kind === "sampled" && draft.invitationCode ? { invitationCode: draft.invitationCode } : {}),
        ...(survey.kind === "poll" ? { deviceId: await deviceId() } : {}),
      },
    });
    onSent(draft.id);
    void requestBackgroundSync();
    void flushOutbox();
  };

  const question = screen.startsWith("q:") ? definition.questions.find((q) => q.id === screen.slice(2)) : undefined;
  const position = question ? questionScreens.indexOf(screen) + 1 : null;

  return (
    <Page title={localized(definition.title, locale)}>
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
        <div className="field">
          <label htmlFor="invitation-code">
            <T k="surveys.code.label" />
          </label>
          <p id="invitation-code-hint" className="hint">
            <T k="surveys.code.hint" />
          </p>
          <input
            id="invitation-code"
            className="code-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="invitation-code-hint"
            aria-invalid={errorKey ? true : undefined}
            value={codeInput}
            onChange={(e) => setCodeInput(e.target.value)}
          />
          {errorKey && (
            <p className="error" role="alert">
              <T k={errorKey} />
            </p>
          )}
        </div>
      )}

      {question && (
        <QuestionField
          key={question.id}
          question={question}
          answer={draft.answers[question.id]}
          errorKey={errorKey}
          onChange={(answer: Answer | undefined) => {
            setErrorKey(null);
            const answers = { ...draft.answers };
            if (answer === undefined) delete answers[question.id];
            else answers[question.id] = answer;
            update({ answers });
          }}
        />
      )}

      {screen === "profile" && (
        <ProfileFields fields={definition.profile} ward={survey.ward} profile={draft.profile} onChange={(profile) => update({ profile })} />
      )}

      {screen === "review" && (
        <>
          <p>
            <T k="surveys.review.intro" />
          </p>
          <dl className="review">
            {visibleQuestions(definition, draft.answers).map((q) => {
              const text = answerText(q, draft.answers[q.id], locale);
              return (
                <div key={q.id} className="review-item">
                  <dt>
                    <RubyText text={localized(q.text, locale)} />
                  </dt>
                  <dd>
                    {text ?? (
                      <span className="muted">
                        <T k="surveys.review.notAnswered" />
                      </span>
                    )}{" "}
                    <button type="button" className="button small" onClick={() => go(`q:${q.id}`)}>
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
      )}

      <p className="hint">
        <T k="surveys.question.savedOnDevice" />
      </p>
      <div className="flow-actions">
        {index > 0 && (
          <button type="button" className="button" onClick={back}>
            <T k="surveys.question.back" />
          </button>
        )}
        {screen === "review" ? (
          <button type="button" className="button primary" onClick={() => void send()}>
            <T k="surveys.review.send" />
          </button>
        ) : (
          <button type="button" className="button primary" onClick={next}>
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
