/**
 * A lock for work that several instances may start at once (reference and demo data at start).
 * PostgreSQL: a transaction-level advisory lock, held until the transaction ends, so instances
 * sharing one database run such writes one at a time. SQLite: the writer thread is the one writer
 * of its file, and a write transaction already excludes every other.
 */
import { SqliteAdapter, sql, type Transaction } from "kysely";

/** Which database a write's transaction is on (for takeStartLock inside a defineWrite). */
export function dialectOf<D>(trx: Transaction<D>): "sqlite" | "postgres" {
  return trx.getExecutor().adapter instanceof SqliteAdapter ? "sqlite" : "postgres";
}

/** Waits for the start lock named `name` inside the write's transaction (PostgreSQL only). */
export async function takeStartLock<D>(trx: Transaction<D>, dialect: "sqlite" | "postgres", name: string): Promise<void> {
  if (dialect !== "postgres") return;
  // Keyed by the schema as well, so databases in other schemas of one server never wait for each other.
  await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ${`:${name}`}))`.execute(trx);
}
