/**
 * 目標・指標: each indicator's yearly values with their margins, against the line from the baseline
 * to the target; a chart for the eye and, behind it, a data table for screen readers and for
 * copying. Staff set a year's value from a survey in the app or record one from an earlier survey.
 */
import { type FormEvent, useId, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { type Indicator, type IndicatorSeries, progressOf } from "../../../../shared/planning/indicators";
import { localized, type SurveyDefinition } from "../../../../shared/surveys/model";
import type { StaffSurveyList } from "../../../../shared/surveys/staff/results";
import { wardRecords } from "../../../../shared/wards/data";
import { wardName } from "../../../../shared/wards/names";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { LoadState } from "../../app/shell/LoadState";
import { TableScroll } from "../../staff/TableScroll";
import { WardPicker } from "../../staff/WardPicker";

type Surveys = StaffSurveyList["surveys"];
type Message = { key: string; values?: Record<string, string | number>; error?: boolean } | null;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function StaffIndicatorsPage({ session, onEnded }: { session: StaffSession; onEnded: () => void }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<Message>(null);
  const { state, retry } = useLoader<{ indicators: Indicator[]; surveys: Surveys }>(async () => {
    const [indicators, surveys] = await Promise.all([api.api.staff.indicators.$get(), api.api.staff.surveys.$get()]);
    if ((indicators.status as number) === 401 || (surveys.status as number) === 401) onEnded();
    if (indicators.status !== 200) throw indicators;
    if (surveys.status !== 200) throw surveys;
    return { indicators: (await indicators.json()).indicators as Indicator[], surveys: (await surveys.json()).surveys };
  }, `indicators:${version}`);
  const changed = (next: Message) => {
    setMessage(next);
    if (!next?.error) setVersion((n) => n + 1);
  };
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:indicators.heading" />
      </h1>
      <p>
        <T k="staff:indicators.intro" />
      </p>
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "ok"}>
          <T k={message.key} values={message.values} />
        </p>
      )}
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <>
          {state.data.indicators.length === 0 && (
            <p>
              <T k="staff:indicators.none" />
            </p>
          )}
          {state.data.indicators.map((indicator) => (
            <IndicatorCard key={indicator.id} session={session} indicator={indicator} surveys={state.data.surveys} onChanged={changed} />
          ))}
          <NewIndicator session={session} surveys={state.data.surveys} onChanged={changed} />
        </>
      )}
    </>
  );
}

function useSeriesName() {
  const { plain, locale } = useT();
  return (ward: string | null) => {
    if (ward === null) return plain("staff:indicators.city");
    const record = wardRecords.find((w) => w.code === ward);
    return record ? plainText(wardName(record, locale)) : ward;
  };
}

function IndicatorCard({
  session,
  indicator,
  surveys,
  onChanged,
}: {
  session: StaffSession;
  indicator: Indicator;
  surveys: Surveys;
  onChanged: (message: Message) => void;
}) {
  const { plain, locale } = useT();
  const seriesName = useSeriesName();
  const [chosen, setChosen] = useState(0);
  const selectId = useId();
  const headingId = useId();
  const series = indicator.series[chosen] ?? indicator.series[0];
  const admin = session.user.role === "city_admin";
  const owner = indicator.ward === null ? admin : admin || indicator.ward === session.user.ward;
  const editableWard = series && series.ward !== null && (admin || series.ward === session.user.ward) ? series.ward : null;
  const headers = { headers: { "x-csrf-token": session.csrfToken } };

  const remove = async () => {
    if (!window.confirm(plain("staff:indicators.confirmDelete", { name: indicator.name }))) return;
    try {
      const response = await api.api.staff.indicators[":id"].$delete({ param: { id: indicator.id } }, headers);
      if (response.status !== 204) throw response;
      onChanged({ key: "staff:indicators.deleted", values: { name: indicator.name } });
    } catch (failure) {
      onChanged({ key: await errorKeyOf(failure), error: true });
    }
  };
  const removeYear = async (ward: string, year: number) => {
    if (!window.confirm(plain("staff:indicators.confirmRemoveYear", { year, ward: seriesName(ward) }))) return;
    try {
      const response = await api.api.staff.indicators[":id"].years[":ward"][":year"].$delete(
        { param: { id: indicator.id, ward, year: String(year) } },
        headers,
      );
      if (response.status !== 204) throw response;
      onChanged({ key: "staff:indicators.yearRemoved", values: { year } });
    } catch (failure) {
      onChanged({ key: await errorKeyOf(failure), error: true });
    }
  };

  return (
    <section className="indicator" aria-labelledby={headingId}>
      <h2 id={headingId}>{indicator.name}</h2>
      <p>
        <T
          k={indicator.ward === null ? "staff:indicators.scopeCity" : "staff:indicators.scopeWard"}
          values={{ ward: seriesName(indicator.ward) }}
        />{" "}
        <T
          k="staff:indicators.definition"
          values={{
            question: indicator.wording ? plainText(localized(indicator.wording.question, locale)) : indicator.questionId,
            options: (indicator.wording?.options.map((o) => plainText(localized(o, locale))) ?? indicator.optionIds).join("・"),
            points: indicator.targetPoints,
            year: indicator.targetYear,
            baselineYear: indicator.baselineYear,
          }}
        />
      </p>
      {indicator.series.length > 1 && (
        <div className="field">
          <label htmlFor={selectId}>
            <T k="staff:indicators.series" />
          </label>
          <select id={selectId} value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
            {indicator.series.map((s, i) => (
              <option key={s.ward ?? "city"} value={i}>
                {seriesName(s.ward)}
              </option>
            ))}
          </select>
        </div>
      )}
      {series && (
        <SeriesView indicator={indicator} series={series} name={seriesName(series.ward)} onRemoveYear={editableWard ? removeYear : null} />
      )}
      {editableWard && (
        <YearForm
          session={session}
          indicator={indicator}
          ward={editableWard}
          surveys={surveys.filter((s) => s.ward === editableWard && s.status !== "draft")}
          onChanged={onChanged}
        />
      )}
      {owner && (
        <button type="button" className="button" onClick={() => void remove()}>
          <T k="staff:indicators.delete" values={{ name: indicator.name }} />
        </button>
      )}
    </section>
  );
}

