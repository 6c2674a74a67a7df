/**
 * 地域・町会: find one's 町会 (FindAssociation), the ward's 地域活動協議会, and its 区政会議 (Meetings).
 * All from the ward's data on the device, so it reads offline.
 */
import { useId, useState } from "react";
import { areaName, wardName } from "../../../shared/wards/names";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { TopicOptIn } from "../notices/TopicOptIn";
import { useSettings } from "../settings/SettingsContext";
import { useAreas, useWards } from "../wards/useWards";
import { FindAssociation } from "./FindAssociation";
import { JoinStatus } from "./JoinStatus";
import { LocalStatus } from "./LocalStatus";
import { LocalName } from "./localLanguage";
import { Meetings } from "./Meetings";
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
                      <Link to={`/community/councils/${council.id}`}>
                        <LocalName item={council} name={council.name} />
                      </Link>
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
          <TopicOptIn topic="meetings" />
        </>
      )}
    </>
  );
}
