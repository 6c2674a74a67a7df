/**
 * For a city administrator: every ward on one indicator in one year, side by side, in the city's
 * official order and by name, each with its value, 95 % interval and status against its own target;
 * a chart of the intervals for the eye and this table for screen readers and copying. A ward without
 * a value that year still has its row.
 */
import { useId, useState } from "react";
import { type Indicator, type IndicatorPoint, type IndicatorSeries, targetStatus } from "../../../../shared/planning/indicators";
import { wardRecords } from "../../../../shared/wards/data";
import { wardName } from "../../../../shared/wards/names";
import { plainText, RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { percent, percentRange } from "../../staff/format";
import { StaffTable } from "../../staff/StaffTable";
import { TargetStatusLabel } from "./TargetStatusLabel";
import { type ComparedWard, WardIntervalChart } from "./WardIntervalChart";

const columns = [
  { key: "staff:population.ward" },
  { key: "staff:indicators.value", number: true },
  { key: "staff:results.interval", number: true },
  { key: "staff:indicators.respondents", number: true },
  { key: "staff:indicators.targetColumn", number: true },
  { key: "staff:indicators.statusColumn" },
];

function compared(series: IndicatorSeries | undefined, year: number): ComparedWard {
  const point: IndicatorPoint | null = series?.points.find((p) => p.year === year) ?? null;
  const target = series?.target ?? null;
  const status =
    point?.inTrend && series && series.baseline !== null && target !== null ? targetStatus(point, series.baseline, target) : null;
  return { point, target, status };
}

export function IndicatorWardComparison({ indicator }: { indicator: Indicator }) {
  const { plain, locale } = useT();
  const years = [...new Set(indicator.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => b - a);
  const [year, setYear] = useState(years[0] ?? indicator.targetYear);
  const ids = { year: useId(), summary: useId() };
  const byWard = new Map(indicator.series.map((s) => [s.ward, s]));
  const rows = wardRecords.map((ward) => ({ ward, name: wardName(ward, locale), ...compared(byWard.get(ward.code), year) }));
  const city = compared(byWard.get(null), year);
  const counted = (status: string) => rows.filter((r) => r.status === status).length;
  return (
    <div className="ward-comparison">
      <h3>
        <T k="staff:indicators.compareHeading" />
      </h3>
      <div className="field small">
        <label htmlFor={ids.year}>
          <T k="staff:indicators.compareYear" />
        </label>
        <select id={ids.year} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <p id={ids.summary}>
        <T
          k="staff:indicators.compareSummary"
          values={{ year, reached: counted("reached"), near: counted("near"), notReached: counted("notReached") }}
        />
      </p>
      <WardIntervalChart
        wards={rows.map((r) => ({ ...r, label: plainText(r.name) }))}
        label={plain("staff:indicators.compareChart", { name: indicator.name, year })}
        describedBy={ids.summary}
      />
      <StaffTable caption={{ key: "staff:indicators.compareCaption", values: { name: indicator.name, year } }} columns={columns}>
        <tr>
          <th scope="row">
            <T k="staff:indicators.city" />
          </th>
          <Cells {...city} />
        </tr>
        {rows.map((row) => (
          <tr key={row.ward.code}>
            <th scope="row">
              <RubyText text={row.name} />
            </th>
            <Cells {...row} />
          </tr>
        ))}
      </StaffTable>
    </div>
  );
}

function Cells({ point, target, status }: ComparedWard) {
  if (!point) {
    return (
      <>
        <td className="number" colSpan={3}>
          <T k="staff:indicators.noValue" />
        </td>
        <td className="number">{target === null ? "—" : percent(target)}</td>
        <td>—</td>
      </>
    );
  }
  return (
    <>
      <td className="number">
        {point.share === null ? <T k="staff:indicators.hidden" /> : percent(point.share)}
        {point.selfSelected && !point.inTrend && (
          <strong className="flag">
            <T k="staff:indicators.selfSelected" />
          </strong>
        )}
      </td>
      <td className="number">{point.interval ? percentRange(point.interval) : "—"}</td>
      <td className="number">{point.n ?? "—"}</td>
      <td className="number">{target === null ? "—" : percent(target)}</td>
      <td>
        <TargetStatusLabel status={status} />
      </td>
    </>
  );
}
