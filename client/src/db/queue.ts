/**
 * One kind's outbox items in a Dexie table, as the outbox engine (sync/engine.ts) reads and settles
 * them on the page. Items are re-parsed with the kind's schema when read; a change is applied in a
 * transaction and only to an item still waiting, so a tab, the worker and this tab never undo each other.
 */
import type { EntityTable, Table } from "dexie";
import type { Queued, QueueStore } from "../sync/engine";
import { valid } from "./database";

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };
type Item = Queued & { id: string; queuedAt: number };

/** The table with plain string keys: Dexie's key typing does not follow a generic item type. */
const plain = <T extends Item>(table: EntityTable<T, "id">) => table as unknown as Table<T, string, T>;

export function dexieQueue<T extends Item>(entities: EntityTable<T, "id">, schema: Schema<T>): QueueStore<T> {
  const table = plain(entities);
  return {
    async waiting() {
      return valid(schema, await table.where("state").equals("pending").toArray()).sort((a, b) => a.queuedAt - b.queuedAt);
    },
    async update(id, change) {
      await table.db.transaction("rw", table, async () => {
        const item = await table.get(id);
        if (item?.state !== "pending") return;
        const next = change(item);
        if (next) await table.put(next);
        else await table.delete(id);
      });
    },
  };
}

/** Puts an item in the outbox as waiting, unless one with its id is already there (the same id twice is one item). */
export async function enqueue<T extends Item>(
  entities: EntityTable<T, "id">,
  schema: { parse(value: unknown): T },
  item: Omit<T, "state" | "queuedAt" | "attempts">,
): Promise<void> {
  const table = plain(entities);
  await table.db.transaction("rw", table, async () => {
    if (!(await table.get(item.id))) await table.put(schema.parse({ ...item, state: "pending", queuedAt: Date.now(), attempts: 0 }));
  });
}
