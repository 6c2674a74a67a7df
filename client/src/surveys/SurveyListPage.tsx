/** アンケート: the surveys open now for the resident's ward and the city, and a way to "my answers". */
import { localized, type SurveySummary } from "../../../shared/surveys/model";
import { api } from "../app/api";
import { useLoader } from "../app/data";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { LoadState } from "../app/shell/LoadState";
import { Page } from "../app/shell/Page";
import { useStored } from "../db/live";
import { draftSurveyIds } from "../db/surveys";
import { TopicOptIn } from "../notices/TopicOptIn";
import { useSettings } from "../settings/SettingsContext";
import { formatDate } from "./format";
import { useOutbox } from "./outbox";

export function SurveyListPage() {
  const { settings } = useSettings();
  const { locale } = useT();
  const { state, retry } = useLoader<SurveySummary[]>(
    async () => {
      const response = await api.api.surveys.$get({ query: settings.ward ? { ward: settings.ward } : {} });
      if (response.status !== 200) throw response;
      return (await response.json()).surveys;
    },
    `surveys:${settings.ward ?? "city"}`,
  );
  const outbox = useOutbox();
  const drafts = useStored(draftSurveyIds, [], new Set<string>()) ?? new Set<string>();
  const answered = new Set((outbox ?? []).map((item) => item.surveyId));
  const waiting = (outbox ?? []).filter((item) => item.state !== "sent").length;

  return (
    <Page titleKey="surveys.title">
      <p className="lead">
        <T k="surveys.intro" />
      </p>
      {(outbox?.length ?? 0) > 0 && (
        <p>
          <Link to="/surveys/mine" className="button">
            <T k="surveys.myAnswers" />
            {waiting > 0 && (
              <span className="tag tag-warn">
                <T k="surveys.mine.states.pending" /> {waiting}
              </span>
            )}
          </Link>
        </p>
      )}
      <h2>
        <T k="surveys.openHeading" />
      </h2>
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey="surveys.loadFailed" onRetry={retry} />
      ) : state.data.length === 0 ? (
        <p>
          <T k="surveys.none" />
        </p>
      ) : (
        <ul className="card-list">
          {state.data.map((survey) => (
            <li key={survey.id} className="card survey-card">
              <p className="card-kicker">
                <T k={`surveys.kind.${survey.kind}`} />
                {survey.ward === null && (
                  <>
                    {" · "}
                    <T k="surveys.cityWide" />
                  </>
                )}
              </p>
              <h3 className="card-title">
                <RubyText text={localized(survey.title, locale)} />
              </h3>
              <p className="card-meta">
                <T k="surveys.minutes" values={{ count: survey.estimatedMinutes }} /> ·{" "}
                <T k="surveys.questionCount" values={{ count: survey.questionCount }} /> ·{" "}
                <T k="surveys.closes" values={{ date: formatDate(survey.closesAt, locale) }} />
              </p>
              {answered.has(survey.id) ? (
                <p className="card-actions">
                  <span className="tag">
                    <T k="surveys.answered" />
                  </span>
                  {survey.resultsPublic && (
                    <Link to={`/surveys/${survey.id}/results`} className="button">
                      <T k="surveys.receipt.seeResults" />
                    </Link>
                  )}
                </p>
              ) : (
                <p className="card-actions">
                  <Link to={`/surveys/${survey.id}`} className="button primary">
                    <T k={drafts.has(survey.id) ? "surveys.resume" : "surveys.start"} />
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <TopicOptIn topic="surveys" />
    </Page>
  );
}
