/** 地域・町会: for now, the resident's ward's areas (地域活動協議会); finding and joining a 町会 comes next. */
import { areaName, wardName } from "../../../shared/wards/names";
import { RubyText } from "../i18n/ruby";
import { T, useT } from "../i18n/T";
import { Link } from "../router";
import { useSettings } from "../settings/SettingsContext";
import { ComingSoon, Page } from "../shell/Page";
import { useAreas, useWards } from "../wards/useWards";

export function CommunityPage() {
  const { settings } = useSettings();
  return (
    <Page titleKey="community.title">
      <p className="lead">
        <T k="community.intro" />
      </p>
      {settings.ward ? <WardAreas ward={settings.ward} myArea={settings.area} /> : <ChooseWardFirst />}
      <ComingSoon textKey="community.soon" />
    </Page>
  );
}

export function ChooseWardFirst() {
  return (
    <p>
      <T k="common.chooseWardFirst" />{" "}
      <Link to="/settings">
        <T k="common.goToSettings" />
      </Link>
    </p>
  );
}

function WardAreas({ ward, myArea }: { ward: string; myArea: string | null }) {
  const { locale, t } = useT();
  const wards = useWards().state;
  const { state, retry } = useAreas(ward);
  const wardRecord = wards.status === "ready" ? wards.data.find((w) => w.code === ward) : undefined;
  const number = new Intl.NumberFormat(locale === "ja-easy" ? "ja" : locale);
  return (
    <section aria-labelledby="areas-heading">
      <h2 id="areas-heading">
        <RubyText text={t("community.areasHeading", { ward: wardRecord ? wardName(wardRecord, locale) : "" })} />
      </h2>
      {state.status === "loading" && (
        <p role="status" aria-busy="true">
          <T k="common.loading" />
        </p>
      )}
      {state.status === "failed" && (
        <div role="alert">
          <p>
            <T k="community.areasLoadFailed" />
          </p>
          <button type="button" className="button" onClick={retry}>
            <T k="common.retry" />
          </button>
        </div>
      )}
      {state.status === "ready" && (
        <ul className="card-list">
          {state.data.map((area) => (
            <li key={area.id} className="card">
              <p className="card-title">
                <RubyText text={areaName(area, locale)} />
                {area.id === myArea && (
                  <span className="tag">
                    <T k="community.yourArea" />
                  </span>
                )}
              </p>
              <p className="card-meta">
                <T k="community.areaPopulation" values={{ count: number.format(area.population) }} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
