/**
 * Web Push, the two pieces a sender owns, on node:crypto alone:
 * - the payload encryption of RFC 8291 (aes128gcm, RFC 8188), one record per message;
 * - the VAPID identification of RFC 8292: an ES256 JWT for the push service's origin. Signing is
 *   the costly part, so a header is made once per origin and reused until shortly before it expires.
 */
import {
  createCipheriv,
  createECDH,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  sign,
} from "node:crypto";

export interface SubscriptionKeys {
  /** The browser's P-256 public key, uncompressed (65 bytes), base64url. */
  p256dh: string;
  /** The browser's 16-byte authentication secret, base64url. */
  auth: string;
}

export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url: the applicationServerKey a browser subscribes with. */
  publicKey: string;
  /** The private scalar (32 bytes), base64url. */
  privateKey: string;
}

const b64url = (bytes: Buffer) => bytes.toString("base64url");
const fromB64url = (text: string) => Buffer.from(text, "base64url");

/** A new VAPID key pair. */
export function generateVapidKeys(): VapidKeys {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const jwk = privateKey.export({ format: "jwk" });
  return {
    publicKey: b64url(Buffer.concat([Buffer.of(4), fromB64url(jwk.x as string), fromB64url(jwk.y as string)])),
    privateKey: jwk.d as string,
  };
}

/** Whether a pair is well formed: a 65-byte point on P-256 and the 32-byte scalar that makes it. */
export function validVapidKeys(keys: VapidKeys): boolean {
  try {
    return vapidPublicKeyOf(keys.privateKey) === keys.publicKey;
  } catch {
    return false;
  }
}

function vapidPublicKeyOf(privateKey: string): string {
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(fromB64url(privateKey));
  return b64url(ecdh.getPublicKey());
}

function signingKey(keys: VapidKeys): KeyObject {
  const point = fromB64url(keys.publicKey);
  return createPrivateKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: b64url(point.subarray(1, 33)),
      y: b64url(point.subarray(33, 65)),
      d: keys.privateKey,
    },
    format: "jwk",
  });
}

/** A subscription's keys as the browser gave them, checked: a point on P-256 and a 16-byte secret. */
export function validSubscriptionKeys(keys: SubscriptionKeys): boolean {
  try {
    const point = fromB64url(keys.p256dh);
    if (point.length !== 65 || point[0] !== 4 || fromB64url(keys.auth).length !== 16) return false;
    createPublicKey({
      key: { kty: "EC", crv: "P-256", x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) },
      format: "jwk",
    });
    return true;
  } catch {
    return false;
  }
}

const keyInfoLabel = Buffer.from("WebPush: info\0", "latin1");
const cekInfo = Buffer.from("Content-Encoding: aes128gcm\0", "latin1");
const nonceInfo = Buffer.from("Content-Encoding: nonce\0", "latin1");
const recordSize = 4096;

/** Salts come from one random draw per 256 messages: a system call per push costs more than the rest of the hashing. */
let randomPool = Buffer.alloc(0);
let randomOffset = 0;
function salt(): Buffer {
  if (randomOffset + 16 > randomPool.length) {
    randomPool = randomBytes(4096);
    randomOffset = 0;
  }
  randomOffset += 16;
  return randomPool.subarray(randomOffset - 16, randomOffset);
}

/**
 * The encrypted body of one push (RFC 8291 §3.4): a fresh ephemeral key and salt every time, so
 * the same text to the same browser never looks the same twice.
 */
export function encryptPayload(
  keys: SubscriptionKeys,
  plaintext: string | Buffer,
  /** Tests only: the RFC's fixed key and salt instead of fresh ones. */
  fixed?: { privateKey: Buffer; salt: Buffer },
): Buffer {
  const uaPublic = fromB64url(keys.p256dh);
  const authSecret = fromB64url(keys.auth);
  const ephemeral = createECDH("prime256v1");
  let asPublic: Buffer;
  if (fixed) {
    ephemeral.setPrivateKey(fixed.privateKey);
    asPublic = ephemeral.getPublicKey();
  } else asPublic = ephemeral.generateKeys();
  const ecdhSecret = ephemeral.computeSecret(uaPublic);
  // IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0 || ua_public || as_public, 32)
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, authSecret, Buffer.concat([keyInfoLabel, uaPublic, asPublic]), 32));
  const saltBytes = fixed?.salt ?? salt();
  const cek = Buffer.from(hkdfSync("sha256", ikm, saltBytes, cekInfo, 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, saltBytes, nonceInfo, 12));
  const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  // One record: the data, then the last-record delimiter 0x02 (no padding).
  if (data.length + 1 + 16 > recordSize - 86) throw new RangeError("push payload too large");
  const cipher = createCipheriv("aes-128-gcm", cek, nonce);
  const body = Buffer.concat([cipher.update(data), cipher.update(Buffer.of(2)), cipher.final(), cipher.getAuthTag()]);
  // Header: salt (16) | rs (uint32) | idlen (1) | keyid = as_public (65)
  const header = Buffer.alloc(16 + 4 + 1);
  saltBytes.copy(header, 0);
  header.writeUInt32BE(recordSize, 16);
  header.writeUInt8(asPublic.length, 20);
  return Buffer.concat([header, asPublic, body]);
}

/**
 * VAPID Authorization headers, one per push-service origin, each reused until an hour before it
 * expires (they are valid 12 hours; RFC 8292 allows up to 24).
 */
export class VapidHeaders {
  private readonly key: KeyObject;
  private readonly cache = new Map<string, { header: string; renewAt: number }>();
  /** How many JWTs were signed: the tests check the cache with it. */
  signed = 0;

  constructor(
    private readonly keys: VapidKeys,
    private readonly subject: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = signingKey(keys);
  }

  get publicKey(): string {
    return this.keys.publicKey;
  }

  headerFor(origin: string): string {
    const now = this.now();
    const cached = this.cache.get(origin);
    if (cached && cached.renewAt > now) return cached.header;
    const exp = Math.floor(now / 1000) + 12 * 3600;
    const encode = (value: object) => b64url(Buffer.from(JSON.stringify(value)));
    const unsigned = `${encode({ typ: "JWT", alg: "ES256" })}.${encode({ aud: origin, exp, sub: this.subject })}`;
    const signature = sign("sha256", Buffer.from(unsigned), { key: this.key, dsaEncoding: "ieee-p1363" });
    this.signed++;
    const header = `vapid t=${unsigned}.${b64url(signature)}, k=${this.keys.publicKey}`;
    this.cache.set(origin, { header, renewAt: (exp - 3600) * 1000 });
    return header;
  }
}
