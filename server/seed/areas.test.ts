import { describe, expect, it } from "vitest";
import { wardRecords } from "../../shared/wards/data";
import { areaSeeds } from "./areas";

const hiraganaOnly = /^[\u3041-\u309f\u30fc]+$/;

describe("the demo wards and areas", () => {
  it("has the 24 wards, each with a unique Osaka ward code", () => {
    const codes = wardRecords.map((ward) => ward.code);

    expect(codes).toHaveLength(24);
    expect(new Set(codes).size).toBe(24);
    for (const code of codes) expect(code).toMatch(/^271\d{2}$/);
  });

  it.each(wardRecords.map((ward) => [ward.code, ward.name] as const))("gives ward %s (%s) 4 to 6 areas", (code) => {
    const areas = areaSeeds[code] ?? [];

    expect(areas.length).toBeGreaterThanOrEqual(4);
    expect(areas.length).toBeLessThanOrEqual(6);
  });

  it("has areas only for known wards", () => {
    const wardCodes = new Set(wardRecords.map((ward) => ward.code));

    expect(Object.keys(areaSeeds).filter((code) => !wardCodes.has(code))).toEqual([]);
  });

  it("names each area once within its ward", () => {
    for (const [code, areas] of Object.entries(areaSeeds)) {
      const names = areas.map((area) => area.name);
      expect(new Set(names).size, `ward ${code}`).toBe(names.length);
    }
  });

  it("writes every area's reading in hiragana only", () => {
    const notHiragana = Object.values(areaSeeds)
      .flat()
      .filter((area) => !hiraganaOnly.test(area.reading))
      .map((area) => `${area.name}: ${area.reading}`);

    expect(notHiragana).toEqual([]);
  });
});
