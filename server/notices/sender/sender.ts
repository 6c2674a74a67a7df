/**
 * The notice sender. Only the holder of the "notices" lease sends, so several server instances
 * can run it and a notice still goes out once. Each tick it:
 *  1. after the daily send time (JST), plans the timeline's notices for the cohorts subscribed
 *     (idempotent: each (item, cohort, window) is one notice, made once), and on every run the
 *     notices of 区政会議 about to start (topics.ts: one per meeting and start time);
 *  2. sends every due notice: claims a batch of deliveries in the send log, encrypts and posts each
 *     push (many at once, over kept-alive connections), then marks the batch in one write.
 *
 * Each push service's answer decides what follows (delivery.ts); the push goes over kept-alive
 * connections to the address the SSRF check resolved (push-client.ts).
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type Locale, localeOf } from "../../../shared/locales/locales";
import type { Segment } from "../../../shared/notices/schemas";
import { jstParts, jstToday } from "../../../shared/time";
import type { Database } from "../../platform/db/database";
import type { Logger } from "../../platform/logger";
import { nextAudience } from "../store/audience";
import { claimDeliveries, claimRetries, type DeliveryOutcome, reclaimAbandoned, recordOutcomes, releaseClaims } from "../store/deliveries";
import { releaseLease, takeLease } from "../store/lease";
import { dueNotices, finishNotice, type NoticeRow, nextRetryAt, startNotice } from "../store/notices";
import type { StoredSubscription } from "../store/subscriptions";
import { PushDelivery, payloadOf, ttlSeconds } from "./delivery";
import { EncryptPool } from "./encrypt-pool";
import { planMeetings, planTimeline } from "./plan";
import { PushClient, type PushNetwork } from "./push-client";
import type { VapidHeaders } from "./webpush";

export type { PushNetwork } from "./push-client";

export interface SenderOptions {
  database: Database;
  logger: Logger;
  vapid: VapidHeaders;
  network: PushNetwork;
  /** The daily run's time in Japan, "HH:MM" (NOTICE_SEND_TIME). */
  sendTime: string;
  /** How often the loop looks for work. */
  tickMs?: number;
  now?: () => number;
  leaseMs?: number;
  batchSize?: number;
  concurrency?: number;
  /** First retry delay after a 5xx or a network error; it doubles each time. */
  retryBaseMs?: number;
  maxAttempts?: number;
  /** Days back the planner still makes a missed day's timeline notices. */
  catchUpDays?: number;
  /** How long before a 区政会議 starts its "meetings" notice goes out. */
  meetingLeadMs?: number;
}

export interface RunSummary {
  held: boolean;
  planned: number;
  sent: number;
  failed: number;
  expired: number;
  retrying: number;
}

const leaseName = "notices";
export class NoticeSender {
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly now: () => number;
  private readonly client: PushClient;
  private readonly delivery: PushDelivery;
  private running: Promise<RunSummary> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private leaseHeld = false;
  private leaseRenewedAt = 0;
  private plannedDay: string | null = null;
  private readonly o: Required<Omit<SenderOptions, "now">>;
  private readonly pool = new EncryptPool();

  constructor(options: SenderOptions) {
    this.now = options.now ?? Date.now;
    this.o = {
      tickMs: 30_000,
      leaseMs: 60_000,
      batchSize: 1000,
      concurrency: 128,
      retryBaseMs: 30_000,
      maxAttempts: 5,
      catchUpDays: 7,
      meetingLeadMs: 15 * 60_000,
      ...options,
    };
    this.client = new PushClient(options.network, options.vapid, this.o.concurrency, this.now);
    this.delivery = new PushDelivery({
      client: this.client,
      allowList: options.network.allowList,
      logger: this.o.logger,
      now: this.now,
      retryBaseMs: this.o.retryBaseMs,
      maxAttempts: this.o.maxAttempts,
      concurrency: this.o.concurrency,
    });
  }

  get publicKey(): string {
    return this.o.vapid.publicKey;
  }

