/**
 * The sender's network address, for rate limits and the login lock. Behind proxies, each proxy
 * appends the address it heard from to X-Forwarded-For, so only the right-hand entries were written
 * by proxies we trust; the left ones are whatever the client sent. The address is therefore read
 * from the right: the socket's peer, then X-Forwarded-For right to left, skipping trusted hops.
 *
 * TRUST_PROXY is `false` (0 hops: the socket), a hop count (`true` is 1: one proxy in front), or a
 * list of the proxies' addresses or CIDR ranges (every trusted address is skipped, wherever it is).
 */
import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { PlatformEnv, TrustProxy } from "./env";

export const maxProxyHops = 10;

/** Parses TRUST_PROXY; answers an error message for a bad value. */
export function parseTrustProxy(value: string): TrustProxy | { error: string } {
  const text = value.trim().toLowerCase();
  if (text === "true") return 1;
  if (text === "false" || text === "") return 0;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= maxProxyHops ? hops : { error: `at most ${maxProxyHops} hops` };
  }
  const entries = text.split(",").map((entry) => entry.trim());
  const bad = entries.filter((entry) => !validRange(entry));
  if (bad.length > 0) {
    return {
      error: `true, false, a hop count (0–${maxProxyHops}) or proxy addresses/CIDR ranges separated by commas; not ${bad.join(", ")}`,
    };
  }
  return entries;
}

function validRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export function trustsProxy(trust: TrustProxy): boolean {
  return typeof trust === "boolean" ? trust : typeof trust === "number" ? trust > 0 : trust.length > 0;
}

const blockLists = new WeakMap<readonly string[], BlockList>();
function blockListOf(ranges: readonly string[]): BlockList {
  let list = blockLists.get(ranges);
  if (!list) {
    list = new BlockList();
    for (const range of ranges) {
      const [address = "", prefix] = range.split("/");
      const family = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(prefix), family);
    }
    blockLists.set(ranges, list);
  }
  return list;
}

const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

function trusted(ranges: readonly string[], address: string): boolean {
  const plain = unmapped(address);
  const family = isIP(plain);
  return family !== 0 && blockListOf(ranges).check(plain, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address, given the socket's peer and the X-Forwarded-For header. */
export function addressFrom(trust: TrustProxy, socket: string, forwardedFor: string | undefined): string {
  const chain = [
    socket,
    ...(forwardedFor ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "")
      .reverse(),
  ];
  if (typeof trust === "object") {
    let i = 0;
    while (i < chain.length - 1 && trusted(trust, chain[i] ?? "")) i++;
    return unmapped(chain[i] ?? socket);
  }
  const hops = trust === true ? 1 : trust === false ? 0 : trust;
  return unmapped(chain[Math.min(hops, chain.length - 1)] ?? socket);
}

export function clientAddress<E extends PlatformEnv>(c: Context<E>): string {
  let socket = "unknown"; // no socket: an in-process request (tests)
  try {
    socket = getConnInfo(c).remote.address ?? "unknown";
  } catch {}
  const { trustProxy } = c.var.deps;
  return trustsProxy(trustProxy) ? addressFrom(trustProxy, socket, c.req.header("x-forwarded-for")) : unmapped(socket);
}
