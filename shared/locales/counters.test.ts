import { describe, expect, it } from "vitest";
import { readCounters } from "./counters";

describe("readCounters", () => {
  it("reads minutes as Japanese does, whatever the number", () => {
    const reading = (n: number) => readCounters(`${n}{分|ふん}`).match(/\|(.+)\}/)?.[1];
    // いっぷん にふん さんぷん よんぷん ごふん ろっぷん ななふん はっぷん きゅうふん じゅっぷん
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(reading)).toEqual([
      "ぷん",
      "ふん",
      "ぷん",
      "ぷん",
      "ふん",
      "ぷん",
      "ふん",
      "ぷん",
      "ふん",
      "ぷん",
    ]);
    // じゅういっぷん, にじゅうごふん, ひゃっぷん, せんぷん
    expect([11, 25, 100, 1000].map(reading)).toEqual(["ぷん", "ふん", "ぷん", "ぷん"]);
  });

  it("reads one and two people as ひとり and ふたり, over the number too, and more as にん", () => {
    expect(readCounters("{{count}}{人|にん}".replace("{{count}}", "1"))).toBe("{1人|ひとり}");
    expect(readCounters("2{人|にん}が{答|こた}えました")).toBe("{2人|ふたり}が{答|こた}えました");
    expect(readCounters("10{人|にん}{未満|みまん}")).toBe("10{人|にん}{未満|みまん}");
    expect(readCounters("1,200{人|にん}")).toBe("1,200{人|にん}");
  });

  it("reads 本, 階 and 軒 by their number, and leaves other counters and text alone", () => {
    expect(["1", "2", "3", "6", "10", "1000"].map((n) => readCounters(`${n}{本|ほん}`))).toEqual([
      "1{本|ぽん}",
      "2{本|ほん}",
      "3{本|ぼん}",
      "6{本|ぽん}",
      "10{本|ぽん}",
      "1000{本|ぼん}",
    ]);
    expect(readCounters("3{階|かい}")).toBe("3{階|がい}");
    expect(readCounters("3{軒|けん}")).toBe("3{軒|げん}");
    expect(readCounters("1{件|けん}、{人|ひと}、5{分|ふん}")).toBe("1{件|けん}、{人|ひと}、5{分|ふん}");
  });
});
