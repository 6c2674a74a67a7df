/**
 * On the survey list: the surveys (open or closed) of the resident's ward and the city whose 区の対応
 * the ward has published, newest first, each marked and linked to the survey, where it is shown.
 */
import { localized, type SurveySummary } from "../../../shared/surveys/model";
import { api } from "../app/api";
import { useLoader } from "../app/data";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { formatDate } from "./format";

export function FollowUpList({ ward }: { ward: string | null }) {
  const { locale } = useT();
  const { state } = useLoader<SurveySummary[]>(
    async () => {
      const response = await api.api.surveys["follow-ups"].$get({ query: ward ? { ward } : {} });
      if (response.status !== 200) throw response;
      return (await response.json()).surveys;
    },
    `follow-ups:${ward ?? "city"}`,
  );
  if (state.status !== "ready" || state.data.length === 0) return null;
  return (
    <section aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">
        <T k="surveys.followUp.listHeading" />
      </h2>
      <ul className="card-list">
        {state.data.map((survey) => (
          <li key={survey.id} className="card">
            <p className="card-kicker">
              <span className="tag">
                <T k="surveys.followUp.tag" />
              </span>
            </p>
            <h3 className="card-title">
              <RubyText text={localized(survey.title, locale)} />
            </h3>
            {survey.followUp && (
              <p className="card-meta">
                <T k="surveys.followUp.publishedAt" values={{ date: formatDate(survey.followUp.publishedAt, locale) }} />
              </p>
            )}
            <p className="card-actions">
              <Link to={`/surveys/${survey.id}/results`} className="button">
                <T k="surveys.followUp.read" />
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
