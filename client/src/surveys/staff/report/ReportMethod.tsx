/**
 * The report's method page: population, sample, letters, responses, response rate, the online and
 * paper shares and the weighting, each said plainly as "— (does not apply)" where it does not (a poll
 * has no sample), then the rules every table follows (hidden small cells, intervals, weighting).
 */
import type { ReactNode } from "react";
import type { SurveyReport } from "../../../../../shared/surveys/staff/report";
import { T, useT } from "../../../app/i18n/T";
import { percent } from "../../../staff/format";

export function ReportMethod({ report }: { report: SurveyReport }) {
  const { locale } = useT();
  const { method } = report;
  const min = report.results.minCell;
  const none = (
    <>
      — (<T k="staff:report.method.notApplicable" />)
    </>
  );
  const count = (value: number | null, applies = true): ReactNode =>
    !applies ? none : value === null ? "—" : value.toLocaleString(locale);
  const mode = (value: number | null): ReactNode => {
    if (report.publishedAt === null) return "—";
    if (value === null) return <T k="staff:results.lessThan" values={{ min }} />;
    const share = method.responses ? percent(value / method.responses) : "—";
    return <T k="staff:report.method.countShare" values={{ number: value.toLocaleString(locale), share }} />;
  };
  const sampled = report.kind === "sampled";
  // Weighted shares are worked out only from shown counts: say so when none could be.
  const anyWeighted = report.results.segments.some((s) => s.questions.some((q) => q.options.some((o) => o.weighted)));
  const weighting = method.weighting === "none" ? "weightingNone" : anyWeighted ? "weightingAge" : "weightingUnavailable";
  const rows: [string, ReactNode][] = [
    ["population", count(method.population, method.population !== null)],
    ["sample", count(method.sample, sampled)],
    ["letters", count(method.letters, sampled)],
    ["responses", count(method.responses)],
    ["responseRate", !sampled || !method.sample ? none : method.responseRate === null ? "—" : percent(method.responseRate)],
    ["online", mode(method.online)],
    ["paper", mode(method.paper)],
    ["weighting", <T key="w" k={`staff:report.method.${weighting}`} />],
  ];
  return (
    <section className="report-page" aria-labelledby="report-method">
      <h2 id="report-method">
        <T k="staff:report.method.heading" />
      </h2>
      <table className="report-table report-method">
        <caption>
          <T k="staff:report.method.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <T k="staff:report.method.item" />
            </th>
            <th scope="col">
              <T k="staff:report.method.value" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">
                <T k={`staff:report.method.${key}`} />
              </th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!sampled && (
        <p className="notice" role="note">
          <T k="staff:results.pollUnverified" />
        </p>
      )}
      <p>
        <T k="staff:results.suppressionNote" values={{ min }} />
      </p>
      {sampled && (
        <p>
          <T k="staff:results.intervalNote" />
        </p>
      )}
      {method.weighting === "age" && (
        <p>
          <T k="staff:results.weightNote" /> <T k="staff:results.weightRule" />
        </p>
      )}
    </section>
  );
}
