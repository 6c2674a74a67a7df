/** One series of an indicator: where it stands against the target in a sentence (達成 / 目標付近 / 未達), the trend chart it describes, and the same data as a table. */
import { useId } from "react";
import { type Indicator, type IndicatorSeries, progressOf } from "../../../../shared/planning/indicators";
import { T, useT } from "../../app/i18n/T";
import { percent } from "../../staff/format";
import { StaffTable } from "../../staff/StaffTable";
import { IndicatorYearRow, type YearActions } from "./IndicatorYearRow";
import { TargetStatusLabel } from "./TargetStatusLabel";
import { TrendChart } from "./TrendChart";

export function SeriesView({
  indicator,
  series,
  name,
  actions,
}: {
  indicator: Indicator;
  series: IndicatorSeries;
  name: string;
  /** Given when this staff member keeps the series. */
  actions: YearActions | null;
}) {
  const { plain } = useT();
  const progress = progressOf(series);
  const summaryId = useId();
  let summary: string;
  if (series.baseline === null || series.target === null)
    summary = plain("staff:indicators.noBaseline", { year: indicator.baselineYear, name });
  else if (!progress.latest || progress.status === null) summary = plain("staff:indicators.noValues", { name });
  else
    summary = plain("staff:indicators.summary", {
      name,
      baselineYear: indicator.baselineYear,
      baseline: percent(series.baseline),
      targetYear: indicator.targetYear,
      target: percent(series.target),
      year: progress.latest.year,
      value: percent(progress.latest.share as number),
      points: (progress.points ?? 0).toFixed(1),
      status: plain(`staff:indicators.status.${progress.status}`),
    });
  const columns = [
    { key: "staff:indicators.year" },
    { key: "staff:indicators.value", number: true },
    { key: "staff:results.interval", number: true },
    { key: "staff:indicators.respondents", number: true },
    { key: "staff:indicators.source" },
    { key: "staff:indicators.statusColumn" },
    actions !== null && { key: "staff:users.actions" },
  ];
  return (
    <>
      <div id={summaryId}>
        <p>
          <strong>{summary}</strong>
        </p>
        {progress.status && (
          <p className="status-line">
            <TargetStatusLabel status={progress.status} /> <T k={`staff:indicators.statusWhy.${progress.status}`} />
          </p>
        )}
      </div>
      <TrendChart indicator={indicator} series={series} describedBy={summaryId} />
      <StaffTable caption={{ key: "staff:indicators.tableCaption", values: { name: `${indicator.name} · ${name}` } }} columns={columns}>
        {series.points.map((point) => (
          <IndicatorYearRow key={point.year} series={series} point={point} actions={actions} />
        ))}
      </StaffTable>
    </>
  );
}
