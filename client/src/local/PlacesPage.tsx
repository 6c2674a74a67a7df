/**
 * 通いの場を探す: filters for kind, weekday, time of day, ward and 地域, and "near me". Everything is
 * filtered and sorted on the device from the ward's stored data, so it works with no signal; the
 * position is asked for only when the resident presses the button, and never leaves the phone.
 */
import { lazy, Suspense, useId, useState } from "react";
import { distanceMetres } from "../../../shared/local/distance";
import { nextOccurrence, timeOfDay, timesOfDay } from "../../../shared/local/schedule";
import { type Place, placeKinds } from "../../../shared/local/schemas";
import { areaName, wardName } from "../../../shared/wards/names";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { useSettings } from "../settings/SettingsContext";
import { useAreas, useWards } from "../wards/useWards";
import { distanceText, nextText, weekdayName } from "./format";
import { LocalStatus } from "./LocalStatus";
import { useLocalData } from "./useLocal";

/** The map and Leaflet: loaded only when asked for, never precached (vite.config.ts). */
const PlacesMap = lazy(() => import("./PlacesMap"));

type Position = { latitude: number; longitude: number };
type Locating = { state: "off" } | { state: "asking" } | { state: "on"; position: Position } | { state: "failed" };

export function PlacesPage() {
  const { settings } = useSettings();
  const { plain, locale } = useT();
  const [ward, setWard] = useState(settings.ward ?? "");
  const [area, setArea] = useState("");
  const [kind, setKind] = useState("");
  const [weekday, setWeekday] = useState("");
  const [time, setTime] = useState("");
  const [locating, setLocating] = useState<Locating>({ state: "off" });
  const [view, setView] = useState<"list" | "map">("list");
  const local = useLocalData(ward || null);
  const areas = useAreas(ward || null);
  const wards = useWards().state;
  const id = useId();
  const now = new Date();

  const matches = (place: Place) =>
    (!kind || place.kind === kind) &&
    (!area || place.area === area) &&
    place.schedule.rules.some((rule) => (!weekday || rule.weekday === Number(weekday)) && (!time || timeOfDay(rule.start) === time));
  const position = locating.state === "on" ? locating.position : null;
  const found = (local.data?.places ?? [])
    .filter(matches)
    .map((place) => ({ place, next: nextOccurrence(place.schedule, now), distance: position ? distanceMetres(position, place) : null }))
    .sort((a, b) =>
      a.distance !== null && b.distance !== null
        ? a.distance - b.distance
        : (a.next ? `${a.next.date}${a.next.start}` : "~").localeCompare(b.next ? `${b.next.date}${b.next.start}` : "~"),
    );

  const locate = () => {
    if (!navigator.geolocation) return setLocating({ state: "failed" });
    setLocating({ state: "asking" });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => setLocating({ state: "on", position: { latitude: coords.latitude, longitude: coords.longitude } }),
      () => setLocating({ state: "failed" }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  const select = (key: string, label: string, value: string, set: (v: string) => void, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>
        <T k={label} />
      </label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Page titleKey="places.title">
      <p className="lead">
        <T k="places.intro" />
      </p>
      <form className="filters" aria-label={plain("places.filters")} onSubmit={(e) => e.preventDefault()}>
        {select(
          "ward",
          "places.ward",
          ward,
          (v) => {
            setWard(v);
            setArea("");
          },
          [
            ["", plain("places.chooseWard")],
            ...(wards.status === "ready" ? wards.data.map((w): [string, string] => [w.code, plainText(wardName(w, locale))]) : []),
          ],
        )}
        {ward &&
          select("area", "places.area", area, setArea, [
            ["", plain("places.anyArea")],
            ...(areas.state.status === "ready"
              ? areas.state.data.map((a): [string, string] => [a.id, plainText(areaName(a, locale))])
              : []),
          ])}
        {select("kind", "places.kind", kind, setKind, [
          ["", plain("places.anyKind")],
          ...placeKinds.map((k): [string, string] => [k, plain(`places.kinds.${k}`)]),
        ])}
        {select("weekday", "places.weekday", weekday, setWeekday, [
          ["", plain("places.anyDay")],
          ...[1, 2, 3, 4, 5, 6, 0].map((d): [string, string] => [String(d), weekdayName(d, locale)]),
        ])}
        {select("time", "places.time", time, setTime, [
          ["", plain("places.anyTime")],
          ...timesOfDay.map((t): [string, string] => [t, plain(`places.times.${t}`)]),
        ])}
      </form>
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
                <MapView places={found.map(({ place, next }) => ({ ...place, next: nextText(next, locale, plain) }))} here={position} />
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
                        <Link to={`/places/${place.id}`}>{place.name}</Link>
                      </p>
                      <p className="card-meta">
                        <strong>{nextText(next, locale, plain)}</strong>
                        {distance !== null && <> · {plain("places.distance", { distance: distanceText(distance, locale) })}</>}
                      </p>
                      <p className="card-meta">
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

/** The map when there is a connection; offline, a note that the list still works. */
function MapView({ places, here }: { places: Parameters<typeof PlacesMap>[0]["places"]; here: Position | null }) {
  const [online] = useState(() => navigator.onLine);
  if (!online)
    return (
      <p role="status" className="notice">
        <T k="places.mapOffline" />
      </p>
    );
  return (
    <Suspense
      fallback={
        <p role="status" aria-busy="true">
          <T k="common.loading" />
        </p>
      }
    >
      <PlacesMap places={places} here={here} />
      <p className="hint">
        <T k="places.mapHint" />
      </p>
    </Suspense>
  );
}
