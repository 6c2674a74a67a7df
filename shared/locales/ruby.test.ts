import { describe, expect, it } from "vitest";
import { parseRuby, plainText } from "./ruby";

describe("furigana markup", () => {
  it("splits text into plain runs and base/reading pairs", () => {
    expect(parseRuby("{区|く}を{選|えら}ぶ")).toEqual([{ base: "区", reading: "く" }, "を", { base: "選", reading: "えら" }, "ぶ"]);
  });

  it("leaves text without markup as one run", () => {
    expect(parseRuby("Settings")).toEqual(["Settings"]);
    expect(parseRuby("")).toEqual([]);
  });

  it("gives the base text for attributes", () => {
    expect(plainText("お{住|す}まいの{区|く}")).toBe("お住まいの区");
  });

  it("does not treat a lone brace or a placeholder as markup", () => {
    expect(parseRuby("a {b} c")).toEqual(["a {b} c"]);
    expect(plainText("{{count}}{人|にん}")).toBe("{{count}}人");
  });
});
