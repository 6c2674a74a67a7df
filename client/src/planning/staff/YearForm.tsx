/**
 * A year's value of an indicator for a ward: taken from a survey in the app, or recorded from an
 * earlier survey (share and respondents). A self-selected poll is named as such in the list, and
 * choosing one says plainly that its year stays out of the trend until staff confirm it.
 */
import { type FormEvent, useId, useState } from "react";
import type { Indicator } from "../../../../shared/planning/indicators";
import { localized } from "../../../../shared/surveys/model";
import type { StaffSurveyList } from "../../../../shared/surveys/staff/results";
import { errorKeyOf } from "../../app/errors";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import type { StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { FormProblem } from "../../staff/FormActions";
import { expectStatus } from "../../staff/staffFetch";

export type Surveys = StaffSurveyList["surveys"];

export function YearForm({
  indicator,
  ward,
  surveys,
  onChanged,
}: {
  indicator: Indicator;
  ward: string;
  /** The ward's surveys that have opened. */
  surveys: Surveys;
  onChanged: (message: StatusText) => void;
}) {
  const { locale, plain } = useT();
  const { api } = useStaffApi();
  const id = useId();
  const [year, setYear] = useState(new Date().getFullYear());
  const [source, setSource] = useState<"survey" | "recorded">(surveys.length > 0 ? "survey" : "recorded");
  const [surveyId, setSurveyId] = useState(surveys[0]?.id ?? "");
  const [share, setShare] = useState("");
  const [n, setN] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const poll = source === "survey" && surveys.find((s) => s.id === surveyId)?.kind === "poll";
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let body: { surveyId: string } | { share: number; n: number };
    if (source === "survey") {
      if (!surveyId) return setProblem("staff:indicators.surveyMissing");
      body = { surveyId };
    } else {
      const value = Number(share);
      const count = Number(n);
      if (!share || !Number.isFinite(value) || value < 0 || value > 100) return setProblem("staff:indicators.shareInvalid");
      if (!Number.isInteger(count) || count < 1) return setProblem("staff:indicators.nInvalid");
      body = { share: value / 100, n: count };
    }
    setProblem(null);
    try {
      expectStatus(await api.indicators[":id"].years.$put({ param: { id: indicator.id }, json: { ward, year, source: body } }), 204);
      onChanged({ key: "staff:indicators.yearSaved", values: { year } });
    } catch (failure) {
      setProblem(await errorKeyOf(failure));
    }
  };
  return (
    <form
      className="year-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <fieldset>
        <legend>
          <T k="staff:indicators.setYear" />
        </legend>
        <div className="row">
          <div className="field small">
            <label htmlFor={`${id}-year`}>
              <T k="staff:indicators.year" />
            </label>
            <input
              id={`${id}-year`}
              type="number"
              inputMode="numeric"
              min={2000}
              max={2100}
              value={year}
              onChange={(e) => setYear(Math.round(Number(e.target.value)) || year)}
            />
          </div>
          <label className="check">
            <input
              type="radio"
              name={`${id}-source`}
              checked={source === "survey"}
              onChange={() => setSource("survey")}
              disabled={surveys.length === 0}
            />
            <T k="staff:indicators.fromSurvey" />
          </label>
          <label className="check">
            <input type="radio" name={`${id}-source`} checked={source === "recorded"} onChange={() => setSource("recorded")} />
            <T k="staff:indicators.recorded" />
          </label>
        </div>
        {source === "survey" ? (
          <div className="field wide">
            <label htmlFor={`${id}-survey`}>
              <T k="staff:matching.survey" />
            </label>
            <select
              id={`${id}-survey`}
              value={surveyId}
              onChange={(e) => setSurveyId(e.target.value)}
              aria-describedby={poll ? `${id}-poll` : undefined}
            >
              {surveys.map((s) => {
                const title = plainText(localized(s.title, locale));
                return (
                  <option key={s.id} value={s.id}>
                    {s.kind === "poll" ? plain("staff:indicators.pollOption", { title }) : title}
                  </option>
                );
              })}
            </select>
            {poll && (
              <p id={`${id}-poll`} className="hint warn">
                <T k="staff:indicators.pollWarning" />
              </p>
            )}
          </div>
        ) : (
          <div className="row">
            <div className="field small">
              <label htmlFor={`${id}-share`}>
                <T k="staff:indicators.sharePercent" />
              </label>
              <input id={`${id}-share`} inputMode="decimal" value={share} onChange={(e) => setShare(e.target.value)} />
            </div>
            <div className="field small">
              <label htmlFor={`${id}-n`}>
                <T k="staff:indicators.respondents" />
              </label>
              <input id={`${id}-n`} type="number" inputMode="numeric" min={1} value={n} onChange={(e) => setN(e.target.value)} />
            </div>
          </div>
        )}
        <FormProblem id={`${id}-problem`} problem={problem} />
        <button type="submit" className="button primary">
          <T k="staff:indicators.saveYear" />
        </button>
      </fieldset>
    </form>
  );
}
