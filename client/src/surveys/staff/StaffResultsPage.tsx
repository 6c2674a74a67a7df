/**
 * A survey's results for staff: per question, counts, shares and (sampled surveys) 95 % Wilson
 * intervals, optionally by a profile field. Counts under the minimum cell are shown as "<K".
 */
import { useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { type Breakdown, breakdowns } from "../../../../shared/surveys/aggregates";
import { localized, type Survey } from "../../../../shared/surveys/model";
import type { StaffResults } from "../../../../shared/surveys/staff/results";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { plainText, RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { LoadState } from "../../app/shell/LoadState";
import { TableScroll } from "../../staff/TableScroll";
import { SurveyActions } from "./SurveyActions";
import { useSegmentName } from "./segments";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function StaffResultsPage({ session, surveyId, onEnded }: { session: StaffSession; surveyId: string; onEnded: () => void }) {
  const { locale, plain } = useT();
  const [by, setBy] = useState<Breakdown | "">("");
  const [version, setVersion] = useState(0);
  const [weight, setWeight] = useState(false);
  const { state, retry } = useLoader<{ survey: Survey; results: StaffResults }>(async () => {
    const [surveyResponse, resultsResponse] = await Promise.all([
      api.api.staff.surveys[":id"].$get({ param: { id: surveyId } }),
      api.api.staff.surveys[":id"].results.$get({ param: { id: surveyId }, query: by ? { by } : weight ? { weight: "age" } : {} }),
    ]);
    if ((resultsResponse.status as number) === 401) onEnded();
    if (resultsResponse.status !== 200) throw resultsResponse;
    if (surveyResponse.status !== 200) throw surveyResponse;
    return { survey: (await surveyResponse.json()) as unknown as Survey, results: await resultsResponse.json() };
  }, `${surveyId}:${by}:${weight}:${version}`);

  const heading =
    state.status === "ready" ? (
      <T k="staff:results.heading" values={{ title: localized(state.data.survey.definition.title, locale) }} />
    ) : (
      <T k="staff:surveys.heading" />
    );

  return (
    <>
      <p>
        <Link to="/staff">
          <T k="staff:results.back" />
        </Link>
      </p>
      <h1 tabIndex={-1}>{heading}</h1>
      {state.status === "ready" && (
        <SurveyActions session={session} survey={state.data.survey} by={by} onChanged={() => setVersion((n) => n + 1)} />
      )}
      <label className="field">
        <span>
          <T k="staff:results.breakdown" />
        </span>
        <select value={by} onChange={(event) => setBy(event.target.value as Breakdown | "")}>
          <option value="">{plain("staff:results.breakdowns.none")}</option>
          {breakdowns.map((b) => (
            <option key={b} value={b}>
              {plain(`staff:results.breakdowns.${b}`)}
            </option>
          ))}
        </select>
      </label>
      {!by && (
        <label className="check">
          <input type="checkbox" checked={weight} onChange={(e) => setWeight(e.target.checked)} />
          <T k="staff:results.weight" />
        </label>
      )}
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <Results survey={state.data.survey} results={state.data.results} />
      )}
    </>
  );
}

function Results({ survey, results }: { survey: Survey; results: StaffResults }) {
  const { locale, plain } = useT();
  const segmentName = useSegmentName(results.breakdown === "area" ? survey.ward : null);
  const weighted = results.segments.some((s) => s.questions.some((q) => q.options.some((o) => o.weighted !== undefined)));
  const min = results.minCell;
  const label = (questionId: string, key: string) => {
    const question = survey.definition.questions.find((q) => q.id === questionId);
    if (question && "options" in question) {
      const option = question.options.find((o) => o.id === key);
      if (option) return localized(option.label, locale);
      if (key === "other") return plain("staff:results.other");
    }
    return key;
  };
  return (
    <>
      <p className="hint">
        <T k="staff:results.suppressionNote" values={{ min }} />
        {results.kind === "sampled" && (
          <>
            {" "}
            <T k="staff:results.intervalNote" />
          </>
        )}
        {weighted && (
          <>
            {" "}
            <T k="staff:results.weightNote" />
          </>
        )}
      </p>
      {results.segments.map((segment) => (
        <section key={segment.segment} className="staff-segment" aria-label={segmentName(segment.segment)}>
          {results.breakdown && <h2>{segmentName(segment.segment)}</h2>}
          <p>
            {segment.responses === null ? (
              <T k="staff:results.hiddenResponses" values={{ min }} />
            ) : (
              <T k="staff:results.responses" values={{ count: segment.responses }} />
            )}
          </p>
          {segment.responses !== null &&
            segment.questions.map((q) => {
              const question = survey.definition.questions.find((d) => d.id === q.id);
              if (!question) return null;
              return (
                <div key={q.id} className="staff-question">
                  {question.type === "text" ? (
                    <>
                      <h3>
                        <RubyText text={localized(question.text, locale)} />
                      </h3>
                      <p className="hint">
                        <Link to={`/staff/surveys/${survey.id}/comments`}>
                          <T k="staff:results.textQuestion" />
                        </Link>
                      </p>
                    </>
                  ) : (
                    <TableScroll label={plainText(localized(question.text, locale))}>
                      <table className="staff-table">
                        <caption>
                          <RubyText text={localized(question.text, locale)} />
                          <br />
                          {q.answered === null ? (
                            <T k="staff:results.answeredHidden" values={{ min }} />
                          ) : (
                            <T k="staff:results.answered" values={{ count: q.answered }} />
                          )}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">
                              <T k="staff:results.option" />
                            </th>
                            <th scope="col" className="number">
                              <T k="staff:results.count" />
                            </th>
                            <th scope="col" className="number">
                              <T k="staff:results.share" />
                            </th>
                            {results.kind === "sampled" && (
                              <th scope="col" className="number">
                                <T k="staff:results.interval" />
                              </th>
                            )}
                            {weighted && (
                              <th scope="col" className="number">
                                <T k="staff:results.weighted" />
                              </th>
                            )}
                          </tr>
                        </thead>
                        <tbody>
                          {q.options.map((option) => (
                            <tr key={option.key}>
                              <th scope="row">
                                <RubyText text={label(q.id, option.key)} />
                              </th>
                              <td className="number">
                                {option.count === null ? (
                                  <T k="staff:results.lessThan" values={{ min }} />
                                ) : (
                                  option.count.toLocaleString(locale)
                                )}
                              </td>
                              <td className="number share">
                                {option.share !== null && (
                                  <span className="bar" style={{ width: `${Math.round(option.share * 100)}%` }} aria-hidden="true" />
                                )}
                                {option.share === null ? "—" : percent(option.share)}
                              </td>
                              {results.kind === "sampled" && (
                                <td className="number">
                                  {option.interval ? `${percent(option.interval[0])} – ${percent(option.interval[1])}` : "—"}
                                </td>
                              )}
                              {weighted && (
                                <td className="number">
                                  {option.weighted
                                    ? `${percent(option.weighted.share)}${option.weighted.interval ? ` (${percent(option.weighted.interval[0])} – ${percent(option.weighted.interval[1])})` : ""}`
                                    : "—"}
                                </td>
                              )}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableScroll>
                  )}
                </div>
              );
            })}
        </section>
      ))}
    </>
  );
}
