/**
 * One question's page of the report: its number and text, how many answered it, the chart and the
 * data table with counts, shares, 95 % Wilson intervals (sampled surveys) and weighted shares (when the
 * ward has a population table), exactly as published: a hidden count is "<K" as on the screens.
 */
import { localized, type Question } from "../../../../../shared/surveys/model";
import type { StaffResults } from "../../../../../shared/surveys/staff/results";
import { RubyText } from "../../../app/i18n/ruby";
import { T, useT } from "../../../app/i18n/T";
import { percent, percentRange } from "../../../staff/format";
import { useOptionLabel } from "../optionLabel";
import { ReportChart } from "./ReportChart";

type QuestionResult = StaffResults["segments"][number]["questions"][number];

export function ReportQuestion({
  number,
  question,
  result,
  sampled,
  weighted,
  min,
}: {
  number: number;
  question: Question;
  result: QuestionResult;
  sampled: boolean;
  weighted: boolean;
  min: number;
}) {
  const { locale } = useT();
  const label = useOptionLabel();
  const lessThan = <T k="staff:results.lessThan" values={{ min }} />;
  return (
    <section className="report-page" aria-labelledby={`report-q-${question.id}`}>
      <h2 id={`report-q-${question.id}`}>
        <T k="staff:report.question.heading" values={{ number }} /> <RubyText text={localized(question.text, locale)} />
      </h2>
      <p>
        {result.answered === null ? (
          <T k="staff:results.answeredHidden" values={{ min }} />
        ) : (
          <T k="staff:results.answered" values={{ count: result.answered }} />
        )}
      </p>
      <ReportChart
        number={number}
        min={min}
        sampled={sampled}
        bars={result.options.map((o) => ({ key: o.key, label: label(question, o.key), share: o.share, interval: o.interval }))}
      />
      <table className="report-table">
        <caption>
          <T k="staff:report.question.table" values={{ number }} />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <T k="staff:results.option" />
            </th>
            <th scope="col" className="number">
              <T k="staff:results.count" />
            </th>
            <th scope="col" className="number">
              <T k="staff:results.share" />
            </th>
            {sampled && (
              <th scope="col" className="number">
                <T k="staff:results.interval" />
              </th>
            )}
            {weighted && (
              <th scope="col" className="number">
                <T k="staff:results.weighted" />
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {result.options.map((option) => (
            <tr key={option.key}>
              <th scope="row">
                <RubyText text={label(question, option.key)} />
              </th>
              <td className="number">{option.count === null ? lessThan : option.count.toLocaleString(locale)}</td>
              <td className="number">{option.share === null ? "—" : percent(option.share)}</td>
              {sampled && <td className="number">{option.interval ? percentRange(option.interval) : "—"}</td>}
              {weighted && (
                <td className="number">
                  {option.weighted ? (
                    `${percent(option.weighted.share)}${option.weighted.interval ? ` (${percentRange(option.weighted.interval)})` : ""}`
                  ) : option.weightedUnavailable ? (
                    <T k="staff:results.weightedUnavailable" />
                  ) : (
                    "—"
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {question.type === "multiple" && (
        <p className="hint">
          <T k="staff:report.question.multiple" />
        </p>
      )}
    </section>
  );
}
