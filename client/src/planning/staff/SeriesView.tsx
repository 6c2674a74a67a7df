/** One series of an indicator: the progress in a sentence, the trend chart it describes, and the same data as a table. */
import { useId } from "react";
import { type Indicator, type IndicatorSeries, progressOf } from "../../../../shared/planning/indicators";
import { T, useT } from "../../app/i18n/T";
import { percent } from "../../staff/format";
import { StaffTable } from "../../staff/StaffTable";
import { TrendChart } from "./TrendChart";

export function SeriesView({
  indicator,
  series,
  name,
  onRemoveYear,
}: {
  indicator: Indicator;
  series: IndicatorSeries;
  name: string;
  /** Given when this staff member keeps the series. */
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
  const columns = [
    { key: "staff:indicators.year" },
    { key: "staff:indicators.value", number: true },
    { key: "staff:results.interval", number: true },
    { key: "staff:indicators.respondents", number: true },
    { key: "staff:indicators.source" },
    onRemoveYear !== null && { key: "staff:users.actions" },
  ];
  return (
    <>
      <p id={summaryId}>
        <strong>{summary}</strong>
      </p>
      <TrendChart indicator={indicator} series={series} describedBy={summaryId} />
      <StaffTable caption={{ key: "staff:indicators.tableCaption", values: { name: `${indicator.name} · ${name}` } }} columns={columns}>
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
      </StaffTable>
    </>
  );
}
