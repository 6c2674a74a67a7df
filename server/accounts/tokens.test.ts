import { describe, expect, it } from "vitest";
import { NewPassword } from "../../shared/accounts/schemas";
import { newLinkToken, temporaryPassword, tokenDigest } from "./tokens";

describe("one-time links and temporary passwords", () => {
  it("stores a link's token only as its SHA-256, expiring 24 hours after it was made", () => {
    const now = new Date("2027-04-01T00:00:00Z");
    const { token, row } = newLinkToken("reset", "user-1", now);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(row).toEqual({
      tokenHash: tokenDigest(token),
      purpose: "reset",
      userId: "user-1",
      createdAt: "2027-04-01T00:00:00.000Z",
      expiresAt: "2027-04-02T00:00:00.000Z",
    });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(newLinkToken("reset", "user-1", now).token).not.toBe(token);
  });

  it("makes temporary passwords of four groups of four letters nobody misreads, long enough for the password rule", () => {
    const made = Array.from({ length: 200 }, temporaryPassword);
    for (const password of made) {
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      expect(NewPassword.safeParse(password).success).toBe(true);
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
