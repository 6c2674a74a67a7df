/**
 * One 通いの場: its next dates worked out from the schedule, where and what it costs, and links to
 * add it to the phone's calendar (.ics, made on the device), to call, and to find the way.
 */
import { useEffect, useState } from "react";
import { icsFor } from "../../../shared/local/ics";
import { upcoming } from "../../../shared/local/schedule";
import type { Place } from "../../../shared/local/schemas";
import { languageNames } from "../../../shared/locales/locales";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { localPlace } from "../db/local";
import { formatDate, ruleText } from "./format";
import { japaneseLang, LocalText, OriginalName, plainName, titleLangOf, titleOf } from "./localLanguage";

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
  const { plain, t, locale } = useT();
  const now = new Date();
  const dates = upcoming(place.schedule, now, 4);
  const [calendar, setCalendar] = useState<string | null>(null);
  useEffect(() => {
    const ics = icsFor({
      uid: place.id,
      title: plainName(place, place.name, locale),
      location: [place.address, place.building].filter(Boolean).join(" "),
      description: [place.audience, place.fee, place.notes].filter(Boolean).join("\n"),
      url: place.url,
      schedule: place.schedule,
      from: new Date(),
    });
    const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar" }));
    setCalendar(url);
    return () => URL.revokeObjectURL(url);
  }, [place, locale]);
  // The ward's own words among the facts (the capacity and the languages are the app's).
  const japanese = new Set(["places.fee", "places.audience", "places.barrierFree", "places.contact"]);
  const route = `https://www.google.com/maps/dir/?api=1&destination=${place.latitude},${place.longitude}`;
  const facts: [string, string][] = [
    ["places.fee", place.fee],
    ["places.audience", place.audience],
    ["places.capacity", place.capacity ? plain("places.people", { count: place.capacity }) : ""],
    ["places.barrierFree", place.barrierFree],
    ["places.languages", place.languages.map((l) => languageNames[l].label).join(" · ")],
    ["places.contact", place.contactName],
  ];
  return (
    <Page title={titleOf(place, place.name, locale)} titleLang={titleLangOf(place, place.name, locale)}>
      <OriginalName item={place} name={place.name} />
      <p className="card-kicker">
        <T k={`places.kinds.${place.kind}`} />
      </p>
      <h2>
        <T k="places.schedule" />
      </h2>
      <ul>
        {place.schedule.rules.map((rule) => (
          <li key={`${rule.weekday}-${rule.start}-${rule.weeks?.join()}`}>
            <RubyText text={ruleText(rule, locale, t)} />
          </li>
        ))}
        {place.schedule.skip?.map((kind) => (
          <li key={kind}>
            <T k={`places.skip.${kind}`} />
          </li>
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
              <RubyText text={formatDate(o.date, locale)} /> {o.start}〜{o.end}
            </li>
          ))}
        </ul>
      )}
      <h2>
        <T k="places.where" />
      </h2>
      <p lang={japaneseLang(locale)}>
        {place.address}
        {place.building && (
          <>
            <br />
            {place.building}
          </>
        )}
      </p>
      <div className="actions-row">
        {calendar && (
          <a className="button" href={calendar} download={`${plainName(place, place.name, locale)}.ics`}>
            <T k="places.addToCalendar" />
          </a>
        )}
        {place.phone && (
          <a className="button" href={`tel:${place.phone.replace(/[^0-9+]/g, "")}`}>
            <T k="places.call" values={{ phone: place.phone }} />
          </a>
        )}
        <a className="button" href={route} target="_blank" rel="noopener noreferrer">
          <T k="places.route" />
        </a>
      </div>
      <dl className="facts">
        {facts
          .filter(([, value]) => value)
          .map(([key, value]) => (
            <div key={key}>
              <dt>
                <T k={key} />
              </dt>
              <dd lang={japanese.has(key) ? japaneseLang(locale) : undefined}>{value}</dd>
            </div>
          ))}
      </dl>
      {place.notes && (
        <>
          <h2>
            <T k="places.notes" />
          </h2>
          <LocalText item={place} text={place.notes} />
        </>
      )}
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
