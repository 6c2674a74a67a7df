import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords";

describe("staff passwords", () => {
  it("verifies the password it hashed, and only that one", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$16\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("treats a password in either Unicode form as the same (パスワード typed on two keyboards)", async () => {
    const composed = "パスワード".normalize("NFC");
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it("refuses a stored value that is not a scrypt hash", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});
