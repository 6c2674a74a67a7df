/**
 * みんなの回答: a survey's counts as last published (a snapshot after every K new answers, so one answer
 * never shows as a change), with groups under the minimum shown as "<K", as readable tables; numbers in
 * ranges with their unit. Results the ward has not made public are said to be so, plainly; the ward's
 * 区の対応, once published, is shown above them either way.
 */
import { localized, type Survey } from "../../../shared/surveys/model";
import type { SurveyResults } from "../../../shared/surveys/results";
import { api } from "../app/api";
import { useLoader } from "../app/data";
import { errorKeyOf } from "../app/errors";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { LoadState } from "../app/shell/LoadState";
import { Page } from "../app/shell/Page";
import { FollowUpSection } from "./FollowUpSection";
import { formatDate } from "./format";
import { ResultsTable } from "./ResultsTable";

export function ResultsPage({ surveyId }: { surveyId: string }) {
  const { locale } = useT();
  const { state, retry } = useLoader<{ survey: Survey; results: SurveyResults | null }>(async () => {
    const [surveyResponse, resultsResponse] = await Promise.all([
      api.api.surveys[":id"].$get({ param: { id: surveyId } }),
      api.api.surveys[":id"].results.$get({ param: { id: surveyId }, query: {} }),
    ]);
    if (surveyResponse.status !== 200) throw surveyResponse;
    const survey = await surveyResponse.json();
    if (resultsResponse.status === 200) return { survey, results: await resultsResponse.json() };
    // Not public (yet): a plain answer, not a failure to retry.
    if ((await errorKeyOf(resultsResponse.clone())) === "errors.results.not_public") return { survey, results: null };
    throw resultsResponse;
  }, surveyId);

  if (state.status !== "ready")
    return (
      <Page titleKey="surveys.results.heading" pending={state.status === "loading"}>
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      </Page>
    );
  const { survey, results } = state.data;
  const all = results?.segments[0];
  return (
    <Page titleKey="surveys.results.heading">
      <p className="lead">
        <RubyText text={localized(survey.definition.title, locale)} />
      </p>
      {survey.followUp && <FollowUpSection followUp={survey.followUp} />}
      {results === null ? (
        <p role="status">
          <T k="surveys.results.notPublic" />
        </p>
      ) : results.publishedAt === null ? (
        <p>
          <T k="surveys.results.notPublished" values={{ min: results.minCell }} />
        </p>
      ) : (
        <p>
          {all?.responses !== null && (
            <>
              <T k="surveys.results.responses" values={{ count: all?.responses ?? 0 }} />{" "}
            </>
          )}
          <T k="surveys.results.publishedAt" values={{ date: formatDate(results.publishedAt, locale), min: results.minCell }} />
        </p>
      )}
      {results &&
        all?.questions
          .filter((q) => q.options.length > 0)
          .map((q) => (
            <ResultsTable
              key={q.id}
              question={survey.definition.questions.find((d) => d.id === q.id)}
              result={q}
              minCell={results.minCell}
            />
          ))}
      {results && (
        <p className="hint">
          <T k="surveys.results.note" />
        </p>
      )}
    </Page>
  );
}
