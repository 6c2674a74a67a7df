/**
 * アンケート: the surveys open now for the resident's ward and the city, each marked 新着 or 回答済み
 * from what this device knows, and a way to "my answers". Loaded online, the list's surveys are saved
 * on the device (keep-offline.ts) so each opens offline. On a first visit, the ward is asked first.
 */
import { Suspense, useEffect, useState } from "react";
import type { SurveySummary } from "../../../shared/surveys/model";
import { api } from "../app/api";
import { useLoader } from "../app/data";
import { fromLater } from "../app/fromLater";
import { T } from "../app/i18n/T";
import { useIdle } from "../app/idle";
import { Link } from "../app/router";
import { ChunkBoundary } from "../app/shell/ChunkBoundary";
import { LoadState } from "../app/shell/LoadState";
import { Page } from "../app/shell/Page";
import { useStored } from "../db/live";
import { openedSurveyIds } from "../db/saved-surveys";
import { draftSurveyIds } from "../db/surveys";
import { FirstVisit, useFirstVisit } from "../settings/FirstVisit";
import { useSettings } from "../settings/SettingsContext";
import { FollowUpList } from "./FollowUpList";
import { keepForOffline } from "./keep-offline";
import { useOutbox } from "./outbox";
import { type DeviceMark, SurveyCard } from "./SurveyCard";

/** The offer of notices for new surveys, after the list: its module (push registration) loads after the page. */
const TopicOptIn = fromLater("TopicOptIn");

export function SurveyListPage() {
  const { settings } = useSettings();
  const firstVisit = useFirstVisit();
  // The notices offer sits under the list: it comes once the page is drawn (app/idle.ts).
  const idle = useIdle();
  const { state, retry } = useLoader<SurveySummary[]>(
    async () => {
      const response = await api.api.surveys.$get({ query: settings.ward ? { ward: settings.ward } : {} });
      if (response.status !== 200) throw response;
      return (await response.json()).surveys;
    },
    `surveys:${settings.ward ?? "city"}`,
  );
  const [savedAll, setSavedAll] = useState(false);
  useEffect(() => {
    setSavedAll(false);
    if (state.status !== "ready") return;
    let current = true;
    void keepForOffline(state.data)
      .then((all) => current && setSavedAll(all))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [state]);
  const outbox = useOutbox();
  const drafts = useStored(draftSurveyIds, [], new Set<string>()) ?? new Set<string>();
  const opened = useStored(openedSurveyIds, [], new Set<string>());
  const answered = new Set((outbox ?? []).map((item) => item.surveyId));
  const waiting = (outbox ?? []).filter((item) => item.state !== "sent").length;
  const markOf = (id: string): DeviceMark =>
    answered.has(id) ? "answered" : drafts.has(id) ? "draft" : opened && !opened.has(id) ? "new" : null;

  // The device is still asked whether this is a first visit: the heading only, so the question never
  // appears above a drawn list (no layout shift).
  if (firstVisit === undefined)
    return (
      <Page titleKey="surveys.title" pending>
        {null}
      </Page>
    );
  return (
    <Page titleKey="surveys.title" pending={state.status === "loading"}>
      {firstVisit && <FirstVisit />}
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
      <p>
        <Link to="/surveys/code" className="button">
          <T k="surveys.enterCode.link" />
        </Link>
      </p>
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
            <SurveyCard key={survey.id} survey={survey} mark={markOf(survey.id)} />
          ))}
        </ul>
      )}
      <FollowUpList ward={settings.ward} />
      {idle && (
        <ChunkBoundary>
          <Suspense fallback={null}>
            <TopicOptIn topic="surveys" />
          </Suspense>
        </ChunkBoundary>
      )}
      {/* The page's last line: said once the list is on the device (several lines on a phone), it pushes nothing down. */}
      <p className="hint" role="status">
        {savedAll && <T k="surveys.savedOffline" />}
      </p>
    </Page>
  );
}
