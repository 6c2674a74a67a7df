/**
 * A letter's code without a signal: the server, which alone can tell a code's survey, cannot be asked.
 * The code will be checked when the phone is online; meanwhile each open 区民意識調査 saved on this
 * phone is offered, to begin answering now with the code filled in (it is checked again on sending).
 */
import { localized } from "../../../shared/surveys/model";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import type { SavedSurvey } from "../db/schemas";
import { surveyPathFor } from "./resolve-code";

export function CodeOffline({ code, saved, onRetry }: { code: string; saved: SavedSurvey[]; onRetry: () => void }) {
  const { locale } = useT();
  return (
    <section className="notice" aria-labelledby="code-offline-heading">
      <h2 id="code-offline-heading">
        <T k="surveys.enterCode.offlineHeading" />
      </h2>
      <p>
        <T k="surveys.enterCode.offline" />
      </p>
      {saved.length === 0 ? (
        <p>
          <T k="surveys.enterCode.offlineNone" />
        </p>
      ) : (
        <>
          <p>
            <T k="surveys.enterCode.offlineSaved" />
          </p>
          <ul className="card-list">
            {saved.map(({ survey }) => (
              <li key={survey.id}>
                <Link to={surveyPathFor(survey.id, code)} className="button">
                  <T k="surveys.enterCode.answerThis" values={{ title: plainText(localized(survey.definition.title, locale)) }} />
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button" onClick={onRetry}>
        <T k="common.retry" />
      </button>
    </section>
  );
}
