import { describe, expect, it } from "vitest";
import type { Schedule } from "../../../shared/local/schedule";
import { findPlaces, type PlaceFilters } from "./placeSearch";

/** Monday 30 November 2026, 09:00 in Japan. */
const now = new Date("2026-11-30T00:00:00Z");
const any: PlaceFilters = { area: "", kind: "", weekday: "", time: "" };
const weekly = (weekday: number, start: string): Schedule => ({ rules: [{ weekday, start, end: "23:00" }] });

const places = [
  { id: "far-tuesday-morning", kind: "salon", area: "a1", schedule: weekly(2, "10:00"), latitude: 34.71, longitude: 135.5 },
  { id: "near-friday-evening", kind: "frailty", area: "a2", schedule: weekly(5, "18:00"), latitude: 34.7, longitude: 135.5 },
  { id: "mid-monday-afternoon", kind: "salon", area: "a1", schedule: weekly(1, "13:00"), latitude: 34.705, longitude: 135.5 },
] as const;
const ids = (found: { place: { id: string } }[]) => found.map((f) => f.place.id);

describe("findPlaces", () => {
  it("puts the soonest meeting first when there is no position", () => {
    expect(ids(findPlaces(places, any, now, null))).toEqual(["mid-monday-afternoon", "far-tuesday-morning", "near-friday-evening"]);
    expect(findPlaces(places, any, now, null)[0]).toMatchObject({ next: { date: "2026-11-30", start: "13:00" }, distance: null });
  });

  it("puts the nearest first once the resident shares a position, with the distance in metres", () => {
    const found = findPlaces(places, any, now, { latitude: 34.6995, longitude: 135.5 });
    expect(ids(found)).toEqual(["near-friday-evening", "mid-monday-afternoon", "far-tuesday-morning"]);
    expect(found[0]?.distance).toBeCloseTo(56, 0);
  });

  it("keeps only the places that match every chosen filter", () => {
    expect(ids(findPlaces(places, { ...any, kind: "salon" }, now, null))).toEqual(["mid-monday-afternoon", "far-tuesday-morning"]);
    expect(ids(findPlaces(places, { ...any, kind: "salon", weekday: "2" }, now, null))).toEqual(["far-tuesday-morning"]);
    expect(ids(findPlaces(places, { ...any, time: "evening" }, now, null))).toEqual(["near-friday-evening"]);
    expect(ids(findPlaces(places, { ...any, area: "a2", time: "morning" }, now, null))).toEqual([]);
  });
});
