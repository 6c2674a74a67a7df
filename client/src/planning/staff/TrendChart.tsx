/**
 * An indicator's trend as an SVG: yearly values with their 95 % bars (solid), the line from the
 * baseline to the target (dashed). A self-selected poll not confirmed into the trend is a hollow dot
 * off the line. The data table beside it holds the same data.
 */
import { type Indicator, type IndicatorSeries, trendPoints } from "../../../../shared/planning/indicators";
import { T, useT } from "../../app/i18n/T";
import { shareScale, tickLabel } from "./share-scale";

export function TrendChart({ indicator, series, describedBy }: { indicator: Indicator; series: IndicatorSeries; describedBy: string }) {
  const { plain } = useT();
  const shown = trendPoints(series);
  const polls = series.points.filter((p) => p.share !== null && !p.inTrend);
  const years = [...shown.map((p) => p.year), ...polls.map((p) => p.year), indicator.baselineYear, indicator.targetYear];
  const [from, to] = [Math.min(...years), Math.max(...years)];
  const values = [
    ...shown.flatMap((p) => [p.share as number, ...(p.interval ?? [])]),
    ...polls.map((p) => p.share as number),
    ...(series.baseline !== null ? [series.baseline] : []),
    ...(series.target !== null ? [series.target] : []),
  ];
  const scale = shareScale(values);
  if (!scale) return null;
  const [width, height, left, right, top, bottom] = [640, 260, 56, 16, 16, 36];
  const x = (year: number) => left + ((year - from) / Math.max(1, to - from)) * (width - left - right);
  const y = (share: number) => top + (1 - scale.at(share)) * (height - top - bottom);
  const line = shown.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.share as number).toFixed(1)}`).join(" ");
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={plain("staff:indicators.chartLabel")} aria-describedby={describedBy}>
        {scale.ticks.map((tick) => (
          <g key={tick.toFixed(2)}>
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" className="tick">
              {tickLabel(tick)}
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
        {polls.map((p) => (
          <circle key={`poll-${p.year}`} cx={x(p.year)} cy={y(p.share as number)} r={5} className="poll-point" />
        ))}
      </svg>
      <figcaption>
        <span className="legend value">
          <T k="staff:indicators.legendValue" />
        </span>{" "}
        <span className="legend target">
          <T k="staff:indicators.legendTarget" />
        </span>
        {polls.length > 0 && (
          <>
            {" "}
            <span>
              <T k="staff:indicators.legendPoll" />
            </span>
          </>
        )}
      </figcaption>
    </figure>
  );
}
