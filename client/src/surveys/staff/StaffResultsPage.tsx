/**
 * A survey's results for staff: per question, counts, shares and (sampled surveys) 95 % Wilson
 * intervals, optionally by a profile field or weighted by age; the survey's actions above them.
 */
import { useState } from "react";
import { type Breakdown, breakdowns } from "../../../../shared/surveys/aggregates";
import { localized, type Survey } from "../../../../shared/surveys/model";
import type { StaffFollowUp } from "../../../../shared/surveys/staff/follow-up";
import type { StaffResults } from "../../../../shared/surveys/staff/results";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { FollowUpEditor } from "./FollowUpEditor";
import { Results } from "./Results";
import { ResultsPublicToggle } from "./ResultsPublicToggle";
import { SurveyActions } from "./SurveyActions";

export function StaffResultsPage({ surveyId }: { surveyId: string }) {
  const { locale, plain } = useT();
  const { api } = useStaffApi();
  const [by, setBy] = useState<Breakdown | "">("");
  const [version, setVersion] = useState(0);
  const [weight, setWeight] = useState(false);
  const loader = useLoader<{ survey: Survey & { followUpDraft: StaffFollowUp | null }; results: StaffResults }>(async () => {
    const query = by ? { by } : weight ? { weight: "age" as const } : {};
    const [survey, results] = await Promise.all([
      api.surveys[":id"].$get({ param: { id: surveyId } }),
      api.surveys[":id"].results.$get({ param: { id: surveyId }, query }),
    ]);
    return {
      results: await expectStatus(results, 200).json(),
      survey: (await expectStatus(survey, 200).json()) as unknown as Survey & { followUpDraft: StaffFollowUp | null },
    };
  }, `${surveyId}:${by}:${weight}:${version}`);
  const { state } = loader;

  return (
    <>
      <p>
        <Link to="/staff">
          <T k="staff:results.back" />
        </Link>
      </p>
      <h1 tabIndex={-1}>
        {state.status === "ready" ? (
          <T k="staff:results.heading" values={{ title: localized(state.data.survey.definition.title, locale) }} />
        ) : (
          <T k="staff:surveys.heading" />
        )}
      </h1>
      {state.status === "ready" && <SurveyActions survey={state.data.survey} by={by} onChanged={() => setVersion((n) => n + 1)} />}
      {state.status === "ready" && state.data.survey.status !== "draft" && (
        <p>
          <Link to={`/staff/surveys/${surveyId}/report`}>
            <T k="staff:report.open" />
          </Link>
        </p>
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
      <Loaded of={loader}>{({ survey, results }) => <Results survey={survey} results={results} />}</Loaded>
      {state.status === "ready" && state.data.survey.status !== "draft" && (
        <>
          {state.data.survey.kind === "sampled" && <ResultsPublicToggle surveyId={surveyId} initial={state.data.survey.resultsPublic} />}
          <FollowUpEditor key={surveyId} surveyId={surveyId} saved={state.data.survey.followUpDraft} />
        </>
      )}
    </>
  );
}
