/** One indicator: its definition in words, the series shown (the city, or a ward), its trend and table, a year's value to set, and its delete. */
import { useId, useState } from "react";
import type { Indicator } from "../../../../shared/planning/indicators";
import { localized } from "../../../../shared/surveys/model";
import { wardName } from "../../../../shared/wards/names";
import { errorKeyOf } from "../../app/errors";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import type { StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";
import { IndicatorWardComparison } from "./IndicatorWardComparison";
import { SeriesView } from "./SeriesView";
import { type Surveys, YearForm } from "./YearForm";

/** A series' name: the city (the wards' average) or the ward's name. */
export function useSeriesName() {
  const { plain, locale } = useT();
  return (ward: string | null) => {
    if (ward === null) return plain("staff:indicators.city");
    return plainText(wardName(ward, locale));
  };
}

export function IndicatorCard({
  indicator,
  surveys,
  onChanged,
}: {
  indicator: Indicator;
  surveys: Surveys;
  onChanged: (message: StatusText) => void;
}) {
  const { plain, locale } = useT();
  const { api, session } = useStaffApi();
  const seriesName = useSeriesName();
  const [chosen, setChosen] = useState(0);
  const selectId = useId();
  const headingId = useId();
  const series = indicator.series[chosen] ?? indicator.series[0];
  const admin = session.user.role === "city_admin";
  const owner = indicator.ward === null ? admin : admin || indicator.ward === session.user.ward;
  const editableWard = series && series.ward !== null && (admin || series.ward === session.user.ward) ? series.ward : null;

  const change = async (call: () => Promise<unknown>, done: StatusText) => {
    try {
      await call();
      onChanged(done);
    } catch (failure) {
      onChanged({ key: await errorKeyOf(failure), error: true });
    }
  };
  const remove = async () => {
    if (!window.confirm(plain("staff:indicators.confirmDelete", { name: indicator.name }))) return;
    await change(async () => expectStatus(await api.indicators[":id"].$delete({ param: { id: indicator.id } }), 204), {
      key: "staff:indicators.deleted",
      values: { name: indicator.name },
    });
  };
  const removeYear = async (ward: string, year: number) => {
    if (!window.confirm(plain("staff:indicators.confirmRemoveYear", { year, ward: seriesName(ward) }))) return;
    const param = { id: indicator.id, ward, year: String(year) };
    await change(async () => expectStatus(await api.indicators[":id"].years[":ward"][":year"].$delete({ param }), 204), {
      key: "staff:indicators.yearRemoved",
      values: { year },
    });
  };
  const pollTrend = async (ward: string, year: number, inTrend: boolean) => {
    if (inTrend && !window.confirm(plain("staff:indicators.confirmIncludePoll", { year }))) return;
    const param = { id: indicator.id, ward, year: String(year) };
    await change(
      async () => expectStatus(await api.indicators[":id"].years[":ward"][":year"].trend.$put({ param, json: { inTrend } }), 204),
      { key: inTrend ? "staff:indicators.pollIncluded" : "staff:indicators.pollExcluded", values: { year } },
    );
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
        <SeriesView
          indicator={indicator}
          series={series}
          name={seriesName(series.ward)}
          actions={editableWard ? { remove: removeYear, pollTrend } : null}
        />
      )}
      {admin && indicator.ward === null && <IndicatorWardComparison indicator={indicator} />}
      {editableWard && (
        <YearForm
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
