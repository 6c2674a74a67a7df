/**
 * Pushes to a batch of subscriptions, `concurrency` at a time, and what each push service's answer
 * means (RFC 8030): 2xx sent; 404 and 410 expired (the subscription is deleted); 429 waits for
 * Retry-After and holds back that whole push service; 408, 5xx and network errors are retried with a doubling delay, up to
 * maxAttempts and never past the notice's TTL; any other 4xx fails and deletes the subscription.
 * The endpoint is checked against SSRF before every send.
 */
import type { Locale } from "../../../shared/locales/locales";
import type { NoticeText, PushPayload } from "../../../shared/notices/schemas";
import type { Logger } from "../../platform/logger";
import { endpointProblem } from "../endpoint";
import type { DeliveryOutcome } from "../store/deliveries";
import type { NoticeRow } from "../store/notices";
import type { StoredSubscription } from "../store/subscriptions";
import { broadcastText, timelineWords } from "../words";
import type { PushClient } from "./push-client";
import { encryptPayload } from "./webpush";

/** How long a push service keeps an undelivered push (TTL header, seconds). */
export const ttlSeconds = { timeline: 3 * 86_400, broadcast: 86_400 } as const;

function retryAfterMs(header: string | null, now: number): number {
  if (header === null) return 60_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : 60_000;
}

/** What a notice's push carries, in one locale. */
export function payloadOf(notice: NoticeRow, locale: Locale, sentAt: string): PushPayload {
  if (notice.kind === "timeline") {
    const content = JSON.parse(notice.content) as { item: string; cohort: string; start: string };
    return {
      v: 1,
      id: notice.id,
      kind: "timeline",
      ...content,
      url: `/childcare#item-${content.item}`,
      words: timelineWords(locale, content.item),
      sentAt,
    };
  }
  const content = JSON.parse(notice.content) as { texts: Partial<Record<Locale, NoticeText>> & { ja: NoticeText }; path: string };
  const text = broadcastText(content.texts, locale);
  return { v: 1, id: notice.id, kind: "broadcast", title: text.title, body: text.body, url: content.path, sentAt };
}

export interface DeliveryOptions {
  client: PushClient;
  allowList: readonly string[];
  logger: Logger;
  now: () => number;
  /** First retry delay after a 5xx or a network error; it doubles each time. */
  retryBaseMs: number;
  maxAttempts: number;
  /** Pushes in flight at once. */
  concurrency: number;
}

export class PushDelivery {
  /** Push services that answered 429, by origin: nothing goes to them before this time. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly o: DeliveryOptions) {}

  /** Sends one batch, `concurrency` at a time; answers each subscription's outcome. */
  async deliver(
    notice: NoticeRow,
    subscriptions: (StoredSubscription & { attempts?: number })[],
    payloadFor: (locale: string) => Buffer,
    deadline: number,
    encrypted: ReadonlyMap<string, Buffer> = new Map(),
  ): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < subscriptions.length) {
        const subscription = subscriptions[next++] as StoredSubscription & { attempts?: number };
        // Encrypted ahead on the pool for a fresh batch; here, for a retry.
        const body =
          encrypted.get(subscription.id) ??
          encryptPayload({ p256dh: subscription.p256dh, auth: subscription.auth }, payloadFor(subscription.locale));
        outcomes.push(await this.deliverOne(notice, subscription, body, deadline));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, subscriptions.length) }, worker));
    return outcomes;
  }

  async deliverOne(
    notice: NoticeRow,
    subscription: StoredSubscription & { attempts?: number },
    body: Buffer,
    deadline: number,
  ): Promise<DeliveryOutcome> {
    const id = subscription.id;
    const attempts = (subscription.attempts ?? 0) + 1;
    const retry = (delayMs: number, counted: boolean): DeliveryOutcome => {
      const at = this.o.now() + delayMs;
      if (at > deadline || (counted && attempts >= this.o.maxAttempts)) return { id, state: "failed", deleteSubscription: false };
      return { id, state: "retry", nextAt: new Date(at).toISOString(), attempts: counted ? attempts : attempts - 1 };
    };
    const url = new URL(subscription.endpoint);
    const paused = this.pausedUntil.get(url.origin) ?? 0;
    if (paused > this.o.now()) return retry(paused - this.o.now(), false);

    const problem = await endpointProblem(subscription.endpoint, this.o.allowList, (host) => this.o.client.resolve(host));
    // A DNS failure may pass; anything else about the endpoint will not.
    if (problem === "unresolvable") return retry(this.o.retryBaseMs * 2 ** (attempts - 1), true);
    if (problem) {
      this.o.logger.warn("push endpoint refused", { subscription: id, reason: problem });
      return { id, state: "failed", deleteSubscription: true };
    }
    const answer = await this.o.client.post(url, body, {
      ttl: ttlSeconds[notice.kind],
      urgency: "normal",
      topic: notice.id.replaceAll("-", ""),
    });
    if (answer.kind === "network") return retry(this.o.retryBaseMs * 2 ** (attempts - 1), true);
    const { status } = answer;
    if (status >= 200 && status < 300) return { id, state: "sent" };
    if (status === 404 || status === 410) return { id, state: "expired", deleteSubscription: true };
    if (status === 429) {
      const wait = retryAfterMs(answer.retryAfter, this.o.now());
      this.pausedUntil.set(url.origin, Math.max(this.pausedUntil.get(url.origin) ?? 0, this.o.now() + wait));
      return retry(wait, false);
    }
    if (status === 408 || status >= 500) return retry(this.o.retryBaseMs * 2 ** (attempts - 1), true);
    this.o.logger.warn("push refused by the push service", { subscription: id, status });
    return { id, state: "failed", deleteSubscription: true };
  }
}
