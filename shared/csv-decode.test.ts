import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCsv } from "./csv-decode";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../tests/fixtures/csv/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeCsv", () => {
  it("reads UTF-8, with its byte-order mark taken off, or without one", () => {
    expect(decodeCsv(utf8("\uFEFF名称,人口\r\n"))).toEqual({ text: "名称,人口\r\n", encoding: "UTF-8" });
    expect(decodeCsv(utf8("名称,人口\r\n"))).toEqual({ text: "名称,人口\r\n", encoding: "UTF-8" });
    expect(decodeCsv(utf8("ID,a\n"))).toEqual({ text: "ID,a\n", encoding: "UTF-8" });
  });

  it("reads what Japanese Excel saves as CSV: Shift_JIS with the CP932 characters (髙, ①, ～)", () => {
    const decoded = decodeCsv(fixture("areas-cp932.csv"));
    expect(decoded.encoding).toBe("Shift_JIS");
    expect(decoded.text?.split("\r\n")[0]).toBe("全国地方公共団体コード,ID,名称,名称_カナ,名称_英語,人口,表示順");
    expect(decoded.text).toContain("髙松～扇町");
    expect(decoded.text).toContain("菅北①");
  });

  it("names UTF-16 by its mark, or by its NUL bytes without one, and reads nothing", () => {
    expect(decodeCsv(fixture("areas-utf16.csv"))).toEqual({ text: null, encoding: "UTF-16LE" });
    expect(decodeCsv(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toEqual({ text: null, encoding: "UTF-16BE" });
    expect(decodeCsv(new Uint8Array(Buffer.from("ID,a", "utf16le")))).toEqual({ text: null, encoding: "UTF-16" });
  });

  it("names bytes that are neither UTF-8 nor Shift_JIS as unknown", () => {
    // 0xFD and 0xFE begin no character of either.
    expect(decodeCsv(new Uint8Array([0x41, 0xfd, 0xfe, 0x2c]))).toEqual({ text: null, encoding: "unknown" });
  });
});
