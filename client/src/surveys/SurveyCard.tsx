/**
 * One survey in the list: kind, title, time and closing date, and what this device knows of it —
 * 新着 (never opened here), 回答済み (answered from here), or a draft to resume — and 区の対応あり once the
 * ward has published what it did with the results.
 */
import { localized, type SurveySummary } from "../../../shared/surveys/model";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { formatDate } from "./format";

export type DeviceMark = "new" | "answered" | "draft" | null;

export function SurveyCard({ survey, mark }: { survey: SurveySummary; mark: DeviceMark }) {
  const { locale } = useT();
  return (
    <li className="card survey-card">
      <p className="card-kicker">
        {mark === "new" && (
          <>
            <span className="tag tag-new">
              <T k="surveys.new" />
            </span>{" "}
          </>
        )}
        <T k={`surveys.kind.${survey.kind}`} />
        {survey.ward === null && (
          <>
            {" · "}
            <T k="surveys.cityWide" />
          </>
        )}
      </p>
      <h3 className="card-title">
        <RubyText text={localized(survey.title, locale)} />
      </h3>
      {survey.followUp && (
        <p>
          <span className="tag">
            <T k="surveys.followUp.tag" />
          </span>
        </p>
      )}
      <p className="card-meta">
        <T k="surveys.minutes" values={{ count: survey.estimatedMinutes }} /> ·{" "}
        <T k="surveys.questionCount" values={{ count: survey.questionCount }} /> ·{" "}
        <T k="surveys.closes" values={{ date: formatDate(survey.closesAt, locale) }} />
      </p>
      {mark === "answered" ? (
        <p className="card-actions">
          <span className="tag">
            <T k="surveys.answered" />
          </span>
          {survey.resultsPublic && (
            <Link to={`/surveys/${survey.id}/results`} className="button">
              <T k="surveys.receipt.seeResults" />
            </Link>
          )}
        </p>
      ) : (
        <p className="card-actions">
          <Link to={`/surveys/${survey.id}`} className="button primary">
            <T k={mark === "draft" ? "surveys.resume" : "surveys.start"} />
          </Link>
        </p>
      )}
    </li>
  );
}
