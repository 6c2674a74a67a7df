/**
 * 通いの場を探す: filters (PlaceFilterForm) and "near me". Everything is filtered and sorted on the
 * device from the ward's stored data (placeSearch.ts), so it works with no signal; the position is
 * asked for only when the resident presses the button, and never leaves the phone.
 */
import { useState } from "react";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { useSettings } from "../settings/SettingsContext";
import { distanceText, nextText } from "./format";
import { LocalStatus } from "./LocalStatus";
import { japaneseLang, LocalName, plainName, shown } from "./localLanguage";
import { MapView } from "./MapView";
import { PlaceFilterForm } from "./PlaceFilterForm";
import { findPlaces, type PlaceFilters, type Position } from "./placeSearch";
import { useLocalData } from "./useLocal";

type Locating = { state: "off" } | { state: "asking" } | { state: "on"; position: Position } | { state: "failed" };

export function PlacesPage() {
  const { settings } = useSettings();
  const { plain, t, locale } = useT();
  const [ward, setWard] = useState(settings.ward ?? "");
  const [filters, setFilters] = useState<PlaceFilters>({ area: "", kind: "", weekday: "", time: "" });
  const [locating, setLocating] = useState<Locating>({ state: "off" });
  const [view, setView] = useState<"list" | "map">("list");
  const local = useLocalData(ward || null);

  const position = locating.state === "on" ? locating.position : null;
  const found = findPlaces(local.data?.places ?? [], filters, new Date(), position);

  const locate = () => {
    if (!navigator.geolocation) return setLocating({ state: "failed" });
    setLocating({ state: "asking" });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => setLocating({ state: "on", position: { latitude: coords.latitude, longitude: coords.longitude } }),
      () => setLocating({ state: "failed" }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  return (
    <Page titleKey="places.title">
      <p className="lead">
        <T k="places.intro" />
      </p>
      <PlaceFilterForm ward={ward} onWard={setWard} filters={filters} onFilters={setFilters} />
      <div className="near">
        <button type="button" className="button" onClick={locate} disabled={locating.state === "asking"}>
          <T k={locating.state === "asking" ? "places.locating" : "places.nearMe"} />
        </button>
        <p className="hint">
          <T k="places.nearHint" />
        </p>
        {locating.state === "failed" && (
          <p role="alert" className="error">
            <T k="places.locationFailed" />
          </p>
        )}
      </div>
      {ward ? (
        <>
          <LocalStatus local={local} />
          {local.data && (
            <>
              <p role="status">
                <T k={position ? "places.countNear" : "places.count"} values={{ count: found.length }} />
              </p>
              <fieldset className="actions-row plain-fieldset">
                <legend className="visually-hidden">
                  <T k="places.view" />
                </legend>
                {(["list", "map"] as const).map((v) => (
                  <button
                    key={v}
                    type="button"
                    className={v === view ? "button primary" : "button"}
                    aria-pressed={v === view}
                    onClick={() => setView(v)}
                  >
                    <T k={`places.views.${v}`} />
                  </button>
                ))}
              </fieldset>
              {view === "map" && (
                <MapView
                  places={found.map(({ place, next }) => ({
                    ...place,
                    name: plainName(place, place.name, locale),
                    shown: shown(place, "name", place.name, locale),
                    next: nextText(next, locale, plain),
                  }))}
                  here={position}
                />
              )}
              {found.length === 0 ? (
                <p>
                  <T k="places.none" />
                </p>
              ) : (
                <ul className="card-list">
                  {found.map(({ place, next, distance }) => (
                    <li key={place.id} className="card">
                      <p className="card-kicker">
                        <T k={`places.kinds.${place.kind}`} />
                      </p>
                      <p className="card-title">
                        <Link to={`/places/${place.id}`}>
                          <LocalName item={place} name={place.name} />
                        </Link>
                      </p>
                      <p className="card-meta">
                        <strong>
                          <RubyText text={nextText(next, locale, t)} />
                        </strong>
                        {distance !== null && <> · {plain("places.distance", { distance: distanceText(distance, locale) })}</>}
                      </p>
                      <p className="card-meta" lang={japaneseLang(locale)}>
                        {place.address} {place.building}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      ) : (
        <p>
          <T k="places.chooseWardFirst" />
        </p>
      )}
    </Page>
  );
}
