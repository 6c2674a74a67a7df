/**
 * One 通いの場, read from the device: its schedule and next dates worked out from it, where it is,
 * what it costs and who it is for, and what to do next (PlaceActions: calendar, call, the way).
 */
import { useEffect, useState } from "react";
import { upcoming } from "../../../shared/local/schedule";
import type { Place } from "../../../shared/local/schemas";
import { languageNames } from "../../../shared/locales/locales";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { localPlace } from "../db";
import { formatDate, ruleText } from "./format";
import { PlaceActions } from "./PlaceActions";

export function PlacePage({ placeId }: { placeId: string }) {
  const [place, setPlace] = useState<Place | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    localPlace(placeId).then(
      (found) => current && setPlace(found),
      () => current && setPlace(null),
    );
    return () => {
      current = false;
    };
  }, [placeId]);
  if (place === undefined)
    return (
      <p role="status" aria-busy="true">
        <T k="common.loading" />
      </p>
    );
  if (place === null)
    return (
      <Page titleKey="places.notFound">
        <p>
          <Link to="/places">
            <T k="places.back" />
          </Link>
        </p>
      </Page>
    );
  return <PlaceDetail place={place} />;
}

function PlaceDetail({ place }: { place: Place }) {
  const { plain, locale } = useT();
  const now = new Date();
  const dates = upcoming(place.schedule, now, 4);
  const facts: [string, string][] = [
    ["places.fee", place.fee],
    ["places.audience", place.audience],
    ["places.capacity", place.capacity ? plain("places.people", { count: place.capacity }) : ""],
    ["places.barrierFree", place.barrierFree],
    ["places.languages", place.languages.map((l) => languageNames[l].label).join(" · ")],
    ["places.contact", place.contactName],
    ["places.notes", place.notes],
  ];
  return (
    <Page title={place.name}>
      <p className="card-kicker">
        <T k={`places.kinds.${place.kind}`} />
      </p>
      <h2>
        <T k="places.schedule" />
      </h2>
      <ul>
        {place.schedule.rules.map((rule) => (
          <li key={`${rule.weekday}-${rule.start}-${rule.weeks?.join()}`}>{ruleText(rule, locale, plain)}</li>
        ))}
      </ul>
      <h3>
        <T k="places.upcoming" />
      </h3>
      {dates.length === 0 ? (
        <p>
          <T k="places.noNext" />
        </p>
      ) : (
        <ul>
          {dates.map((o) => (
            <li key={`${o.date}${o.start}`}>
              {formatDate(o.date, locale)} {o.start}〜{o.end}
            </li>
          ))}
        </ul>
      )}
      <h2>
        <T k="places.where" />
      </h2>
      <p>
        {place.address}
        {place.building && (
          <>
            <br />
            {place.building}
          </>
        )}
      </p>
      <PlaceActions place={place} />
      <dl className="facts">
        {facts
          .filter(([, value]) => value)
          .map(([key, value]) => (
            <div key={key}>
              <dt>
                <T k={key} />
              </dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <p className="hint">
        <T k="places.confirmed" values={{ date: formatDate(place.confirmedOn, locale) }} />
      </p>
      <p>
        <Link to="/places">
          <T k="places.back" />
        </Link>
      </p>
    </Page>
  );
}
