/**
 * Per-address attempt counters, kept in this instance's memory only: nothing an address did is
 * written to the database, so no stored row can be turned back into an address (a hash of an IPv4
 * address reverses in about a core-hour). Counts run in fixed one-minute windows, or one-day windows
 * for a cap over a longer horizon (a poll's answers per address). Within a window an
 * address is known only by a keyed hash (HMAC-SHA-256) under a random key made for that window; at
 * the window's end the key and every count are dropped (on the next attempt, and by a timer), so
 * nothing outlives its minute.
 *
 * The trade-off: with several instances behind a load balancer each counts on its own, so one
 * address may make up to (instances × limit) attempts a minute. The login lock, which must hold across
 * instances, is in the database (server/accounts/lockout.ts).
 */
import { createHmac, randomBytes } from "node:crypto";

const windowMs = 60_000;
export const dayMs = 86_400_000;

interface AttemptInput {
  scope: string;
  address: string;
  now: Date;
  /** An attempt's own id (a response's): copies of one attempt count once, so retries do not use up the limit. */
  once?: string;
  /** The window's length: a minute (the default) or a day (`dayMs`). */
  windowMs?: number;
}

class Window {
  readonly key = randomBytes(32);
  readonly counts = new Map<string, number>();
  readonly seen = new Set<string>();
  constructor(readonly start: number) {}
  tag(...parts: string[]): string {
    return createHmac("sha256", this.key).update(parts.join("\u0000")).digest("base64url");
  }
}

export class RateLimiter {
  /** The current window of each length. */
  private windows = new Map<number, Window>();

  /** Adds one to this address's count in `scope` for the current window; answers its count so far. */
  count({ scope, address, now, once, windowMs: length = windowMs }: AttemptInput): number {
    const start = Math.floor(now.getTime() / length) * length;
    let window = this.windows.get(length);
    if (window?.start !== start) {
      window = new Window(start);
      this.windows.set(length, window);
    }
    const counter = window.tag("count", scope, address);
    if (once !== undefined) {
      const marker = window.tag("once", scope, address, once);
      if (window.seen.has(marker)) return window.counts.get(counter) ?? 0;
      window.seen.add(marker);
    }
    const count = (window.counts.get(counter) ?? 0) + 1;
    window.counts.set(counter, count);
    return count;
  }

  /** Drops a window that has ended (the timer's job): its key and counts are gone. */
  sweep(now = Date.now()): void {
    for (const [length, window] of this.windows) if (window.start + length <= now) this.windows.delete(length);
  }

  /** How many addresses this minute's window holds (for tests). */
  get size(): number {
    return this.windows.get(windowMs)?.counts.size ?? 0;
  }
}

const limiters = new WeakMap<object, RateLimiter>();
const live = new Set<WeakRef<RateLimiter>>();
let timer: NodeJS.Timeout | undefined;

/** The limiter of an app (one per database handle, so tests that open their own database count apart). */
export function rateLimiterOf(owner: object): RateLimiter {
  let limiter = limiters.get(owner);
  if (!limiter) {
    limiter = new RateLimiter();
    limiters.set(owner, limiter);
    live.add(new WeakRef(limiter));
    timer ??= setInterval(() => {
      for (const ref of live) {
        const found = ref.deref();
        if (found) found.sweep();
        else live.delete(ref);
      }
    }, windowMs);
    timer.unref();
  }
  return limiter;
}

/** Counts an attempt with the limiter of `owner` (the app's database): see RateLimiter.count. */
export const countAttempt = (owner: object, input: AttemptInput): number => rateLimiterOf(owner).count(input);
