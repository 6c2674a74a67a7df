/**
 * The 通いの場 map when there is a connection; offline, a note that the list still works. The map
 * and Leaflet are a chunk of their own (PlacesMap.tsx), loaded only when asked for and never
 * precached (vite.config.ts).
 */
import { lazy, Suspense, useState } from "react";
import { T } from "../app/i18n/T";
import type { MapPlace } from "./PlacesMap";
import type { Position } from "./placeSearch";

const PlacesMap = lazy(() => import("./PlacesMap"));

export function MapView({ places, here }: { places: MapPlace[]; here: Position | null }) {
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
