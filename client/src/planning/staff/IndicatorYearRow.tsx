/** One year of a series in its table: the value, its interval, respondents, source (a self-selected poll flagged), status against the target, and its actions. */
import { type IndicatorPoint, type IndicatorSeries, targetStatus } from "../../../../shared/planning/indicators";
import { T } from "../../app/i18n/T";
import { percent, percentRange } from "../../staff/format";
import { TargetStatusLabel } from "./TargetStatusLabel";

export interface YearActions {
  remove: (ward: string, year: number) => Promise<void>;
  pollTrend: (ward: string, year: number, inTrend: boolean) => Promise<void>;
}

export function IndicatorYearRow({
  series,
  point,
  actions,
}: {
  series: IndicatorSeries;
  point: IndicatorPoint;
  /** Given when this staff member keeps the series. */
  actions: YearActions | null;
}) {
  const status =
    point.inTrend && series.baseline !== null && series.target !== null ? targetStatus(point, series.baseline, series.target) : null;
  const ward = series.ward;
  return (
    <tr className={point.inTrend ? undefined : "out-of-trend"}>
      <th scope="row">{point.year}</th>
      <td className="number">{point.share === null ? <T k="staff:indicators.hidden" /> : percent(point.share)}</td>
      <td className="number">{point.interval ? percentRange(point.interval) : "—"}</td>
      <td className="number">{point.n ?? "—"}</td>
      <td>
        <T k={`staff:indicators.sources.${point.source}`} values={{ wards: point.wards ?? 0 }} />
        {point.selfSelected && (
          <strong className="flag">
            <T k="staff:indicators.selfSelected" />
            <br />
            <T k={point.inTrend ? "staff:indicators.confirmedInTrend" : "staff:indicators.outOfTrend"} />
          </strong>
        )}
      </td>
      <td>
        <TargetStatusLabel status={status} />
      </td>
      {actions && ward && (
        <td>
          <div className="actions-row">
            {point.selfSelected && (
              <button type="button" className="button" onClick={() => void actions.pollTrend(ward, point.year, !point.inTrend)}>
                <T k={point.inTrend ? "staff:indicators.excludePoll" : "staff:indicators.includePoll"} values={{ year: point.year }} />
              </button>
            )}
            <button type="button" className="button" onClick={() => void actions.remove(ward, point.year)}>
              <T k="staff:indicators.removeYear" values={{ year: point.year }} />
            </button>
          </div>
        </td>
      )}
    </tr>
  );
}
