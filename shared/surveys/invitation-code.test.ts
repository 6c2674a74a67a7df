import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { codeAlphabet, newInvitationCode, normalizeInvitationCode, shortLink, shortLinkPath } from "./invitation-code";

const letter = `[${codeAlphabet}]`;
const codeShape = new RegExp(`^${letter}{4}-${letter}{4}-${letter}{4}-${letter}{4}$`);

const newCode = () => newInvitationCode(randomBytes(15));
/** The 16 characters of a code, without hyphens. */
const rawOf = (code: string) => code.replaceAll("-", "");
/** The code as typed on a full-width (全角) keyboard: every character shifted into the U+FF01… block. */
const fullWidth = (text: string) => [...text].map((ch) => String.fromCharCode((ch.codePointAt(0) as number) + 0xfee0)).join("");

describe("newInvitationCode", () => {
  it("uses a 32-letter alphabet without the look-alikes 0, O, 1 and I", () => {
    expect(new Set(codeAlphabet).size).toBe(32);
    for (const lookAlike of ["0", "O", "1", "I"]) expect(codeAlphabet).not.toContain(lookAlike);
  });

  it("writes four groups of four letters from the alphabet", () => {
    for (let i = 0; i < 100; i++) expect(newCode()).toMatch(codeShape);
  });

  it("makes codes that pass its own check", () => {
    for (let i = 0; i < 100; i++) {
      const code = newCode();
      expect(normalizeInvitationCode(code)).toBe(code);
    }
  });

  it("can use every letter of the alphabet", () => {
    const seen = new Set(Array.from({ length: 200 }, () => rawOf(newCode()).slice(0, 15)).join(""));

    expect([...seen].sort().join("")).toBe([...codeAlphabet].sort().join(""));
  });

  it("refuses fewer than 15 random bytes", () => {
    expect(() => newInvitationCode(randomBytes(14))).toThrow();
  });

  it("gives 10,000 different codes from 10,000 draws of random bytes", () => {
    const codes = new Set(Array.from({ length: 10_000 }, newCode));

    expect(codes.size).toBe(10_000);
  });
});

describe("normalizeInvitationCode", () => {
  it("accepts a code typed in lower case", () => {
    const code = newCode();

    expect(normalizeInvitationCode(code.toLowerCase())).toBe(code);
  });

  it("accepts a code typed with spaces instead of hyphens, or with none at all", () => {
    const code = newCode();

    expect(normalizeInvitationCode(code.replaceAll("-", " "))).toBe(code);
    expect(normalizeInvitationCode(` ${rawOf(code)} `)).toBe(code);
    expect(normalizeInvitationCode(rawOf(code))).toBe(code);
  });

  it("accepts a code typed in full-width characters, hyphens and spaces included", () => {
    const code = newCode();

    expect(normalizeInvitationCode(fullWidth(code))).toBe(code);
    expect(normalizeInvitationCode(fullWidth(code.toLowerCase()))).toBe(code);
    expect(normalizeInvitationCode(code.replaceAll("-", "\u3000"))).toBe(code);
  });

  it("accepts a Japanese long-vowel mark typed for a hyphen", () => {
    const code = newCode();

    expect(normalizeInvitationCode(code.replaceAll("-", "ー"))).toBe(code);
  });

  it("refuses a code one character short or long", () => {
    const raw = rawOf(newCode());

    expect(normalizeInvitationCode(raw.slice(0, 15))).toBeNull();
    expect(normalizeInvitationCode(`${raw}2`)).toBeNull();
    expect(normalizeInvitationCode("")).toBeNull();
  });

  it("refuses a code with a letter outside the alphabet", () => {
    const raw = rawOf(newCode());

    for (const lookAlike of ["0", "O", "1", "I", "!"]) expect(normalizeInvitationCode(lookAlike + raw.slice(1))).toBeNull();
  });

  it("refuses every code with one character mistyped, at each of the 16 positions", () => {
    for (const code of [newCode(), newCode(), newCode()]) {
      const raw = rawOf(code);
      const accepted: string[] = [];
      for (let position = 0; position < raw.length; position++) {
        for (const substitute of codeAlphabet) {
          if (substitute === raw[position]) continue;
          const typo = raw.slice(0, position) + substitute + raw.slice(position + 1);
          if (normalizeInvitationCode(typo) !== null) accepted.push(typo);
        }
      }
      expect(accepted, `mistypings of ${code} that pass the check`).toEqual([]);
    }
  });

  it("refuses at least 90% of codes with two differing neighbours swapped", () => {
    let swaps = 0;
    let caught = 0;
    for (let i = 0; i < 20; i++) {
      const raw = rawOf(newCode());
      for (let position = 0; position < raw.length - 1; position++) {
        const [a, b] = [raw[position], raw[position + 1]];
        if (a === b) continue;
        swaps++;
        const swapped = `${raw.slice(0, position)}${b}${a}${raw.slice(position + 2)}`;
        if (normalizeInvitationCode(swapped) === null) caught++;
      }
    }

    expect(swaps).toBeGreaterThan(0);
    expect(caught / swaps).toBeGreaterThanOrEqual(0.9);
  });
});

describe("shortLink", () => {
  it("leads to /c/CODE, at most 32 characters after the origin and without the survey's id", () => {
    for (let i = 0; i < 100; i++) {
      const code = newCode();
      const link = shortLink("https://machikoe.example.jp/", code);
      expect(link).toBe(`https://machikoe.example.jp/c/${code}`);
      expect(shortLinkPath(code).length).toBeLessThanOrEqual(32);
      expect(link).not.toMatch(/surveys|[0-9a-f]{8}-[0-9a-f]{4}/);
    }
  });
});
