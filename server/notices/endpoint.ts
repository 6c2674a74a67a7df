/**
 * Where the server may send a push: a push subscription's endpoint is a URL the browser gives us,
 * so it is checked before it is stored and again before every send (DNS can change). It must be
 * https on port 443, its host on the allow-list of push services, and every address it resolves to
 * public — never loopback, private, link-local or otherwise internal (SSRF).
 */
import { isIP } from "node:net";

export type EndpointProblem = "not_https" | "port" | "ip_literal" | "not_allowed" | "private_address" | "unresolvable";

/** Push services browsers use; `*.` allows any subdomain. */
export const defaultPushHosts = [
  "fcm.googleapis.com",
  "updates.push.services.mozilla.com",
  "web.push.apple.com",
  "*.push.apple.com",
  "*.notify.windows.com",
] as const;

export function hostAllowed(host: string, allowList: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  return allowList.some((entry) => {
    const rule = entry.toLowerCase();
    return rule.startsWith("*.") ? name.endsWith(rule.slice(1)) && name.length > rule.length - 1 : name === rule;
  });
}

function ipv4Internal(address: string): boolean {
  const [a = 0, b = 0] = address.split(".").map(Number);
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224 // multicast and reserved
  );
}

/** Whether an address (v4 or v6) is anything but a public unicast address. */
export function internalAddress(address: string): boolean {
  if (isIP(address) === 4) return ipv4Internal(address);
  const v6 = address.toLowerCase();
  const mapped = v6.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return ipv4Internal(mapped[1] as string);
  return (
    v6 === "::" ||
    v6 === "::1" ||
    v6.startsWith("fc") ||
    v6.startsWith("fd") || // unique local
    /^fe[89ab]/.test(v6) || // link-local
    v6.startsWith("ff") || // multicast
    v6.startsWith("64:ff9b:") || // NAT64, which can reach IPv4 internals
    v6.startsWith("2001:db8") // documentation
  );
}

/**
 * The problem with an endpoint, or null when the server may send to it. `resolve` answers the
 * host's addresses (dns.lookup with all: true in production; a table in tests).
 */
export async function endpointProblem(
  endpoint: string,
  allowList: readonly string[],
  resolve: (host: string) => Promise<string[]>,
): Promise<EndpointProblem | null> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "not_https";
  }
  if (url.protocol !== "https:") return "not_https";
  if (url.port !== "" && url.port !== "443") return "port";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0) return "ip_literal";
  if (!hostAllowed(host, allowList)) return "not_allowed";
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return "unresolvable";
  }
  if (addresses.length === 0) return "unresolvable";
  return addresses.some(internalAddress) ? "private_address" : null;
}
