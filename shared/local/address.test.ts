import { describe, expect, it } from "vitest";
import { byAddress, normaliseAddress } from "./address";

describe("normaliseAddress", () => {
  it("reads full-width digits, kanji numerals before 丁目 and spaces alike", () => {
    expect(normaliseAddress("大阪市北区 扇町２丁目３−５")).toBe("北区扇町2丁目3-5");
    expect(normaliseAddress("扇町二丁目")).toBe("扇町2丁目");
    expect(normaliseAddress("菅原町十二丁目")).toBe("菅原町12丁目");
    expect(normaliseAddress("菅原町十丁目")).toBe("菅原町10丁目");
  });
});

describe("byAddress", () => {
  const associations = [
    { name: "扇町東町会", chome: ["扇町1丁目", "扇町2丁目"] },
    { name: "扇町西町会", chome: ["扇町3丁目"] },
    { name: "天満町会", chome: ["天満1丁目"] },
  ];

  it("finds the 町会 covering a typed address, however it is written", () => {
    expect(byAddress(associations, "大阪市北区扇町二丁目4-12 ○○マンション301").map((a) => a.name)).toEqual(["扇町東町会"]);
    expect(byAddress(associations, "扇町３丁目").map((a) => a.name)).toEqual(["扇町西町会"]);
  });

  it("offers every 町会 of a town while only its name is typed", () => {
    expect(byAddress(associations, "扇町").map((a) => a.name)).toEqual(["扇町東町会", "扇町西町会"]);
  });

  it("finds nothing for an address it does not cover, or for a single character", () => {
    expect(byAddress(associations, "中崎1丁目")).toEqual([]);
    expect(byAddress(associations, "扇")).toEqual([]);
  });
});
