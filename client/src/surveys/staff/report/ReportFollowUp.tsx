/**
 * The report's 区の対応 page, where staff have written one: the text in the console's language
 * (Japanese where none was written), as text with its line breaks, never as HTML, and whether residents
 * have been shown it.
 */
import { localized } from "../../../../../shared/surveys/model";
import type { SurveyReport } from "../../../../../shared/surveys/staff/report";
import { RubyText } from "../../../app/i18n/ruby";
import { T, useT } from "../../../app/i18n/T";
import { jstDay } from "./ReportCover";

export function ReportFollowUp({ followUp }: { followUp: NonNullable<SurveyReport["followUp"]> }) {
  const { locale } = useT();
  return (
    <section className="report-page" aria-labelledby="report-follow-up">
      <h2 id="report-follow-up">
        <T k="staff:followUp.heading" />
      </h2>
      <p className="hint">
        {followUp.publishedAt ? (
          <T k="staff:followUp.isPublished" values={{ date: jstDay(followUp.publishedAt) }} />
        ) : (
          <T k="staff:followUp.isUnpublished" />
        )}
      </p>
      <p className="pre-line">
        <RubyText text={localized(followUp.text, locale)} />
      </p>
    </section>
  );
}
