/**
 * Every ward's value on one indicator as an SVG dot plot: a row per ward in the city's official
 * order, the value as a dot with its 95 % bar, and the ward's target as a tick. A poll kept out of
 * the trend is a hollow dot. The table beside it holds the same data, so the chart is one image.
 */
import type { IndicatorPoint, TargetStatus } from "../../../../shared/planning/indicators";
import { T } from "../../app/i18n/T";
import { shareScale, tickLabel } from "./share-scale";

export interface ComparedWard {
  point: IndicatorPoint | null;
  target: number | null;
  status: TargetStatus | null;
}

export function WardIntervalChart({
  wards,
  label,
  describedBy,
}: {
  wards: (ComparedWard & { label: string })[];
  label: string;
  describedBy: string;
}) {
  const values = wards.flatMap((w) => [
    ...(w.point?.share != null ? [w.point.share, ...(w.point.interval ?? [])] : []),
    ...(w.target !== null ? [w.target] : []),
  ]);
  const scale = shareScale(values);
  if (!scale) return null;
  const [width, row, left, right, top, bottom] = [640, 22, 150, 16, 8, 28];
  const height = top + wards.length * row + bottom;
  const x = (share: number) => left + scale.at(share) * (width - left - right);
  const y = (i: number) => top + i * row + row / 2;
  return (
    <figure className="trend ward-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} aria-describedby={describedBy}>
        {scale.ticks.map((tick) => (
          <g key={tick.toFixed(2)}>
            <line x1={x(tick)} x2={x(tick)} y1={top} y2={height - bottom} className="grid" />
            <text x={x(tick)} y={height - 8} textAnchor="middle" className="tick">
              {tickLabel(tick)}
            </text>
          </g>
        ))}
        {wards.map((ward, i) => {
          const share = ward.point?.share ?? null;
          return (
            <g key={ward.label}>
              <text x={left - 8} y={y(i) + 4} textAnchor="end" className="tick">
                {ward.label}
              </text>
              {ward.target !== null && <line x1={x(ward.target)} x2={x(ward.target)} y1={y(i) - 8} y2={y(i) + 8} className="target-tick" />}
              {share !== null && ward.point?.interval && (
                <line x1={x(ward.point.interval[0])} x2={x(ward.point.interval[1])} y1={y(i)} y2={y(i)} className="error-bar" />
              )}
              {share !== null && <circle cx={x(share)} cy={y(i)} r={4.5} className={ward.point?.inTrend ? "value-point" : "poll-point"} />}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span className="legend value">
          <T k="staff:indicators.legendValue" />
        </span>{" "}
        <span className="legend target-mark">
          <T k="staff:indicators.legendWardTarget" />
        </span>{" "}
        <span>
          <T k="staff:indicators.legendPoll" />
        </span>
      </figcaption>
    </figure>
  );
}
