/**
 * A local HTTPS Web Push receiver: a fake push service (like FCM or Mozilla autopush) for the
 * integration tests and the bench. It hands out subscriptions (endpoint + p256dh/auth keys), and
 * for each `POST /push/:id` it checks what a real push service and user agent would:
 *
 * - the VAPID `Authorization: vapid t=<JWT>, k=<key>` header (RFC 8292): ES256 signature, `aud`,
 *   `exp` and `sub` claims;
 * - the `TTL` header (RFC 8030);
 * - the `aes128gcm` body (RFC 8188), decrypted with the subscription's private key and auth
 *   secret as the user agent would (RFC 8291).
 *
 * It is written from the RFCs with node:crypto only, independently of the server's sender, so that
 * the two check each other. Endpoints are `https://push.test/push/<id>` (no port): the sender is
 * told separately to connect to 127.0.0.1:<port>, and the certificate in tests/fixtures/push is
 * valid for push.test, push2.test and localhost.
 */
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  verify as verifySignature,
} from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";

export interface ReceiverSubscription {
  /** `https://${host}/push/${id}`, without a port. */
  endpoint: string;
  /** base64url without padding: p256dh is the 65-byte uncompressed P-256 public key, auth 16 random bytes. */
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  /** The subscription id from the path. */
  id: string;
  /** The decrypted UTF-8 plaintext, without the 0x02 delimiter and padding. */
  payload: string;
  ttl: number | null;
  urgency: string | null;
  topic: string | null;
  vapid: { aud: string; sub: string; exp: number; publicKey: string };
  /** Date.now() when received. */
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
}

export interface PushReceiver {
  port: number;
  /** The certificate PEM, for https.Agent({ ca }). */
  ca: string;
  /** A new subscription (new key pair, auth secret and id); host defaults to "push.test". */
  subscribe(host?: string): ReceiverSubscription;
  /** Many subscriptions at once, for the bench: they share one key pair and auth secret, with distinct ids. */
  subscribeMany(count: number, host?: string): ReceiverSubscription[];
  /** Every accepted (2xx) push, in arrival order (only when `verify` is true). */
  received: ReceivedPush[];
  /** Pushes refused by verification: bad VAPID token (401), bad headers or undecryptable body (400), too large (413). */
  rejected: { id: string; reason: string }[];
  /** Every request seen, including 404s, 410s and scripted failures. */
  requests: number;
  /**
   * Scripted behaviour: called for every request to a live subscription BEFORE verification; return a
   * Reply to answer with it instead of accepting (e.g. {status: 410}, {status: 429, headers:
   * {"retry-after": "1"}}, {status: 503}); return undefined to process normally. `attempt` is 1 for
   * the first request to that subscription id, 2 for the second, ...
   */
  script: ((id: string, attempt: number) => Reply | undefined) | null;
  /** When false, pushes are counted (in `count`) but not verified nor decrypted nor stored in `received`. Default true. */
  verify: boolean;
  /** Accepted pushes (2xx), verified or not. */
  count: number;
  /** The subscription no longer exists: later pushes to it get 410 Gone. */
  forget(id: string): void;
  close(): Promise<void>;
}

/** The most a push service must accept (RFC 8291 §4: 4096 octets of payload body). */
const maxBodyBytes = 4096;
/** RFC 8292 §2: `exp` no more than 24 hours from the time of the request. */
const maxExpirySeconds = 24 * 60 * 60;

interface SubscriptionKeys {
  /** The user agent's 32-byte P-256 private key. */
  privateKey: Buffer;
  /** The user agent's 65-byte uncompressed P-256 public key (ua_public). */
  publicKey: Buffer;
  /** The 16-byte auth secret. */
  auth: Buffer;
}

interface Subscription {
  host: string;
  keys: SubscriptionKeys;
}