function SeriesView({
  indicator,
  series,
  name,
  onRemoveYear,
}: {
  indicator: Indicator;
  series: IndicatorSeries;
  name: string;
  onRemoveYear: ((ward: string, year: number) => Promise<void>) | null;
}) {
  const { plain } = useT();
  const progress = progressOf(series);
  const summaryId = useId();
  let summary: string;
  if (series.baseline === null || series.target === null)
    summary = plain("staff:indicators.noBaseline", { year: indicator.baselineYear, name });
  else if (!progress.latest) summary = plain("staff:indicators.noValues", { name });
  else
    summary = plain(progress.reached ? "staff:indicators.summaryReached" : "staff:indicators.summaryNotYet", {
      name,
      baselineYear: indicator.baselineYear,
      baseline: percent(series.baseline),
      targetYear: indicator.targetYear,
      target: percent(series.target),
      year: progress.latest.year,
      value: percent(progress.latest.share as number),
      points: (progress.points ?? 0).toFixed(1),
    });
  return (
    <>
      <p id={summaryId}>
        <strong>{summary}</strong>
      </p>
      <TrendChart indicator={indicator} series={series} describedBy={summaryId} />
      <TableScroll label={plain("staff:indicators.tableCaption", { name: `${indicator.name} · ${name}` })}>
        <table className="staff-table">
          <caption>
            <T k="staff:indicators.tableCaption" values={{ name: `${indicator.name} · ${name}` }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <T k="staff:indicators.year" />
              </th>
              <th scope="col" className="number">
                <T k="staff:indicators.value" />
              </th>
              <th scope="col" className="number">
                <T k="staff:results.interval" />
              </th>
              <th scope="col" className="number">
                <T k="staff:indicators.respondents" />
              </th>
              <th scope="col">
                <T k="staff:indicators.source" />
              </th>
              {onRemoveYear && (
                <th scope="col">
                  <T k="staff:users.actions" />
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {series.points.map((point) => (
              <tr key={point.year}>
                <th scope="row">{point.year}</th>
                <td className="number">{point.share === null ? <T k="staff:indicators.hidden" /> : percent(point.share)}</td>
                <td className="number">{point.interval ? `${percent(point.interval[0])} – ${percent(point.interval[1])}` : "—"}</td>
                <td className="number">{point.n ?? "—"}</td>
                <td>
                  <T k={`staff:indicators.sources.${point.source}`} values={{ wards: point.wards ?? 0 }} />
                </td>
                {onRemoveYear && series.ward && (
                  <td>
                    <button type="button" className="button" onClick={() => void onRemoveYear(series.ward as string, point.year)}>
                      <T k="staff:indicators.removeYear" values={{ year: point.year }} />
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** The trend as an SVG: values with their 95 % bars (solid), the path to the target (dashed). The table above holds the same data. */
function TrendChart({ indicator, series, describedBy }: { indicator: Indicator; series: IndicatorSeries; describedBy: string }) {
  const { plain } = useT();
  const shown = series.points.filter((p) => p.share !== null);
  const years = [...shown.map((p) => p.year), indicator.baselineYear, indicator.targetYear];
  const [from, to] = [Math.min(...years), Math.max(...years)];
  const values = [
    ...shown.flatMap((p) => [p.share as number, ...(p.interval ?? [])]),
    ...(series.baseline !== null ? [series.baseline] : []),
    ...(series.target !== null ? [series.target] : []),
  ];
  if (values.length === 0) return null;
  const low = Math.max(0, Math.floor((Math.min(...values) - 0.05) * 10) / 10);
  const high = Math.min(1, Math.ceil((Math.max(...values) + 0.05) * 10) / 10);
  const [width, height, left, right, top, bottom] = [640, 260, 56, 16, 16, 36];
  const x = (year: number) => left + ((year - from) / Math.max(1, to - from)) * (width - left - right);
  const y = (share: number) => top + ((high - share) / Math.max(0.01, high - low)) * (height - top - bottom);
  const ticks = Array.from({ length: Math.round((high - low) * 10) + 1 }, (_, i) => low + i / 10);
  const line = shown.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.share as number).toFixed(1)}`).join(" ");
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={plain("staff:indicators.chartLabel")} aria-describedby={describedBy}>
        {ticks.map((tick) => (
          <g key={tick.toFixed(2)}>
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" className="tick">
              {Math.round(tick * 100)}%
            </text>
          </g>
        ))}
        {Array.from({ length: to - from + 1 }, (_, i) => from + i).map((year) => (
          <text key={year} x={x(year)} y={height - 12} textAnchor="middle" className="tick">
            {year}
          </text>
        ))}
        {series.baseline !== null && series.target !== null && (
          <>
            <line
              x1={x(indicator.baselineYear)}
              y1={y(series.baseline)}
              x2={x(indicator.targetYear)}
              y2={y(series.target)}
              className="target-path"
            />
            <circle cx={x(indicator.targetYear)} cy={y(series.target)} r={6} className="target-point" />
          </>
        )}
        {shown.map((p) =>
          p.interval ? (
            <line key={`bar-${p.year}`} x1={x(p.year)} x2={x(p.year)} y1={y(p.interval[0])} y2={y(p.interval[1])} className="error-bar" />
          ) : null,
        )}
        <path d={line} className="value-line" />
        {shown.map((p) => (
          <circle key={p.year} cx={x(p.year)} cy={y(p.share as number)} r={4.5} className="value-point" />
        ))}
      </svg>
      <figcaption>
        <span className="legend value">
          <T k="staff:indicators.legendValue" />
        </span>{" "}
        <span className="legend target">
          <T k="staff:indicators.legendTarget" />
        </span>
      </figcaption>
    </figure>
  );
}

function YearForm({
  session,
  indicator,
  ward,
  surveys,
  onChanged,
}: {
  session: StaffSession;
  indicator: Indicator;
  ward: string;
  surveys: Surveys;
  onChanged: (message: Message) => void;
}) {
  const { locale } = useT();
  const id = useId();
  const [year, setYear] = useState(new Date().getFullYear());
  const [source, setSource] = useState<"survey" | "recorded">(surveys.length > 0 ? "survey" : "recorded");
  const [surveyId, setSurveyId] = useState(surveys[0]?.id ?? "");
  const [share, setShare] = useState("");
  const [n, setN] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
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
      const response = await api.api.staff.indicators[":id"].years.$put(
        { param: { id: indicator.id }, json: { ward, year, source: body } },
        { headers: { "x-csrf-token": session.csrfToken } },
      );
      if (response.status !== 204) throw response;
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
            <select id={`${id}-survey`} value={surveyId} onChange={(e) => setSurveyId(e.target.value)}>
              {surveys.map((s) => (
                <option key={s.id} value={s.id}>
                  {plainText(localized(s.title, locale))}
                </option>
              ))}
            </select>
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
        {problem && (
          <p id={`${id}-problem`} role="alert" className="error">
            <T k={problem} />
          </p>
        )}
        <button type="submit" className="button primary">
          <T k="staff:indicators.saveYear" />
        </button>
      </fieldset>
    </form>
  );
}

type ChoiceQuestion = Extract<SurveyDefinition["questions"][number], { type: "single" | "multiple" }>;

function NewIndicator({ session, surveys, onChanged }: { session: StaffSession; surveys: Surveys; onChanged: (message: Message) => void }) {
  const { plain, locale } = useT();
  const admin = session.user.role === "city_admin";
  const id = useId();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<string>(admin ? "city" : (session.user.ward ?? ""));
  const [surveyId, setSurveyId] = useState(surveys[0]?.id ?? "");
  const [questionId, setQuestionId] = useState("");
  const [optionIds, setOptionIds] = useState<string[]>([]);
  const [name, setName] = useState("");
  const [baselineYear, setBaselineYear] = useState(new Date().getFullYear() - 1);
  const [targetYear, setTargetYear] = useState(new Date().getFullYear() + 3);
  const [points, setPoints] = useState("10");
  const [problem, setProblem] = useState<string | null>(null);
  const definition = useLoader<ChoiceQuestion[]>(
    async () => {
      const response = await api.api.staff.surveys[":id"].$get({ param: { id: surveyId } });
      if (response.status !== 200) throw response;
      const survey = (await response.json()) as { definition: SurveyDefinition };
      return survey.definition.questions.filter((q): q is ChoiceQuestion => q.type === "single" || q.type === "multiple");
    },
    open && surveyId ? surveyId : null,
  );
  const questions = definition.state.status === "ready" ? definition.state.data : [];
  const question = questions.find((q) => q.id === questionId);

  if (!open)
    return (
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        <T k="staff:indicators.add" />
      </button>
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = Number(points);
    if (!name.trim()) return setProblem("staff:indicators.nameMissing");
    if (!question || optionIds.length === 0) return setProblem("staff:indicators.optionsMissing");
    if (question.type === "multiple" && optionIds.length > 1) return setProblem("staff:indicators.oneOption");
    if (targetYear <= baselineYear) return setProblem("staff:indicators.yearsInvalid");
    if (!Number.isFinite(target) || Math.abs(target) > 100) return setProblem("staff:indicators.pointsInvalid");
    setProblem(null);
    try {
      const response = await api.api.staff.indicators.$post(
        {
          json: {
            name: name.trim(),
            ward: scope === "city" ? null : scope,
            questionId,
            optionIds,
            baselineYear,
            targetYear,
            targetPoints: target,
          },
        },
        { headers: { "x-csrf-token": session.csrfToken } },
      );
      if (response.status !== 201) throw response;
      setOpen(false);
      onChanged({ key: "staff:indicators.created", values: { name: name.trim() } });
    } catch (failure) {
      setProblem(await errorKeyOf(failure));
    }
  };

  return (
    <form
      className="indicator-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <h2>
        <T k="staff:indicators.newHeading" />
      </h2>
      <div className="field wide">
        <label htmlFor={`${id}-name`}>
          <T k="staff:indicators.name" />
        </label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </div>
      <WardPicker session={session} ward={scope} onChange={setScope} labelKey="staff:indicators.scope" city="staff:indicators.city" />
      <div className="field wide">
        <label htmlFor={`${id}-survey`}>
          <T k="staff:indicators.questionFrom" />
        </label>
        <select
          id={`${id}-survey`}
          value={surveyId}
          onChange={(e) => {
            setSurveyId(e.target.value);
            setQuestionId("");
            setOptionIds([]);
          }}
        >
          {surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {plainText(localized(s.title, locale))}
            </option>
          ))}
        </select>
      </div>
      {definition.state.status === "failed" && (
        <p role="alert" className="error">
          <T k={definition.state.errorKey} />
        </p>
      )}
      <div className="field wide">
        <label htmlFor={`${id}-question`}>
          <T k="staff:indicators.question" />
        </label>
        <select
          id={`${id}-question`}
          value={questionId}
          onChange={(e) => {
            setQuestionId(e.target.value);
            setOptionIds([]);
          }}
        >
          <option value="">{plain("staff:indicators.chooseQuestion")}</option>
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.id}: {plainText(localized(q.text, locale))}
            </option>
          ))}
        </select>
      </div>
      {question && (
        <fieldset className="themes">
          <legend>
            <T k="staff:indicators.options" />
          </legend>
          {question.options.map((option) => (
            <label key={option.id} className="check">
              <input
                type="checkbox"
                checked={optionIds.includes(option.id)}
                onChange={() =>
                  setOptionIds(optionIds.includes(option.id) ? optionIds.filter((o) => o !== option.id) : [...optionIds, option.id])
                }
              />
              {plainText(localized(option.label, locale))}
            </label>
          ))}
        </fieldset>
      )}
      <div className="row">
        <div className="field small">
          <label htmlFor={`${id}-baseline`}>
            <T k="staff:indicators.baselineYear" />
          </label>
          <input
            id={`${id}-baseline`}
            type="number"
            inputMode="numeric"
            value={baselineYear}
            onChange={(e) => setBaselineYear(Math.round(Number(e.target.value)) || baselineYear)}
          />
        </div>
        <div className="field small">
          <label htmlFor={`${id}-target`}>
            <T k="staff:indicators.targetYear" />
          </label>
          <input
            id={`${id}-target`}
            type="number"
            inputMode="numeric"
            value={targetYear}
            onChange={(e) => setTargetYear(Math.round(Number(e.target.value)) || targetYear)}
          />
        </div>
        <div className="field small">
          <label htmlFor={`${id}-points`}>
            <T k="staff:indicators.targetPoints" />
          </label>
          <input id={`${id}-points`} inputMode="decimal" value={points} onChange={(e) => setPoints(e.target.value)} />
        </div>
      </div>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error">
          <T k={problem} />
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary">
          <T k="staff:indicators.create" />
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          <T k="staff:matching.cancel" />
        </button>
      </div>
    </form>
  );
}
