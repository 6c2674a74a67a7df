/**
 * A question's chart in the report: one horizontal bar per option, drawn as SVG (which prints without
 * "background graphics"), each filled with its own black-and-white pattern and labelled with its name
 * and share, so it reads on a monochrome printer. A sampled survey's bars carry their 95 % interval as a
 * thin line. Hidden counts have no bar, only "<K". The same figures are in the table below it, so the
 * bars are hidden from screen readers.
 */
import { useId } from "react";
import { RubyText } from "../../../app/i18n/ruby";
import { T } from "../../../app/i18n/T";
import { percent } from "../../../staff/format";

export interface Bar {
  key: string;
  label: string;
  share: number | null;
  interval: [number, number] | null;
}

/** Eight fills told apart without colour: hatching in four directions, a grid, a cross-hatch, dots, dense dots. */
function Pattern({ id, index }: { id: string; index: number }) {
  const kind = index % 8;
  const line = (rotate: number, size = 6) => (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse" patternTransform={`rotate(${rotate})`}>
      <rect width={size} height={size} fill="#fff" />
      <line x1="0" y1="0" x2="0" y2={size} stroke="#000" strokeWidth="2" />
    </pattern>
  );
  if (kind < 4) return line([45, 0, -45, 90][kind] as number);
  if (kind === 4 || kind === 5)
    return (
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={kind === 5 ? "rotate(45)" : undefined}>
        <rect width="6" height="6" fill="#fff" />
        <path d="M0 0V6M0 0H6" stroke="#000" strokeWidth="1.5" />
      </pattern>
    );
  const size = kind === 6 ? 5 : 3.5;
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse">
      <rect width={size} height={size} fill="#fff" />
      <circle cx={size / 2} cy={size / 2} r="1.1" fill="#000" />
    </pattern>
  );
}

export function ReportChart({ number, bars, min, sampled }: { number: number; bars: Bar[]; min: number; sampled: boolean }) {
  const id = useId();
  return (
    <figure className="report-chart">
      <figcaption>
        <T k="staff:report.question.chart" values={{ number }} />
        {sampled && (
          <>
            {" "}
            <T k="staff:report.question.chartInterval" />
          </>
        )}
      </figcaption>
      <div className="report-bars" aria-hidden="true">
        {bars.map((bar, i) => (
          <div className="report-bar-row" key={bar.key}>
            <span className="report-bar-label">
              <RubyText text={bar.label} />
            </span>
            <svg className="report-bar" width="100%" height="22" role="presentation">
              <defs>
                <Pattern id={`${id}-${i}`} index={i} />
              </defs>
              <line x1="0" y1="0" x2="0" y2="22" stroke="#000" strokeWidth="1" />
              {bar.share !== null && (
                <rect x="0" y="3" width={`${bar.share * 100}%`} height="16" fill={`url(#${id}-${i})`} stroke="#000" strokeWidth="1" />
              )}
              {bar.interval && <Interval interval={bar.interval} />}
            </svg>
            <span className="report-bar-value">
              {bar.share === null ? <T k="staff:results.lessThan" values={{ min }} /> : percent(bar.share)}
            </span>
          </div>
        ))}
        <span />
        <span className="report-axis">
          <span>0%</span>
          <span>50%</span>
          <span>100%</span>
        </span>
        <span />
      </div>
    </figure>
  );
}

/** The interval as an I-beam, white under black, so it shows over any fill. */
function Interval({ interval: [low, high] }: { interval: [number, number] }) {
  const [x1, x2] = [`${low * 100}%`, `${high * 100}%`];
  return (
    <g>
      <line x1={x1} x2={x2} y1="11" y2="11" stroke="#fff" strokeWidth="4" />
      <line x1={x1} x2={x2} y1="11" y2="11" stroke="#000" strokeWidth="1.5" />
      <line x1={x1} x2={x1} y1="6" y2="16" stroke="#000" strokeWidth="1.5" />
      <line x1={x2} x2={x2} y1="6" y2="16" stroke="#000" strokeWidth="1.5" />
    </g>
  );
}
