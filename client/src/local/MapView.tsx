/**
 * The 通いの場 map when there is a connection; offline, a note that the list still works. The map
 * and Leaflet are a chunk of their own (PlacesMap.tsx), loaded only when asked for and never
 * precached (vite.config.ts).
 */
import { lazy, Suspense, useState } from "react";
import { T, useT } from "../app/i18n/T";
import type { MapPlace } from "./PlacesMap";
import type { Position } from "./placeSearch";

const PlacesMap = lazy(() => import("./PlacesMap"));

export function MapView({ places, here }: { places: MapPlace[]; here: Position | null }) {
  const { plain } = useT();
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
      {/* The map's words are passed in, so its chunk imports no i18n module: with useT inside it, Rolldown
          split a shared chunk off the first load (+0.7 kB gzip). */}
      <PlacesMap places={places} here={here} labels={{ map: plain("places.mapLabel"), youAreHere: plain("places.youAreHere") }} />
      <p className="hint">
        <T k="places.mapHint" />
      </p>
    </Suspense>
  );
}
