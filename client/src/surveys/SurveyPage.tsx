/**
 * Answering a survey (/surveys/:id): opens the draft or a new one (open-survey.ts), says so when
 * the survey is closed or already answered (with the ward's 区の対応, once published), not on this
 * phone (offline) or cannot be loaded, runs the flow (SurveyFlow.tsx), and
 * after sending shows the receipt, which follows the outbox item from 送信待ち to 送信済み.
 */
import { useEffect, useState } from "react";
import { T } from "../app/i18n/T";
import { Link } from "../app/router";
import { Loading } from "../app/shell/LoadState";
import { Page } from "../app/shell/Page";
import { FollowUpOf } from "./FollowUpSection";
import { type Opening, openSurvey } from "./open-survey";
import { ReceiptView } from "./ReceiptView";
import { SurveyFlow } from "./SurveyFlow";

export function SurveyPage({ surveyId, codeFromLink }: { surveyId: string; codeFromLink: string | null }) {
  const [loading, setLoading] = useState<Opening>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [sentId, setSentId] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` reloads on retry
  useEffect(() => {
    let current = true;
    void openSurvey(surveyId, codeFromLink).then((result) => current && setLoading(result));
    return () => {
      current = false;
    };
  }, [surveyId, codeFromLink, attempt]);

  if (sentId) return <ReceiptView responseId={sentId} />;
  switch (loading.status) {
    case "loading":
      return (
        <Page titleKey="surveys.title" pending>
          <Loading />
        </Page>
      );
    case "failed":
    case "notOnDevice": {
      // Offline and never saved on this phone: always worth trying again; a failure, when the network failed.
      const messageKey =
        loading.status === "notOnDevice"
          ? "surveys.notOnDevice"
          : loading.errorKey === "errors.surveys.not_found"
            ? "surveys.notFound"
            : loading.errorKey;
      const retry = loading.status === "notOnDevice" || loading.errorKey === "errors.network";
      return (
        <Page titleKey="surveys.title">
          <div role="alert">
            <p>
              <T k={messageKey} />
            </p>
            {retry && (
              <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                <T k="common.retry" />
              </button>
            )}
          </div>
          <BackToList />
        </Page>
      );
    }
    case "closed":
      return (
        <Page titleKey="surveys.title">
          <p role="status">
            <T k="surveys.closed" />
          </p>
          <FollowUpOf surveyId={surveyId} />
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
          <FollowUpOf surveyId={surveyId} />
        </Page>
      );
    case "ready":
      return <SurveyFlow initial={loading.draft} revised={loading.revised === true} onSent={setSentId} />;
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
