import { describe, expect, it } from "vitest";
import { defaultPushHosts, endpointProblem, hostAllowed, internalAddress } from "./endpoint";

/** DNS as a table: a host not in it does not resolve. */
const dns = (table: Record<string, string[]>) => async (host: string) => {
  const addresses = table[host];
  if (!addresses) throw new Error(`ENOTFOUND ${host}`);
  return addresses;
};
const allow = [...defaultPushHosts, "push.example.jp"];
const resolve = dns({
  "fcm.googleapis.com": ["142.250.196.106", "2404:6800:4004:80a::200a"],
  "push.example.jp": ["10.1.2.3"],
  "web.push.apple.com": ["17.57.146.20"],
  "db.push.apple.com": ["::ffff:127.0.0.1"],
});
const problem = (endpoint: string) => endpointProblem(endpoint, allow, resolve);

describe("endpointProblem", () => {
  it("takes an https push service on port 443 that resolves to public addresses", async () => {
    expect(await problem("https://fcm.googleapis.com/fcm/send/abc:def")).toBeNull();
    expect(await problem("https://fcm.googleapis.com:443/fcm/send/abc")).toBeNull();
    expect(await problem("https://web.push.apple.com/QGx")).toBeNull();
  });

  it("refuses http, another port, an IP address, and a host outside the allow-list", async () => {
    expect(await problem("http://fcm.googleapis.com/fcm/send/abc")).toBe("not_https");
    expect(await problem("https://fcm.googleapis.com:8443/fcm/send/abc")).toBe("port");
    expect(await problem("https://127.0.0.1/push")).toBe("ip_literal");
    expect(await problem("https://[::1]/push")).toBe("ip_literal");
    expect(await problem("https://evil.example.com/push")).toBe("not_allowed");
    expect(await problem("https://fcm.googleapis.com.evil.example/push")).toBe("not_allowed");
    expect(await problem("not a url")).toBe("not_https");
  });

  it("refuses an allowed host that resolves to an internal address, or does not resolve", async () => {
    expect(await problem("https://push.example.jp/x")).toBe("private_address");
    expect(await problem("https://db.push.apple.com/x")).toBe("private_address");
    expect(await problem("https://gone.push.apple.com/x")).toBe("unresolvable");
  });
});

describe("internalAddress", () => {
  it("knows loopback, private, link-local, carrier NAT, multicast and their IPv6 forms", () => {
    for (const address of [
      "127.0.0.1",
      "10.0.0.1",
      "10.255.255.255",
      "172.16.0.1",
      "172.31.9.9",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fd00::1",
      "fc00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
    ]) {
      expect(internalAddress(address), address).toBe(true);
    }
    for (const address of ["142.250.196.106", "17.57.146.20", "172.32.0.1", "2404:6800:4004:80a::200a"]) {
      expect(internalAddress(address), address).toBe(false);
    }
  });
});

describe("hostAllowed", () => {
  it("matches a wildcard on subdomains only", () => {
    expect(hostAllowed("db.push.apple.com", ["*.push.apple.com"])).toBe(true);
    expect(hostAllowed("push.apple.com", ["*.push.apple.com"])).toBe(false);
    expect(hostAllowed("evilpush.apple.com", ["*.push.apple.com"])).toBe(false);
    expect(hostAllowed("FCM.googleapis.com.", ["fcm.googleapis.com"])).toBe(true);
  });
});
