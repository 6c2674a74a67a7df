/**
 * みんなの回答: a public poll's counts as last published (a snapshot after every K new answers, so one
 * answer never shows as a change), with groups under the minimum shown as "<K", as a readable table.
 */
import { localized, type Survey } from "../../../shared/surveys/model";
import type { SurveyResults } from "../../../shared/surveys/results";
import { api } from "../app/api";
import { useLoader } from "../app/data";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { LoadState } from "../app/shell/LoadState";
import { Page } from "../app/shell/Page";
import { formatDate } from "./format";

export function ResultsPage({ surveyId }: { surveyId: string }) {
  const { locale } = useT();
  const { state, retry } = useLoader<{ survey: Survey; results: SurveyResults }>(async () => {
    const [surveyResponse, resultsResponse] = await Promise.all([
      api.api.surveys[":id"].$get({ param: { id: surveyId } }),
      api.api.surveys[":id"].results.$get({ param: { id: surveyId }, query: {} }),
    ]);
    if (surveyResponse.status !== 200) throw surveyResponse;
    if (resultsResponse.status !== 200) throw resultsResponse;
    return { survey: await surveyResponse.json(), results: await resultsResponse.json() };
  }, surveyId);

  if (state.status !== "ready")
    return (
      <Page titleKey="surveys.results.heading">
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      </Page>
    );
  const { survey, results } = state.data;
  const all = results.segments[0];
  const label = (questionId: string, key: string) => {
    const question = survey.definition.questions.find((q) => q.id === questionId);
    if (question && "options" in question) {
      const option = question.options.find((o) => o.id === key);
      if (option) return localized(option.label, locale);
      if (key === "other" && question.other) return localized(question.other.label, locale);
    }
    return key;
  };
  return (
    <Page titleKey="surveys.results.heading">
      <p className="lead">
        <RubyText text={localized(survey.definition.title, locale)} />
      </p>
      {results.publishedAt === null ? (
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
      {all?.questions
        .filter((q) => q.options.length > 0)
        .map((q) => {
          const question = survey.definition.questions.find((d) => d.id === q.id);
          return (
            <section key={q.id} className="result">
              <h2>{question && <RubyText text={localized(question.text, locale)} />}</h2>
              <table>
                <tbody>
                  {q.options.map((option) => {
                    const percent = option.count !== null && q.answered ? Math.round((option.count / q.answered) * 100) : null;
                    return (
                      <tr key={option.key}>
                        <th scope="row">
                          <RubyText text={label(q.id, option.key)} />
                        </th>
                        <td>
                          {option.count === null ? (
                            <T k="surveys.results.hidden" values={{ min: results.minCell }} />
                          ) : (
                            <T k="surveys.results.answeredCount" values={{ count: option.count }} />
                          )}
                        </td>
                        <td className="bar-cell">
                          {percent !== null && (
                            <>
                              <span className="bar" style={{ width: `${percent}%` }} aria-hidden="true" />
                              <T k="surveys.results.percent" values={{ percent }} />
                            </>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          );
        })}
      <p className="hint">
        <T k="surveys.results.note" />
      </p>
    </Page>
  );
}
