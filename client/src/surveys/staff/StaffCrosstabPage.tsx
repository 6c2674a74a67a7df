/**
 * クロス集計: one choice question's answers by another choice question, or by a profile field or the
 * mode, from the published results, with the same hidden cells as every table, optionally weighted by
 * age band; and its CSV.
 */
import { useId, useState } from "react";
import { breakdowns } from "../../../../shared/surveys/aggregates";
import { localized, type Survey } from "../../../../shared/surveys/model";
import type { Crosstab } from "../../../../shared/surveys/staff/crosstab";
import { useLoader } from "../../app/data";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { CrosstabTable } from "./CrosstabTable";

/** Read across: any question but free text (a number by its published ranges). Read down: choices and ratings. */
const tabulable = (type: string) => type !== "text";
const grouping = (type: string) => type === "single" || type === "multiple" || type === "rating";

export function StaffCrosstabPage({ surveyId }: { surveyId: string }) {
  const { api } = useStaffApi();
  const surveyLoader = useLoader(async () => {
    const response = await api.surveys[":id"].$get({ param: { id: surveyId } });
    return (await expectStatus(response, 200).json()) as unknown as Survey;
  }, surveyId);
  return (
    <>
      <p>
        <Link to={`/staff/surveys/${surveyId}`}>
          <T k="staff:paper.back" />
        </Link>
      </p>
      <h1 tabIndex={-1}>
        <T k="staff:crosstab.heading" />
      </h1>
      <Loaded of={surveyLoader}>{(survey) => <CrosstabChooser survey={survey} />}</Loaded>
    </>
  );
}

function CrosstabChooser({ survey }: { survey: Survey }) {
  const { locale, plain } = useT();
  const { api } = useStaffApi();
  const questionId = useId();
  const byId = useId();
  const choices = survey.definition.questions.filter((q) => tabulable(q.type));
  const groups = survey.definition.questions.filter((q) => grouping(q.type));
  const [question, setQuestion] = useState(choices[0]?.id ?? "");
  const [by, setBy] = useState<string>("yearsInWard");
  const [weight, setWeight] = useState(false);
  // By age band itself there is nothing to weight.
  const weighted = weight && by !== "ageBand";
  const text = (id: string) => plainText(localized(survey.definition.questions.find((q) => q.id === id)?.text ?? { ja: id }, locale));
  const valid = question !== "" && by !== `q:${question}`;
  const loader = useLoader(async () => {
    if (!valid) return null;
    const query = weighted ? { question, by, weight: "age" as const } : { question, by };
    const response = await api.surveys[":id"].crosstab.$get({ param: { id: survey.id }, query });
    return (await expectStatus(response, 200).json()) as Crosstab;
  }, `${survey.id}:${question}:${by}:${weighted}`);
  if (choices.length === 0)
    return (
      <p>
        <T k="staff:crosstab.noChoiceQuestions" />
      </p>
    );
  const query = new URLSearchParams({ question, by, ...(weighted ? { weight: "age" } : {}) }).toString();
  return (
    <>
      <div className="row">
        <div className="field">
          <label htmlFor={questionId}>
            <T k="staff:crosstab.question" />
          </label>
          <select id={questionId} value={question} onChange={(e) => setQuestion(e.target.value)}>
            {choices.map((q) => (
              <option key={q.id} value={q.id}>
                {text(q.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={byId}>
            <T k="staff:crosstab.by" />
          </label>
          <select id={byId} value={by} onChange={(e) => setBy(e.target.value)}>
            <optgroup label={plain("staff:crosstab.byProfile")}>
              {breakdowns.map((b) => (
                <option key={b} value={b}>
                  {plain(`staff:results.breakdowns.${b}`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={plain("staff:crosstab.byQuestion")}>
              {groups
                .filter((q) => q.id !== question)
                .map((q) => (
                  <option key={q.id} value={`q:${q.id}`}>
                    {text(q.id)}
                  </option>
                ))}
            </optgroup>
          </select>
        </div>
      </div>
      {by !== "ageBand" && (
        <label className="check">
          <input type="checkbox" checked={weight} onChange={(e) => setWeight(e.target.checked)} />
          <T k="staff:results.weight" />
        </label>
      )}
      {!valid ? (
        <p role="status">
          <T k="staff:crosstab.samePair" />
        </p>
      ) : (
        <>
          <div className="actions">
            <a className="button" href={`/api/staff/surveys/${survey.id}/crosstab.csv?${query}`} download>
              <T k="staff:crosstab.csv" />
            </a>
          </div>
          <Loaded of={loader}>{(crosstab) => crosstab && <CrosstabTable survey={survey} crosstab={crosstab} />}</Loaded>
        </>
      )}
    </>
  );
}
