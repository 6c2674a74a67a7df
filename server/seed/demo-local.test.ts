import { describe, expect, it } from "vitest";
import { nextOccurrence } from "../../shared/local/schedule";
import { AssociationInput, CouncilInput, MeetingInput, PlaceInput } from "../../shared/local/schemas";
import { wardRecords } from "../../shared/wards/data";
import { areaSeeds } from "./areas";
import { demoLocal } from "./demo-local";

const areas = wardRecords.flatMap((ward) =>
  (areaSeeds[ward.code] ?? []).map((area, i) => ({
    id: `${ward.code}-${String(i + 1).padStart(2, "0")}`,
    wardCode: ward.code,
    name: area.name,
  })),
);

describe("demo local life", () => {
  const now = new Date("2026-11-26T03:00:00Z");
  const demo = demoLocal(wardRecords, areas, now);

  it("is valid by the same schemas staff input is checked with", () => {
    for (const place of demo.places) expect(PlaceInput.safeParse(place).error).toBeUndefined();
    for (const association of demo.associations) expect(AssociationInput.safeParse(association).error).toBeUndefined();
    for (const council of demo.councils) expect(CouncilInput.safeParse(council).error).toBeUndefined();
    for (const meeting of demo.meetings) expect(MeetingInput.safeParse(meeting).error).toBeUndefined();
  });

  it("gives every ward 百歳体操 that meet within the next weeks, 町会 for every 地域, a 地活協 each, and a coming 区政会議", () => {
    for (const ward of wardRecords) {
      const wardAreas = areas.filter((a) => a.wardCode === ward.code);
      const hyakusai = demo.places.filter((p) => p.ward === ward.code && p.kind === "hyakusai");
      expect(hyakusai.length, ward.name).toBe(wardAreas.length);
      for (const place of hyakusai) expect(nextOccurrence(place.schedule, now), place.name).not.toBeNull();
      expect(new Set(demo.associations.filter((a) => a.ward === ward.code).map((a) => a.area))).toEqual(
        new Set(wardAreas.map((a) => a.id)),
      );
      expect(demo.councils.filter((c) => c.ward === ward.code)).toHaveLength(wardAreas.length);
      expect(demo.meetings.some((m) => m.ward === ward.code && Date.parse(m.startsAt) > now.getTime())).toBe(true);
    }
  });
});
