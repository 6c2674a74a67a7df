/**
 * Posting one encrypted push to its push service (RFC 8030) over kept-alive HTTPS connections: the
 * connection goes to the address the SSRF check resolved (cached for a minute), and the answer is
 * the status and Retry-After, or a network error. What an answer means is delivery.ts's business.
 */
import https from "node:https";
import type { VapidHeaders } from "./webpush";

/** Where pushes may go, and how to reach them. */
export interface PushNetwork {
  /** Push-service hosts; `*.` allows subdomains (PUSH_HOSTS). */
  allowList: readonly string[];
  /** A host's addresses (dns.lookup in production). */
  resolve: (host: string) => Promise<string[]>;
  /** Tests only: connect here instead of the checked address on port 443 (the local push receiver). */
  dial?: { host: string; port: number };
  /** Tests only: the local receiver's self-signed certificate. */
  ca?: string;
}

export type Answer = { kind: "status"; status: number; retryAfter: string | null } | { kind: "network"; error: string };

export class PushClient {
  private readonly agent: https.Agent;
  private readonly addresses = new Map<string, { list: Promise<string[]>; until: number }>();

  constructor(
    private readonly network: PushNetwork,
    private readonly vapid: VapidHeaders,
    concurrency: number,
    private readonly now: () => number,
  ) {
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: concurrency,
      ...(network.ca ? { ca: network.ca } : {}),
    });
  }

  /** A host's addresses, kept for a minute: the SSRF check runs on every send without a DNS query each time. */
  resolve(host: string): Promise<string[]> {
    const now = this.now();
    const cached = this.addresses.get(host);
    if (cached && cached.until > now) return cached.list;
    const list = this.network.resolve(host);
    this.addresses.set(host, { list, until: now + 60_000 });
    list.catch(() => this.addresses.delete(host));
    return list;
  }

  async post(url: URL, body: Buffer, headers: { ttl: number; urgency: string; topic: string }): Promise<Answer> {
    const [address] = await this.resolve(url.hostname);
    const dial = this.network.dial;
    return new Promise<Answer>((resolve) => {
      const request = https.request(
        {
          host: dial?.host ?? address,
          port: dial?.port ?? 443,
          servername: url.hostname,
          path: `${url.pathname}${url.search}`,
          method: "POST",
          agent: this.agent,
          timeout: 30_000,
          headers: {
            host: url.hostname,
            authorization: this.vapid.headerFor(url.origin),
            "content-type": "application/octet-stream",
            "content-encoding": "aes128gcm",
            "content-length": body.length,
            ttl: headers.ttl,
            urgency: headers.urgency,
            topic: headers.topic,
          },
        },
        (response) => {
          response.resume();
          const retryAfter = response.headers["retry-after"];
          response.on("end", () =>
            resolve({ kind: "status", status: response.statusCode ?? 0, retryAfter: typeof retryAfter === "string" ? retryAfter : null }),
          );
          response.on("error", (error) => resolve({ kind: "network", error: error.message }));
        },
      );
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", (error) => resolve({ kind: "network", error: error.message }));
      request.end(body);
    });
  }

  destroy(): void {
    this.agent.destroy();
  }
}
