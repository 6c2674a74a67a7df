/**
 * The 通いの場 search, done on the phone from the ward's stored places: keep those that match every
 * chosen filter, then put the nearest first when the resident shared a position, else the soonest.
 */
import { distanceMetres } from "../../../shared/local/distance";
import { nextOccurrence, type Occurrence, timeOfDay } from "../../../shared/local/schedule";
import type { Place } from "../../../shared/local/schemas";

export type Position = { latitude: number; longitude: number };

/** The filters as the form holds them: "" is "any"; weekday is "0" (Sunday) … "6". */
export interface PlaceFilters {
  area: string;
  kind: string;
  weekday: string;
  time: string;
}

type Searched = Pick<Place, "kind" | "area" | "schedule" | "latitude" | "longitude">;

export interface Found<P> {
  place: P;
  next: Occurrence | null;
  distance: number | null;
}

function matches(place: Searched, { area, kind, weekday, time }: PlaceFilters): boolean {
  return (
    (!kind || place.kind === kind) &&
    (!area || place.area === area) &&
    place.schedule.rules.some((rule) => (!weekday || rule.weekday === Number(weekday)) && (!time || timeOfDay(rule.start) === time))
  );
}

/** A place that never meets again sorts last. */
const soonestKey = (next: Occurrence | null) => (next ? `${next.date}${next.start}` : "~");

export function findPlaces<P extends Searched>(
  places: readonly P[],
  filters: PlaceFilters,
  now: Date,
  position: Position | null,
): Found<P>[] {
  return places
    .filter((place) => matches(place, filters))
    .map((place) => ({ place, next: nextOccurrence(place.schedule, now), distance: position ? distanceMetres(position, place) : null }))
    .sort((a, b) =>
      a.distance !== null && b.distance !== null ? a.distance - b.distance : soonestKey(a.next).localeCompare(soonestKey(b.next)),
    );
}
