/**
 * 地域・町会: find one's 町会 (地域 → 丁目, or by typing an address), the ward's 地域活動協議会, and its
 * 区政会議 — upcoming, on air now, and held (recordings and minutes). All from the ward's data on the
 * device, so it reads offline.
 */
import { useId, useState } from "react";
import { byAddress } from "../../../shared/local/address";
import type { Association, Meeting } from "../../../shared/local/schemas";
import { areaName, wardName } from "../../../shared/wards/names";
import { plainText, RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { useSettings } from "../settings/SettingsContext";
import { useAreas, useWards } from "../wards/useWards";
import { useJoins } from "./joins";
import { LocalStatus } from "./LocalStatus";
import { useLocalData } from "./useLocal";

export function CommunityPage() {
  const { settings } = useSettings();
  const { plain, locale } = useT();
  const [ward, setWard] = useState(settings.ward ?? "");
  const wards = useWards().state;
  const wardId = useId();
  return (
    <Page titleKey="community.title">
      <p className="lead">
        <T k="community.intro" />
      </p>
      <div className="field">
        <label htmlFor={wardId}>
          <T k="places.ward" />
        </label>
        <select id={wardId} value={ward} onChange={(e) => setWard(e.target.value)}>
          <option value="">{plain("places.chooseWard")}</option>
          {wards.status === "ready" &&
            wards.data.map((w) => (
              <option key={w.code} value={w.code}>
                {plainText(wardName(w, locale))}
              </option>
            ))}
        </select>
      </div>
      {ward ? (
        <WardCommunity key={ward} ward={ward} myArea={ward === settings.ward ? settings.area : null} />
      ) : (
        <p>
          <T k="community.chooseWard" />
        </p>
      )}
    </Page>
  );
}

function WardCommunity({ ward, myArea }: { ward: string; myArea: string | null }) {
  const local = useLocalData(ward);
  const { locale } = useT();
  const areas = useAreas(ward);
  const areaLabel = (id: string | null) => {
    const area = areas.state.status === "ready" ? areas.state.data.find((a) => a.id === id) : undefined;
    return area ? areaName(area, locale) : "";
  };
  return (
    <>
      <LocalStatus local={local} />
      <JoinStatus />
      {local.data && (
        <>
          <FindAssociation associations={local.data.associations} myArea={myArea} areaLabel={areaLabel} />
          <section aria-labelledby="councils-heading">
            <h2 id="councils-heading">
              <T k="community.councilsHeading" />
            </h2>
            <p>
              <T k="community.councilsIntro" />
            </p>
            <ul className="card-list">
              {local.data.councils
                .sort((a, b) => a.area.localeCompare(b.area))
                .map((council) => (
                  <li key={council.id} className="card">
                    <p className="card-title">
                      <Link to={`/community/councils/${council.id}`}>{council.name}</Link>
                      {council.area === myArea && (
                        <span className="tag">
                          <T k="community.yourArea" />
                        </span>
                      )}
                    </p>
                  </li>
                ))}
            </ul>
          </section>
          <Meetings meetings={local.data.meetings} />
        </>
      )}
    </>
  );
}

function FindAssociation({
  associations,
  myArea,
  areaLabel,
}: {
  associations: Association[];
  myArea: string | null;
  areaLabel: (id: string | null) => string;
}) {
  const id = useId();
  const { plain } = useT();
  const [area, setArea] = useState(myArea ?? "");
  const [chome, setChome] = useState("");
  const [address, setAddress] = useState("");
  const areaIds = [...new Set(associations.map((a) => a.area ?? ""))].filter(Boolean).sort();
  const inArea = associations.filter((a) => a.area === area);
  const found = address.trim() ? byAddress(associations, address) : chome ? inArea.filter((a) => a.chome.includes(chome)) : [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <T k="community.findHeading" />
      </h2>
      <p>
        <T k="community.findIntro" />
      </p>
      <div className="field">
        <label htmlFor={`${id}-address`}>
          <T k="community.address" />
        </label>
        <input
          id={`${id}-address`}
          value={address}
          autoComplete="street-address"
          placeholder={plain("community.addressExample")}
          onChange={(e) => setAddress(e.target.value)}
        />
      </div>
      <p className="hint">
        <T k="community.orChoose" />
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-area`}>
            <T k="community.area" />
          </label>
          <select
            id={`${id}-area`}
            value={area}
            onChange={(e) => {
              setArea(e.target.value);
              setChome("");
            }}
          >
            <option value="">{plain("community.chooseArea")}</option>
            {areaIds.map((a) => (
              <option key={a} value={a}>
                {plainText(areaLabel(a)) || a}
              </option>
            ))}
          </select>
        </div>
        {area && (
          <div className="field">
            <label htmlFor={`${id}-chome`}>
              <T k="community.chome" />
            </label>
            <select id={`${id}-chome`} value={chome} onChange={(e) => setChome(e.target.value)}>
              <option value="">{plain("community.chooseChome")}</option>
              {[...new Set(inArea.flatMap((a) => a.chome))].sort().map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {(address.trim() || chome) && (
        <div role="status">
          {found.length === 0 ? (
            <p>
              <T k="community.notFound" />
            </p>
          ) : (
            <ul className="card-list">
              {found.map((a) => (
                <li key={a.id} className="card">
                  <p className="card-title">
                    <Link to={`/community/associations/${a.id}`}>{a.name}</Link>
                  </p>
                  <p className="card-meta">{a.chome.join("・")}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function JoinStatus() {
  const joins = useJoins();
  if (!joins || joins.length === 0) return null;
  return (
    <section aria-labelledby="joins-heading" className="notice">
      <h2 id="joins-heading" className="notice-label">
        <T k="community.joinsHeading" />
      </h2>
      <ul>
        {joins.map((join) => (
          <li key={join.id}>
            {join.associationName}: <T k={`community.joinStates.${join.state}`} />
            {join.errorCode && (
              <>
                {" "}
                (<T k={join.errorCode.includes(".") ? `errors.${join.errorCode}` : "errors.internal.error"} />)
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Meetings({ meetings }: { meetings: Meeting[] }) {
  const { locale } = useT();
  const now = Date.now();
  const format = new Intl.DateTimeFormat(locale === "ja-easy" ? "ja" : locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  });
  const sorted = [...meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const onAir = (m: Meeting) => Date.parse(m.startsAt) <= now && now <= Date.parse(m.endsAt);
  const coming = sorted.filter((m) => Date.parse(m.startsAt) > now).reverse();
  const held = sorted.filter((m) => Date.parse(m.endsAt) < now);
  const card = (m: Meeting) => (
    <li key={m.id} className="card">
      <p className="card-title">
        <RubyText text={m.title} />
        {onAir(m) && (
          <span className="tag tag-warn">
            <T k="community.onAir" />
          </span>
        )}
      </p>
      <p className="card-meta">
        {format.format(new Date(m.startsAt))} · {m.place}
      </p>
      {m.agenda && <p className="pre-line">{m.agenda}</p>}
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
      {[...sorted.filter(onAir), ...coming].length > 0 && (
        <>
          <h3>
            <T k="community.comingMeetings" />
          </h3>
          <ul className="card-list">{[...sorted.filter(onAir), ...coming].map(card)}</ul>
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
