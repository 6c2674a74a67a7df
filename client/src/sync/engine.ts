/**
 * The outbox engine: one for every kind of thing the device sends later (survey responses, 町会 join
 * requests, push-subscription removals), on the page and in the service worker alike. A kind gives
 * where its items are kept (a QueueStore), how one is sent and whether a sent item stays; the engine
 * does the rest, the same way for all. It imports neither Dexie nor zod, so the worker can carry it.
 *
 * - An item keeps its id through every retry; the server stores an id once, so a repeat is harmless.
 * - 2xx is a receipt. Network errors, 5xx, 408 and 429 leave the item waiting (attempts + 1) and end
 *   this flush: the rest would fail the same way. Any other answer is a refusal: the item stays on
 *   the device under "needs attention" with the server's reason, and is never retried by itself.
 * - One flush at a time per kind: in this tab (a call during a flush runs once more after it), and
 *   across tabs and the service worker through a Web Lock where the browser has them.
 */

export const queuedStates = ["pending", "sent", "attention"] as const;
export type QueuedState = (typeof queuedStates)[number];

/** Why the server said no: an error code of the catalog, with the answer issues if it gave any. */
export interface Refusal {
  code: string;
  issues?: { question: string; code: string }[];
}

/** What every queued item has, whatever its kind. */
export interface Queued {
  id: string;
  state: QueuedState;
  attempts: number;
  receipt?: unknown;
  errorCode?: string;
  issues?: Refusal["issues"];
}

/** Where one kind's items are kept: IndexedDB through Dexie on the page, plain IndexedDB in the worker, memory in tests. */
export interface QueueStore<Item extends Queued> {
  /** The items still to send (state "pending"), oldest first. */
  waiting(): Promise<Item[]>;
  /** Replaces an item with change(item), or deletes it when that is null — only if it is still waiting. */
  update(id: string, change: (item: Item) => Item | null): Promise<void>;
}

export interface OutboxKind<Item extends Queued> {
  /** The Web Lock's name: the page and the worker use the same one for a kind. */
  lock: string;
  store: QueueStore<Item>;
  /** Sends one item; a thrown error counts as "no connection". */
  send(item: Item): Promise<Response>;
  /** Whether a sent (or refused) item stays on the device; false deletes it once the server answered. */
  keep: boolean;
}

export type Outcome = { kind: "sent"; receipt: unknown } | { kind: "refused"; refusal: Refusal } | { kind: "retry" };

/** What the server's answer means for the item. */
export async function outcomeOf(response: Response): Promise<Outcome> {
  const status = response.status;
  if (response.ok) return { kind: "sent", receipt: await response.json().catch(() => null) };
  if (status === 408 || status === 429 || status >= 500) return { kind: "retry" };
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; details?: { issues?: Refusal["issues"] } } } | null;
  const issues = body?.error?.details?.issues;
  return { kind: "refused", refusal: { code: body?.error?.code ?? "internal.error", ...(issues ? { issues } : {}) } };
}

/** The item after an outcome: sent with its receipt, refused with its reason, or one more attempt — or gone (null). */
export function settle<Item extends Queued>(item: Item, outcome: Outcome, keep: boolean): Item | null {
  if (outcome.kind === "retry") return { ...item, attempts: item.attempts + 1 };
  if (!keep) return null;
  const { receipt: _receipt, errorCode: _errorCode, issues: _issues, ...rest } = item;
  if (outcome.kind === "sent") return { ...rest, state: "sent", receipt: outcome.receipt } as Item;
  const { code, issues } = outcome.refusal;
  return { ...rest, state: "attention", errorCode: code, ...(issues ? { issues } : {}) } as Item;
}

export interface Outbox {
  readonly lock: string;
  /** Sends what waits; resolves to true when something is still waiting for a connection. */
  flush(): Promise<boolean>;
}

type Locks = { request(name: string, run: () => Promise<boolean>): Promise<boolean> };

/** `locks` is the browser's Web Locks (navigator.locks) by default; tests pass their own, or null for none. */
export function createOutbox<Item extends Queued>(
  kind: OutboxKind<Item>,
  locks: Locks | null = (globalThis.navigator as { locks?: Locks } | undefined)?.locks ?? null,
): Outbox {
  let running: Promise<boolean> | null = null;
  let again = false;

  const once = async (): Promise<boolean> => {
    for (const item of await kind.store.waiting()) {
      const outcome = await kind.send(item).then(outcomeOf, (): Outcome => ({ kind: "retry" }));
      await kind.store.update(item.id, (current) => settle(current, outcome, kind.keep));
      if (outcome.kind === "retry") return true;
    }
    return false;
  };
  const run = async (): Promise<boolean> => {
    let waiting: boolean;
    do {
      again = false;
      waiting = await (locks ? locks.request(kind.lock, once) : once());
    } while (again);
    return waiting;
  };

  return {
    lock: kind.lock,
    flush() {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/** What the service worker posts to open pages when its Background Sync fires: "flush yourselves". */
export const flushMessage = "flush-outbox";
