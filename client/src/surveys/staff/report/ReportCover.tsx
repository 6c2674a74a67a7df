/**
 * The report's cover: its title, the survey's title, the ward by name (never its code; the city for a
 * city-wide survey), the survey's period and kind, and when the results in it were published.
 */
import { useEffect, useRef } from "react";
import { localized, type Survey } from "../../../../../shared/surveys/model";
import type { SurveyReport } from "../../../../../shared/surveys/staff/report";
import { toJstIso } from "../../../../../shared/time";
import { wardRecords } from "../../../../../shared/wards/data";
import { wardName } from "../../../../../shared/wards/names";
import { RubyText } from "../../../app/i18n/ruby";
import { T, useT } from "../../../app/i18n/T";
import { focusOnArrival } from "../../../app/shell/arrival";
import { type ContentsEntry, ReportContents } from "./ReportContents";

/** A day in Japan time (2026-12-06), or a moment to the minute. */
export const jstDay = (at: string) => toJstIso(new Date(at)).slice(0, 10);
const jstMinute = (at: string) => toJstIso(new Date(at)).slice(0, 16).replace("T", " ");

export function ReportCover({ survey, report, contents }: { survey: Survey; report: SurveyReport; contents: ContentsEntry[] }) {
  const { locale } = useT();
  const ward = wardRecords.find((w) => w.code === report.ward);
  const heading = useRef<HTMLHeadingElement>(null);
  // The loading state's heading went with the loading state: the report's own takes focus in its place.
  useEffect(() => {
    if (document.activeElement === document.body) focusOnArrival(heading.current);
  }, []);
  return (
    <section className="report-page report-cover" aria-labelledby="report-heading">
      <p className="report-kicker">
        <T k="staff:report.title" />
      </p>
      <h1 id="report-heading" tabIndex={-1} ref={heading}>
        <T k="staff:report.heading" values={{ title: localized(survey.definition.title, locale) }} />
      </h1>
      <dl className="report-facts">
        <dt>
          <T k="staff:report.cover.ward" />
        </dt>
        <dd>{ward ? <RubyText text={wardName(ward, locale)} /> : <T k="staff:report.cover.city" />}</dd>
        <dt>
          <T k="staff:report.cover.kind" />
        </dt>
        <dd>
          <T k={`staff:report.kinds.${report.kind}`} />
        </dd>
        <dt>
          <T k="staff:report.cover.period" />
        </dt>
        <dd>
          <T k="staff:report.cover.periodValue" values={{ from: jstDay(report.opensAt), to: jstDay(report.closesAt) }} />
        </dd>
        <dt>
          <T k="staff:report.cover.published" />
        </dt>
        <dd>{report.publishedAt ? jstMinute(report.publishedAt) : <T k="staff:report.cover.notPublished" />}</dd>
      </dl>
      <ReportContents entries={contents} />
    </section>
  );
}
