/**
 * 結果報告書: a survey's results report as a console page that prints to A4 from the browser. Each
 * section is a page of its own (report.css: break-before), so the page count is known beforehand: the
 * cover, the method, one page per question with a chart, the free text, and 区の対応 where written.
 * Everything in it is the published results, hidden cells hidden as on the screens.
 */
import type { ReactNode } from "react";
import { localized, type Survey } from "../../../../../shared/surveys/model";
import type { SurveyReport } from "../../../../../shared/surveys/staff/report";
import { useLoader } from "../../../app/data";
import { RubyText } from "../../../app/i18n/ruby";
import { T, useT } from "../../../app/i18n/T";
import { Link } from "../../../app/router";
import { useStaffApi } from "../../../staff/api";
import { Loaded } from "../../../staff/Loaded";
import { expectStatus } from "../../../staff/staffFetch";
import type { ContentsEntry } from "./ReportContents";
import { ReportCover } from "./ReportCover";
import { ReportFollowUp } from "./ReportFollowUp";
import { hasFreeText, ReportFreeText } from "./ReportFreeText";
import { ReportMethod } from "./ReportMethod";
import { ReportQuestion } from "./ReportQuestion";
import "./report.css";

export function StaffReportPage({ surveyId }: { surveyId: string }) {
  const { api } = useStaffApi();
  const loader = useLoader<{ survey: Survey; report: SurveyReport }>(async () => {
    const [survey, report] = await Promise.all([
      api.surveys[":id"].$get({ param: { id: surveyId } }),
      api.surveys[":id"].report.$get({ param: { id: surveyId } }),
    ]);
    return {
      survey: (await expectStatus(survey, 200).json()) as unknown as Survey,
      report: await expectStatus(report, 200).json(),
    };
  }, surveyId);
  const back = (
    <p className="no-print">
      <Link to={`/staff/surveys/${surveyId}`}>
        <T k="staff:report.back" />
      </Link>
    </p>
  );
  return (
    <Loaded
      of={loader}
      waiting={
        <>
          {back}
          <h1 tabIndex={-1}>
            <T k="staff:report.title" />
          </h1>
        </>
      }
    >
      {({ survey, report }) => <Report survey={survey} report={report} back={back} />}
    </Loaded>
  );
}

function Report({ survey, report, back }: { survey: Survey; report: SurveyReport; back: ReactNode }) {
  const all = report.results.segments.find((s) => s.segment === "all");
  const charted = survey.definition.questions.flatMap((question, index) => {
    const result = all?.questions.find((q) => q.id === question.id);
    return question.type === "text" || !result ? [] : [{ question, result, number: index + 1 }];
  });
  const freeText = hasFreeText(report.freeText);
  const { locale } = useT();
  // The cover is page 1; every other section starts a page of its own, in this order.
  const contents: ContentsEntry[] = [
    { key: "method", title: <T k="staff:report.method.heading" /> },
    ...charted.map(({ question, number }) => ({
      key: question.id,
      title: (
        <>
          <T k="staff:report.question.heading" values={{ number }} /> <RubyText text={localized(question.text, locale)} />
        </>
      ),
    })),
    ...(freeText ? [{ key: "freeText", title: <T k="staff:report.freeText.heading" /> }] : []),
    ...(report.followUp ? [{ key: "followUp", title: <T k="staff:followUp.heading" /> }] : []),
  ].map((entry, i) => ({ ...entry, page: i + 2 }));
  const pages = 1 + contents.length;
  const weighted = report.method.weighting === "age";
  const sampled = report.kind === "sampled";
  return (
    <>
      <div className="no-print report-toolbar">
        {back}
        <p>
          <T k="staff:report.printHint" /> <T k="staff:report.pages" values={{ pages }} />
        </p>
        <button type="button" className="button primary" onClick={() => window.print()}>
          <T k="staff:report.print" />
        </button>
      </div>
      <article className="report" data-pages={pages}>
        <ReportCover survey={survey} report={report} contents={contents} />
        <ReportMethod report={report} />
        {charted.map(({ question, result, number }) => (
          <ReportQuestion
            key={question.id}
            number={number}
            question={question}
            result={result}
            sampled={sampled}
            weighted={weighted}
            min={report.results.minCell}
          />
        ))}
        {freeText && <ReportFreeText survey={survey} freeText={report.freeText} min={report.results.minCell} />}
        {report.followUp && <ReportFollowUp followUp={report.followUp} />}
      </article>
    </>
  );
}