  /** Starts the loop: a tick now, then every tickMs. */
  start(): void {
    this.stopping = false;
    this.timer = setInterval(() => this.kick(), this.o.tickMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs soon (a staff "send now", say); runs again after the current run if one is going. */
  kick(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runOnce().catch((error: unknown) => this.o.logger.warn("notice run failed", { error: String(error) }));
  }

  /** Stops after the sends in flight are marked, and frees the lease for another instance. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    if (this.leaseHeld) await this.o.database.write(releaseLease, { name: leaseName, holder: this.holder });
    this.leaseHeld = false;
    this.client.destroy();
    await this.pool.close();
  }

  /** One run: plan (after the send time, or at once with `plan: "now"`), then send what is due. */
  runOnce(options: { plan?: "auto" | "now" } = {}): Promise<RunSummary> {
    if (this.running) return this.running;
    const run = this.run(options.plan ?? "auto").finally(() => {
      this.running = null;
      if (this.again && !this.stopping) {
        this.again = false;
        this.kick();
      }
    });
    this.running = run;
    return run;
  }

  private iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  /** Takes or renews the lease; true while this instance holds it. */
  private async hold(): Promise<boolean> {
    const now = this.now();
    if (this.leaseHeld && now - this.leaseRenewedAt < this.o.leaseMs / 3) return true;
    const held = await this.o.database.write(takeLease, {
      name: leaseName,
      holder: this.holder,
      now: this.iso(now),
      until: this.iso(now + this.o.leaseMs),
    });
    if (held && !this.leaseHeld) {
      // Taking over: what another sender claimed and never marked is sent again.
      const reclaimed = await this.o.database.write(reclaimAbandoned, { holder: this.holder, now: this.iso(now) });
      if (reclaimed > 0) this.o.logger.info("notice deliveries reclaimed", { reclaimed });
    }
    this.leaseHeld = held;
    this.leaseRenewedAt = now;
    return held;
  }

  private async run(plan: "auto" | "now"): Promise<RunSummary> {
    const summary: RunSummary = { held: false, planned: 0, sent: 0, failed: 0, expired: 0, retrying: 0 };
    if (!(await this.hold())) return summary;
    summary.held = true;
    // A slow push service must not let the lease lapse mid-batch (another instance would resend the batch).
    const renew = setInterval(
      () => void this.hold().catch((error: unknown) => this.o.logger.warn("notice lease renewal failed", { error: String(error) })),
      this.o.leaseMs / 3,
    );
    try {
      await this.sendDue(plan, summary);
    } finally {
      clearInterval(renew);
    }
    return summary;
  }

  private async sendDue(plan: "auto" | "now", summary: RunSummary): Promise<void> {
    const now = this.now();
    const { date: today, time: jstTime } = jstParts(new Date(now));
    if (plan === "now" || (jstTime >= this.o.sendTime && this.plannedDay !== today)) {
      summary.planned = await this.plan(today);
      this.plannedDay = today;
    }
    // 区政会議 about to go on air: looked for on every run, each told once (its key).
    summary.planned += await planMeetings(this.o.database, now, this.o.meetingLeadMs);
    for (const notice of await dueNotices(this.o.database, this.iso())) {
      if (this.stopping || !(await this.hold())) break;
      await this.send(notice, summary);
    }
  }

  /** The timeline notices whose window opened in the last catchUpDays days (today included), for every subscribed cohort. */
  async plan(today: string): Promise<number> {
    const made = await planTimeline(this.o.database, today, this.o.catchUpDays, this.iso());
    if (made > 0) this.o.logger.info("timeline notices planned", { made, day: today });
    return made;
  }

  private async send(notice: NoticeRow, summary: RunSummary): Promise<void> {
    const startedAt = notice.startedAt ?? (await this.o.database.write(startNotice, { id: notice.id, now: this.iso() }));
    if (!startedAt) return;
    const segment = JSON.parse(notice.segment) as Segment;
    const payloads = new Map<Locale, Buffer>();
    const payloadFor = (locale: string) => {
      const l = localeOf(locale);
      let payload = payloads.get(l);
      if (!payload) {
        payload = Buffer.from(JSON.stringify(payloadOf(notice, l, this.iso())));
        payloads.set(l, payload);
      }
      return payload;
    };
    const deadline = Date.parse(notice.sendAt) + ttlSeconds[notice.kind] * 1000;
    const record = async (outcomes: DeliveryOutcome[]) => {
      await this.o.database.write(recordOutcomes, { noticeId: notice.id, outcomes });
      for (const outcome of outcomes) {
        if (outcome.state === "retry") summary.retrying++;
        else summary[outcome.state]++;
      }
    };
    const batch = async (subscriptions: (StoredSubscription & { attempts?: number })[]) =>
      record(await this.delivery.deliver(notice, subscriptions, payloadFor, deadline));

    // Retries whose time has come, then the audience not yet sent to.
    for (;;) {
      if (this.stopping || !(await this.hold())) return;
      const retries = await this.o.database.write(claimRetries, {
        noticeId: notice.id,
        holder: this.holder,
        now: this.iso(),
        limit: this.o.batchSize,
      });
      if (retries.length === 0) break;
      await batch(retries);
    }
    // The audience not yet sent to, in id order. The next batch is read and claimed while this one
    // is being sent, and each batch is marked while the next is sent, so the database work overlaps
    // the pushes instead of pausing them.
    const today = jstToday(new Date(this.now()));
    const claimNext = async (after: string) => {
      const audience = await nextAudience(this.o.database, { id: notice.id, segment, startedAt }, today, after, this.o.batchSize);
      if (audience.length === 0) return { done: true, audience, encrypted: new Map<string, Buffer>(), after };
      const claimed = new Set(
        await this.o.database.write(claimDeliveries, { noticeId: notice.id, ids: audience.map((s) => s.id), holder: this.holder }),
      );
      const mine = audience.filter((s) => claimed.has(s.id));
      // Encrypted on the pool's threads while the batch before is on the wire.
      const bodies = await this.pool.encrypt(
        mine.map((s) => ({ keys: { p256dh: s.p256dh, auth: s.auth }, payload: payloadFor(s.locale) })),
      );
      const encrypted = new Map(mine.map((s, i) => [s.id, bodies[i] as Buffer]));
      return { done: false, audience: mine, encrypted, after: (audience.at(-1) as StoredSubscription).id };
    };
    let marking: Promise<void> = Promise.resolve();
    let next = claimNext("");
    for (;;) {
      const batch = await next;
      if (batch.done) break;
      if (this.stopping || !(await this.hold())) {
        // Stopping: what was claimed and not sent is let go at once, for the next sender to take as new.
        await this.o.database.write(releaseClaims, { noticeId: notice.id, ids: batch.audience.map((s) => s.id), holder: this.holder });
        await marking;
        return;
      }
      next = claimNext(batch.after);
      const outcomes = await this.delivery.deliver(notice, batch.audience, payloadFor, deadline, batch.encrypted);
      marking = marking.then(() => record(outcomes));
    }
    await marking;
    if ((await nextRetryAt(this.o.database, notice.id)) === null)
      await this.o.database.write(finishNotice, { id: notice.id, now: this.iso() });
  }
}
