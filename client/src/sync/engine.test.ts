import { describe, expect, it } from "vitest";
import { createOutbox, type Queued, type QueueStore } from "./engine";

interface Item extends Queued {
  queuedAt: number;
  payload: { id: string };
}

/** The engine's store interface over a Map: what the Dexie and plain-IndexedDB stores do, in memory. */
function memoryStore(items: Item[]): QueueStore<Item> & { rows: Map<string, Item> } {
  const rows = new Map(items.map((item) => [item.id, item]));
  return {
    rows,
    async waiting() {
      return [...rows.values()].filter((item) => item.state === "pending").sort((a, b) => a.queuedAt - b.queuedAt);
    },
    async update(id, change) {
      const item = rows.get(id);
      if (item?.state !== "pending") return;
      const next = change(item);
      if (next) rows.set(id, next);
      else rows.delete(id);
    },
  };
}

const item = (id: string, queuedAt = 0): Item => ({ id, state: "pending", attempts: 0, queuedAt, payload: { id } });
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A server that answers from a script, one answer per request, and records the ids it was sent. */
function server(answers: (() => Response | Promise<Response>)[]) {
  const sent: string[] = [];
  return {
    sent,
    send: async (queued: Item) => {
      sent.push(queued.payload.id);
      const next = answers.shift();
      if (!next) throw new Error("no answer scripted");
      return next();
    },
  };
}

describe("outbox engine", () => {
  it("sends an item with the same id on every try until the server gives a receipt, and keeps it as sent", async () => {
    const store = memoryStore([item("r1")]);
    const api = server([
      () => Promise.reject(new TypeError("Failed to fetch")),
      () => json(503, {}),
      () => json(201, { receiptCode: "ABC" }),
    ]);
    const outbox = createOutbox({ lock: "test", store, send: api.send, keep: true }, null);
    expect(await outbox.flush()).toBe(true);
    expect(await outbox.flush()).toBe(true);
    expect(await outbox.flush()).toBe(false);
    expect(api.sent).toEqual(["r1", "r1", "r1"]);
    expect(store.rows.get("r1")).toEqual({ ...item("r1"), state: "sent", attempts: 2, receipt: { receiptCode: "ABC" } });
    // Sent: never again.
    await outbox.flush();
    expect(api.sent).toHaveLength(3);
  });

  it.each([408, 429, 500, 502])("waits for the next try on %i, and stops this flush there", async (status) => {
    const store = memoryStore([item("a", 1), item("b", 2)]);
    const api = server([() => json(status, {})]);
    const outbox = createOutbox({ lock: "test", store, send: api.send, keep: true }, null);
    expect(await outbox.flush()).toBe(true);
    expect(api.sent).toEqual(["a"]);
    expect(store.rows.get("a")).toMatchObject({ state: "pending", attempts: 1 });
    expect(store.rows.get("b")).toMatchObject({ state: "pending", attempts: 0 });
  });

  it("keeps a refusal on the device with its reason and issues, and does not send it again", async () => {
    const store = memoryStore([item("r1", 1), item("r2", 2)]);
    const refusal = { error: { code: "surveys.invalid_answers", details: { issues: [{ question: "q1", code: "required" }] } } };
    const api = server([() => json(422, refusal), () => json(201, { ok: true })]);
    const outbox = createOutbox({ lock: "test", store, send: api.send, keep: true }, null);
    expect(await outbox.flush()).toBe(false);
    expect(store.rows.get("r1")).toMatchObject({
      state: "attention",
      errorCode: "surveys.invalid_answers",
      issues: [{ question: "q1", code: "required" }],
    });
    // A refusal does not stop the others.
    expect(store.rows.get("r2")).toMatchObject({ state: "sent" });
    await outbox.flush();
    expect(api.sent).toEqual(["r1", "r2"]);
  });

  it("calls a refusal without a readable body internal.error", async () => {
    const store = memoryStore([item("r1")]);
    const api = server([() => new Response("nope", { status: 400 })]);
    await createOutbox({ lock: "test", store, send: api.send, keep: true }, null).flush();
    expect(store.rows.get("r1")).toMatchObject({ state: "attention", errorCode: "internal.error" });
  });

  it("removes an item the server answered when its kind does not keep them", async () => {
    const store = memoryStore([item("e1", 1), item("e2", 2)]);
    const api = server([() => json(200, { removed: true }), () => json(404, { error: { code: "push.not_found" } })]);
    await createOutbox({ lock: "test", store, send: api.send, keep: false }, null).flush();
    expect(store.rows.size).toBe(0);
  });

  it("runs one flush at a time, and once more for a call made during it", async () => {
    const store = memoryStore([item("r1")]);
    let inFlight = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const sent: string[] = [];
    const send = async (queued: Item) => {
      sent.push(queued.id);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      inFlight -= 1;
      return json(201, {});
    };
    const outbox = createOutbox({ lock: "test", store, send, keep: true }, null);
    const first = outbox.flush();
    await Promise.resolve();
    // Queued while the first flush is sending: the flush that is running picks it up after.
    store.rows.set("r2", item("r2", 1));
    const second = outbox.flush();
    const third = outbox.flush();
    expect(second).toBe(first);
    expect(third).toBe(first);
    while (sent.length < 2 || inFlight > 0) {
      release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await first;
    expect(most).toBe(1);
    expect(sent).toEqual(["r1", "r2"]);
  });

  it("holds the kind's Web Lock while it sends", async () => {
    const store = memoryStore([item("r1")]);
    const held: string[] = [];
    const locks = {
      request: async (name: string, run: () => Promise<boolean>) => {
        held.push(name);
        return run();
      },
    };
    const api = server([() => json(201, {})]);
    await createOutbox({ lock: "machikoe-outbox", store, send: api.send, keep: true }, locks).flush();
    expect(held).toEqual(["machikoe-outbox"]);
  });
});
