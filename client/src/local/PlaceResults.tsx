/** What the 通いの場 search found: how many, as a list or on the map, each card with its next date and distance. */
import type { Place } from "../../../shared/local/schemas";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { distanceText, nextText } from "./format";
import { MapView } from "./MapView";
import type { Found, Position } from "./placeSearch";

const views = ["list", "map"] as const;
export type View = (typeof views)[number];

export function PlaceResults(props: { found: Found<Place>[]; position: Position | null; view: View; onView: (view: View) => void }) {
  const { found, position, view } = props;
  const { plain, locale } = useT();
  return (
    <>
      <p role="status">
        <T k={position ? "places.countNear" : "places.count"} values={{ count: found.length }} />
      </p>
      <fieldset className="actions-row plain-fieldset">
        <legend className="visually-hidden">
          <T k="places.view" />
        </legend>
        {views.map((v) => (
          <button
            key={v}
            type="button"
            className={v === view ? "button primary" : "button"}
            aria-pressed={v === view}
            onClick={() => props.onView(v)}
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
          {found.map((item) => (
            <PlaceCard key={item.place.id} {...item} />
          ))}
        </ul>
      )}
    </>
  );
}

function PlaceCard({ place, next, distance }: Found<Place>) {
  const { plain, locale } = useT();
  return (
    <li className="card">
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
  );
}
