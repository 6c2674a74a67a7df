import { describe, expect, it } from "vitest";
import { addressFrom, parseTrustProxy } from "./client-address";

describe("addressFrom", () => {
  const forged = "6.6.6.6, 203.0.113.9";

  it("reads from the right: one trusted hop takes the entry the proxy appended, not what the client wrote", () => {
    expect(addressFrom(1, "10.0.0.2", forged)).toBe("203.0.113.9");
    expect(addressFrom(true, "10.0.0.2", forged)).toBe("203.0.113.9");
  });

  it("skips as many hops as are trusted, and never past the left-most entry", () => {
    expect(addressFrom(2, "10.0.0.2", "198.51.100.4, 203.0.113.9, 10.0.0.3")).toBe("203.0.113.9");
    expect(addressFrom(5, "10.0.0.2", "203.0.113.9")).toBe("203.0.113.9");
  });

  it("uses the socket with no hops trusted, or without a header", () => {
    expect(addressFrom(0, "::ffff:192.0.2.8", forged)).toBe("192.0.2.8");
    expect(addressFrom(1, "192.0.2.8", undefined)).toBe("192.0.2.8");
  });

  it("with proxy ranges, skips every trusted address from the right and stops at the first other", () => {
    const proxies = ["10.0.0.0/8", "2001:db8::/32"];
    expect(addressFrom(proxies, "::ffff:10.1.2.3", "6.6.6.6, 203.0.113.9, 10.4.4.4")).toBe("203.0.113.9");
    expect(addressFrom(proxies, "2001:db8::1", forged)).toBe("203.0.113.9");
    // A sender that is not a trusted proxy: its X-Forwarded-For is ignored.
    expect(addressFrom(proxies, "198.51.100.5", forged)).toBe("198.51.100.5");
  });
});

describe("parseTrustProxy", () => {
  it("takes true, false, hop counts and address lists, and says what is wrong with anything else", () => {
    expect(parseTrustProxy("true")).toBe(1);
    expect(parseTrustProxy("3")).toBe(3);
    expect(parseTrustProxy("10.0.0.0/8,::1")).toEqual(["10.0.0.0/8", "::1"]);
    expect(parseTrustProxy("300")).toEqual({ error: expect.stringContaining("at most") });
    expect(parseTrustProxy("10.0.0.0/99")).toEqual({ error: expect.stringContaining("10.0.0.0/99") });
  });
});
