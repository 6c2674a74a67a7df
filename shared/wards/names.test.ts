import { describe, expect, it } from "vitest";
import { locales } from "../locales/locales";
import { wardRecords } from "./data";
import { wardName } from "./names";

describe("a ward's name", () => {
  it("is the same from its code as from its record, in every locale", () => {
    for (const ward of wardRecords) for (const locale of locales) expect(wardName(ward.code, locale)).toBe(wardName(ward, locale));
  });

  it("writes 北区, never its code, in each language", () => {
    expect(["ja", "ja-easy", "en", "zh-Hans", "ko", "vi"].map((l) => wardName("27127", l as (typeof locales)[number]))).toEqual([
      "北区",
      "{北区|きたく}",
      "Kita Ward",
      "北区",
      "기타구",
      expect.stringMatching(/Kita/),
    ]);
  });

  it("gives back a code that names no ward as it is", () => {
    expect(wardName("27999", "ja")).toBe("27999");
  });
});
