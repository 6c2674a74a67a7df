import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encryptPayload, generateVapidKeys, VapidHeaders, validSubscriptionKeys, validVapidKeys } from "./webpush";

const b64 = (text: string) => Buffer.from(text, "base64url");

describe("Web Push encryption (RFC 8291)", () => {
  it("gives the RFC's own example message byte for byte, with its key and salt", () => {
    // RFC 8291 Appendix A.
    const body = encryptPayload(
      { p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4", auth: "BTBZMqHH6r4Tts7J_aSIgg" },
      "When I grow up, I want to be a watermelon",
      { privateKey: b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"), salt: b64("DGv6ra1nlYgDCS1FRnbzlw") },
    );
    expect(body.toString("base64url")).toBe(
      "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
    );
  });

  it("never sends the same bytes twice for the same text", () => {
    const keys = {
      p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
      auth: "BTBZMqHH6r4Tts7J_aSIgg",
    };
    const first = encryptPayload(keys, "同じ文");
    const second = encryptPayload(keys, "同じ文");
    expect(first.subarray(0, 16).equals(second.subarray(0, 16))).toBe(false);
    expect(first.subarray(21, 86).equals(second.subarray(21, 86))).toBe(false);
  });

  it("checks a browser's keys: a point on P-256 and a 16-byte secret", () => {
    const good = {
      p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
      auth: "BTBZMqHH6r4Tts7J_aSIgg",
    };
    expect(validSubscriptionKeys(good)).toBe(true);
    expect(validSubscriptionKeys({ ...good, auth: "BTBZMqHH6r4Tts7J" })).toBe(false);
    expect(validSubscriptionKeys({ ...good, p256dh: Buffer.concat([Buffer.of(4), Buffer.alloc(64, 7)]).toString("base64url") })).toBe(
      false,
    );
  });
});

describe("VAPID (RFC 8292)", () => {
  it("signs an ES256 token for the push service's origin that its public key verifies, once per origin until it nears expiry", () => {
    const keys = generateVapidKeys();
    expect(validVapidKeys(keys)).toBe(true);
    let now = Date.parse("2026-11-26T00:00:00Z");
    const headers = new VapidHeaders(keys, "mailto:notices@example.jp", () => now);
    const header = headers.headerFor("https://fcm.googleapis.com");
    const [, token, k] = /^vapid t=([^,]+), k=(.+)$/.exec(header) ?? [];
    expect(k).toBe(keys.publicKey);
    const [head, claims, signature] = (token as string).split(".") as [string, string, string];
    expect(JSON.parse(b64(head).toString())).toEqual({ typ: "JWT", alg: "ES256" });
    expect(JSON.parse(b64(claims).toString())).toEqual({
      aud: "https://fcm.googleapis.com",
      exp: now / 1000 + 12 * 3600,
      sub: "mailto:notices@example.jp",
    });
    const point = b64(keys.publicKey);
    const publicKey = createPublicKey({
      key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") },
      format: "jwk",
    });
    expect(verify("sha256", Buffer.from(`${head}.${claims}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, b64(signature))).toBe(true);

    expect(headers.headerFor("https://fcm.googleapis.com")).toBe(header);
    expect(headers.signed).toBe(1);
    headers.headerFor("https://updates.push.services.mozilla.com");
    expect(headers.signed).toBe(2);
    // Eleven hours on, still the same; past eleven (an hour before expiry), a new one.
    now += 11 * 3600 * 1000 - 1;
    expect(headers.headerFor("https://fcm.googleapis.com")).toBe(header);
    now += 2;
    expect(headers.headerFor("https://fcm.googleapis.com")).not.toBe(header);
    expect(headers.signed).toBe(3);
    expect(validVapidKeys({ publicKey: keys.publicKey, privateKey: generateVapidKeys().privateKey })).toBe(false);
  });
});