/** A push refused by verification, with the status to answer. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
  }
}

function newKeys(): SubscriptionKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { privateKey: ecdh.getPrivateKey(), publicKey: ecdh.getPublicKey(), auth: randomBytes(16) };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

function decodeBase64url(text: string, what: string): Buffer {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new Refusal(401, `${what} is not base64url`);
  return Buffer.from(text, "base64url");
}

/** A KeyObject for a raw uncompressed P-256 point (0x04 || x || y), via JWK. */
function p256PublicKey(raw: Buffer): KeyObject {
  if (raw.length !== 65 || raw[0] !== 0x04) throw new Refusal(401, "VAPID k is not a 65-byte uncompressed P-256 public key");
  try {
    return createPublicKey({
      key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") },
      format: "jwk",
    });
  } catch {
    throw new Refusal(401, "VAPID k is not a point on P-256");
  }
}

function parseJson(bytes: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new Refusal(401, `${what} is not JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Refusal(401, `${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** RFC 8292: checks the `vapid` Authorization header for a push to `origin`, returning its claims. */
function verifyVapid(authorization: string | null, origin: string): ReceivedPush["vapid"] {
  if (authorization === null) throw new Refusal(401, "no Authorization header");
  // §3: Authorization: vapid t=<JWT>, k=<public key>; parameters in any order.
  const scheme = authorization.match(/^\s*(\S+)\s+(.*)$/s);
  if (!scheme || (scheme[1] as string).toLowerCase() !== "vapid") throw new Refusal(401, "Authorization scheme is not vapid");
  const params = new Map<string, string>();
  for (const part of (scheme[2] as string).split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const token = params.get("t");
  const k = params.get("k");
  if (!token) throw new Refusal(401, "vapid Authorization has no t parameter");
  if (!k) throw new Refusal(401, "vapid Authorization has no k parameter");
  const publicKey = p256PublicKey(decodeBase64url(k, "VAPID k"));

  // §2: a JWS (RFC 7515) in compact form, signed with ES256 (RFC 7518 §3.4: raw r || s).
  const parts = token.split(".");
  if (parts.length !== 3) throw new Refusal(401, "VAPID token is not a compact JWS");
  const [encodedHeader, encodedClaims, encodedSignature] = parts as [string, string, string];
  const jwtHeader = parseJson(decodeBase64url(encodedHeader, "JWT header"), "JWT header");
  if (jwtHeader.alg !== "ES256") throw new Refusal(401, `JWT alg is ${String(jwtHeader.alg)}, not ES256`);
  if (jwtHeader.typ !== undefined && jwtHeader.typ !== "JWT") throw new Refusal(401, `JWT typ is ${String(jwtHeader.typ)}, not JWT`);
  const signature = decodeBase64url(encodedSignature, "JWT signature");
  if (signature.length !== 64) throw new Refusal(401, `JWT signature is ${signature.length} bytes, not 64`);
  const signed = Buffer.from(`${encodedHeader}.${encodedClaims}`, "ascii");
  if (!verifySignature("sha256", signed, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature)) {
    throw new Refusal(401, "JWT signature does not verify with k");
  }

  // §2: aud is the push resource's origin, exp within 24 hours, sub a mailto: or https: contact.
  const claims = parseJson(decodeBase64url(encodedClaims, "JWT claims"), "JWT claims");
  const { aud, exp, sub } = claims;
  if (aud !== origin) throw new Refusal(401, `JWT aud is ${JSON.stringify(aud)}, not ${JSON.stringify(origin)}`);
  if (typeof exp !== "number" || !Number.isInteger(exp)) throw new Refusal(401, "JWT exp is not an integer");
  const nowSeconds = Date.now() / 1000;
  if (exp <= nowSeconds) throw new Refusal(401, "JWT has expired");
  if (exp > Math.ceil(nowSeconds) + maxExpirySeconds) throw new Refusal(401, "JWT exp is more than 24 hours ahead");
  if (typeof sub !== "string" || !(sub.startsWith("mailto:") || sub.startsWith("https:"))) {
    throw new Refusal(401, `JWT sub ${JSON.stringify(sub)} is not a mailto: or https: URI`);
  }
  return { aud, sub, exp, publicKey: k };
}

function hkdf(ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync("sha256", ikm, salt, info, length));
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** RFC 8291 + RFC 8188: decrypts an aes128gcm push message body as the user agent would. */
function decrypt(body: Buffer, keys: SubscriptionKeys): string {
  // RFC 8188 §2.1: salt(16) | rs(uint32) | idlen(1) | keyid(idlen) | records.
  if (body.length < 21) throw new Refusal(400, "body is shorter than the aes128gcm header");
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body.readUInt8(20);
  if (rs < 18) throw new Refusal(400, `record size ${rs} is below 18`);
  // RFC 8291 §4: keyid is the application server's ephemeral public key (as_public).
  if (idlen !== 65) throw new Refusal(400, `keyid is ${idlen} bytes, not a 65-byte P-256 public key`);
  if (body.length < 21 + idlen) throw new Refusal(400, "body is shorter than its keyid");
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  // RFC 8291 §4: a single record, holding at least the delimiter and the 16-byte tag.
  if (ciphertext.length < 17) throw new Refusal(400, "ciphertext is shorter than a tag and delimiter");
  if (ciphertext.length > rs) throw new Refusal(400, `ciphertext of ${ciphertext.length} bytes spans more than one ${rs}-byte record`);

  // RFC 8291 §3.3: ecdh_secret = ECDH(ua_private, as_public).
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(keys.privateKey);
  let ecdhSecret: Buffer;
  try {
    ecdhSecret = ecdh.computeSecret(asPublic);
  } catch {
    throw new Refusal(400, "keyid is not a point on P-256");
  }
  // RFC 8291 §3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32).
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0", "ascii"), keys.publicKey, asPublic]);
  const ikm = hkdf(ecdhSecret, keys.auth, keyInfo, 32);
  // RFC 8188 §2.2 and §2.3: CEK and NONCE from the salt (one record, so the sequence number is 0).
  const cek = hkdf(ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0", "ascii"), 16);
  const nonce = hkdf(ikm, salt, Buffer.from("Content-Encoding: nonce\0", "ascii"), 12);

  // RFC 8188 §2: AES-128-GCM with the 16-byte tag at the end of the record.
  let padded: Buffer;
  try {
    const decipher = createDecipheriv("aes-128-gcm", cek, nonce, { authTagLength: 16 });
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
    padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  } catch {
    throw new Refusal(400, "aes128gcm record does not decrypt (bad keys or tag)");
  }
  // RFC 8188 §2: data || delimiter || zero padding; the last (here only) record's delimiter is 0x02.
  let end = padded.length;
  while (end > 0 && padded[end - 1] === 0) end--;
  if (end === 0) throw new Refusal(400, "record has no padding delimiter");
  if (padded[end - 1] !== 0x02) throw new Refusal(400, `record delimiter is 0x${(padded[end - 1] as number).toString(16)}, not 0x02`);
  try {
    return strictUtf8.decode(padded.subarray(0, end - 1));
  } catch {
    throw new Refusal(400, "payload is not UTF-8");
  }
}

function parseTtl(value: string | null): number {
  // RFC 8030 §5.2: TTL is required, a number of seconds.
  if (value === null) throw new Refusal(400, "no TTL header");
  if (!/^\s*\d+\s*$/.test(value)) throw new Refusal(400, `TTL ${JSON.stringify(value)} is not a non-negative integer`);
  return Number(value);
}

/** A reply with an optional plain-text body (the reason, for refusals). */
interface Answer extends Reply {
  body?: string;
}

function send(res: ServerResponse, { status, headers = {}, body = "" }: Answer): void {
  res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

/** Starts a receiver on 127.0.0.1 at a random port. */
export async function startPushReceiver(): Promise<PushReceiver> {
  const ca = readFileSync(new URL("../fixtures/push/cert.pem", import.meta.url), "utf8");
  const key = readFileSync(new URL("../fixtures/push/key.pem", import.meta.url), "utf8");

  const subscriptions = new Map<string, Subscription>();
  const forgotten = new Set<string>();
  const attempts = new Map<string, number>();
  let messages = 0;

  const newId = () => randomBytes(12).toString("base64url");
  const toSubscription = (id: string, host: string, keys: SubscriptionKeys): ReceiverSubscription => {
    subscriptions.set(id, { host, keys });
    return {
      endpoint: `https://${host}/push/${id}`,
      keys: { p256dh: keys.publicKey.toString("base64url"), auth: keys.auth.toString("base64url") },
    };
  };

  /** Answers one request, whose body has been read (up to the limit). */
  const handle = (req: IncomingMessage, body: Buffer, tooLarge: boolean): Answer => {
    receiver.requests++;
    const path = (req.url ?? "").split("?")[0] as string;
    const match = path.match(/^\/push\/([A-Za-z0-9_-]+)$/);
    if (!match) return { status: 404, body: "not found" };
    if (req.method !== "POST") return { status: 405, headers: { allow: "POST" }, body: "method not allowed" };
    const id = match[1] as string;
    if (forgotten.has(id)) return { status: 410, body: "subscription gone" };
    const subscription = subscriptions.get(id);
    if (!subscription) return { status: 404, body: "no such subscription" };

    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    const scripted = receiver.script?.(id, attempt);
    if (scripted) return scripted;

    try {
      // RFC 8030 §7.2: a push service may refuse a payload that is too large.
      if (tooLarge) throw new Refusal(413, `body is over ${maxBodyBytes} bytes`);
      if (receiver.verify) {
        const hostHeader = header(req, "host");
        const host = hostHeader === null ? subscription.host : hostHeader.replace(/:\d+$/, "").toLowerCase();
        if (host !== subscription.host) throw new Refusal(400, `Host ${host} is not the endpoint's host ${subscription.host}`);
        const vapid = verifyVapid(header(req, "authorization"), `https://${host}`);
        const ttl = parseTtl(header(req, "ttl"));
        const encoding = header(req, "content-encoding");
        if (encoding?.trim().toLowerCase() !== "aes128gcm") throw new Refusal(400, `Content-Encoding is ${encoding}, not aes128gcm`);
        const payload = decrypt(body, subscription.keys);
        receiver.received.push({
          id,
          payload,
          ttl,
          urgency: header(req, "urgency"),
          topic: header(req, "topic"),
          vapid,
          at: Date.now(),
        });
      }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      receiver.rejected.push({ id, reason: error.message });
      return { status: error.status, body: error.message };
    }
    receiver.count++;
    // RFC 8030 §5: 201 Created with the push message resource in Location.
    return { status: 201, headers: { location: `https://${subscription.host}/message/${++messages}` } };
  };

  const server: Server = createServer({ cert: ca, key }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        send(res, handle(req, Buffer.concat(chunks), size > maxBodyBytes));
      } catch (error) {
        send(res, { status: 500, body: String(error) });
      }
    });
    req.on("error", () => res.destroy());
  });
  // Keep-alive for a sender with many parallel sockets: long idle timeout, no per-socket limits.
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  server.maxRequestsPerSocket = 0;
  server.maxHeadersCount = 0;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  const receiver: PushReceiver = {
    port: (server.address() as AddressInfo).port,
    ca,
    subscribe(host = "push.test") {
      return toSubscription(newId(), host, newKeys());
    },
    subscribeMany(count, host = "push.test") {
      const keys = newKeys();
      const prefix = newId();
      return Array.from({ length: count }, (_, index) => toSubscription(`${prefix}-${index}`, host, keys));
    },
    received: [],
    rejected: [],
    requests: 0,
    script: null,
    verify: true,
    count: 0,
    forget(id) {
      subscriptions.delete(id);
      forgotten.add(id);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return receiver;
}
