/**
 * Staff passwords, hashed with scrypt (memory-hard: 64 MiB and about a tenth of a second each).
 * The stored form carries its parameters, `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, so they can be
 * raised later without breaking existing hashes. Hashing runs on libuv's thread pool, not the
 * event loop.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const keyLength = 32;
const defaults = { log2N: 16, r: 8, p: 1 };

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, params = defaults): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params.log2N, params.r, params.p);
  return ["scrypt", params.log2N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), Number(log2N), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a password nobody has: verifying against it takes as long as against a real one, so a login name's existence does not show in the time a refusal takes. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString("base64url"));
  return decoy;
}
