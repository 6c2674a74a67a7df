/**
 * Queries built and compiled once, then run with new values. Kysely builds, transforms (camelCase)
 * and compiles every query anew, which costs several times what SQLite takes to run a small
 * prepared statement; on the hot path of storing a response that dominates. A prepared query is
 * still written with Kysely — the same code on both dialects — but compiled once per dialect and
 * shape, with marker values that are swapped for the real ones at each run.
 */
import { type Compilable, type CompiledQuery, type Kysely, type QueryResult, SqliteAdapter } from "kysely";
import { directConnection, runDirect } from "./direct";

const marker = (i: number) => `\u0000prepared-parameter-${i}\u0000`;

interface Compiled {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query: the index of the argument it takes, or null for a fixed value. */
  slots: (number | null)[];
}

/**
 * `build` receives markers in place of its arguments and must use each one as a value. `shape`
 * names what changes the SQL text beyond the values (e.g. the number of rows inserted).
 */
export function prepared<DB, Args extends unknown[]>(build: (db: Kysely<DB>, ...args: Args) => Compilable<unknown>) {
  const byAdapter = new WeakMap<object, Map<string, Compiled>>();
  return async (db: Kysely<DB>, shape: string, ...args: Args): Promise<QueryResult<unknown>> => {
    const adapter = db.getExecutor().adapter;
    let cache = byAdapter.get(adapter);
    if (!cache) {
      cache = new Map();
      byAdapter.set(adapter, cache);
    }
    let entry = cache.get(shape);
    if (!entry) {
      const markers = args.map((_, i) => marker(i)) as Args;
      const compiled = build(db, ...markers).compile();
      const slots = compiled.parameters.map((p) => {
        const i = typeof p === "string" ? markers.indexOf(p as never) : -1;
        return i >= 0 ? i : null;
      });
      if (new Set(slots.filter((s) => s !== null)).size !== args.length)
        throw new Error(`prepared query "${shape}" does not use every argument`);
      entry = { compiled, slots };
      cache.set(shape, entry);
    }
    const { compiled, slots } = entry;
    const parameters = slots.map((slot, i) => (slot === null ? compiled.parameters[i] : args[slot]));
    const direct = directConnection();
    if (direct && adapter instanceof SqliteAdapter) return runDirect(direct, compiled.sql, parameters);
    return db.executeQuery({ ...compiled, parameters });
  };
}
