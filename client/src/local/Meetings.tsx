/**
 * 区政会議 on the community page: on air now and coming first, then those held, each with its links
 * (live stream, recording, the poll survey, minutes). Which is which is worked out on the device.
 */
import type { Meeting } from "../../../shared/local/schemas";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { formatDateTime } from "./format";
import { japaneseLang, LocalName, LocalText } from "./localLanguage";

export function Meetings({ meetings }: { meetings: Meeting[] }) {
  const { locale } = useT();
  const now = Date.now();
  const sorted = [...meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const onAir = (m: Meeting) => Date.parse(m.startsAt) <= now && now <= Date.parse(m.endsAt);
  const coming = sorted.filter((m) => Date.parse(m.startsAt) > now).reverse();
  const held = sorted.filter((m) => Date.parse(m.endsAt) < now);
  const upcoming = [...sorted.filter(onAir), ...coming];
  const card = (m: Meeting) => (
    <li key={m.id} id={`meeting-${m.id}`} className="card">
      <p className="card-title">
        <LocalName item={m} name={m.title} />
        {onAir(m) && (
          <span className="tag tag-warn">
            <T k="community.onAir" />
          </span>
        )}
      </p>
      <p className="card-meta">
        <RubyText text={formatDateTime(m.startsAt, locale, "long")} /> · <span lang={japaneseLang(locale)}>{m.place}</span>
      </p>
      {m.agenda && <LocalText item={m} text={m.agenda} className="pre-line" />}
      <div className="actions-row">
        {m.liveUrl && Date.parse(m.endsAt) >= now && (
          <a className="button" href={m.liveUrl} target="_blank" rel="noopener noreferrer">
            <T k={onAir(m) ? "community.watchLive" : "community.livePage"} />
          </a>
        )}
        {m.recordingUrl && (
          <a className="button" href={m.recordingUrl} target="_blank" rel="noopener noreferrer">
            <T k="community.recording" />
          </a>
        )}
        {m.pollSurveyId && (
          <Link className="button" to={`/surveys/${m.pollSurveyId}`}>
            <T k="community.poll" />
          </Link>
        )}
        {m.minutesUrl && (
          <a className="button" href={m.minutesUrl} target="_blank" rel="noopener noreferrer">
            <T k="community.minutes" />
          </a>
        )}
      </div>
    </li>
  );
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">
        <T k="community.meetingsHeading" />
      </h2>
      <p>
        <T k="community.meetingsIntro" />
      </p>
      {upcoming.length > 0 && (
        <>
          <h3>
            <T k="community.comingMeetings" />
          </h3>
          <ul className="card-list">{upcoming.map(card)}</ul>
        </>
      )}
      {held.length > 0 && (
        <>
          <h3>
            <T k="community.heldMeetings" />
          </h3>
          <ul className="card-list">{held.map(card)}</ul>
        </>
      )}
    </section>
  );
}
