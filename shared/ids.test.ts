import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { uuidv7 } from "./ids";

const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const hexOf = (id: string) => id.replaceAll("-", "");
/** The 48-bit Unix-millisecond timestamp at the front of a UUIDv7. */
const timestampOf = (id: string) => Number.parseInt(hexOf(id).slice(0, 12), 16);
const anyMillis = fc.bigInt({ min: 0n, max: 2n ** 48n - 1n }).map(Number);
const anyRandom = fc.uint8Array({ minLength: 10, maxLength: 10 });

describe("uuidv7", () => {
  it("is a UUID of version 7 and the RFC 9562 variant (10xx)", () => {
    fc.assert(
      fc.property(anyMillis, anyRandom, (ms, random) => {
        const id = uuidv7(ms, random);
        expect(id).toMatch(shape);
        const hex = hexOf(id);
        expect(hex[12]).toBe("7");
        expect(Number.parseInt(hex[16] as string, 16) >> 2).toBe(0b10);
      }),
    );
  });

  it("encodes the given time in its first 48 bits, and the current time by default", () => {
    fc.assert(fc.property(anyMillis, anyRandom, (ms, random) => timestampOf(uuidv7(ms, random)) === ms));
    const before = Date.now();
    const id = uuidv7();
    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it("keeps the 74 random bits it is given: all but the version and variant bits", () => {
    fc.assert(
      fc.property(anyMillis, anyRandom, (ms, random) => {
        const bytes = Uint8Array.from(hexOf(uuidv7(ms, random)).match(/../g) ?? [], (h) => Number.parseInt(h, 16)).subarray(6);
        expect((bytes[0] as number) & 0x0f).toBe((random[0] as number) & 0x0f);
        expect(bytes[1]).toBe(random[1]);
        expect((bytes[2] as number) & 0x3f).toBe((random[2] as number) & 0x3f);
        expect([...bytes.subarray(3)]).toEqual([...random.subarray(3)]);
      }),
    );
  });

  it("sorts by creation time: an id made a millisecond later sorts after, whatever the random bits", () => {
    fc.assert(
      fc.property(anyMillis, anyMillis, anyRandom, anyRandom, (a, b, ra, rb) => {
        fc.pre(a !== b);
        const [x, y] = [uuidv7(a, ra), uuidv7(b, rb)];
        expect(x < y).toBe(a < b);
      }),
    );
  });

  it("does not repeat over many ids made in the same millisecond", () => {
    const now = Date.now();
    const ids = Array.from({ length: 20_000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
