/**
 * Deleted means gone, at a price paid only where personal data is deleted. Every SQLite connection
 * runs with `secure_delete = FAST` (sqlite-connection.ts): deleted content is overwritten with zeros on
 * every page that is written anyway, which costs nothing extra. Only pages freed whole (long text on
 * overflow pages, emptied B-tree pages) would keep their bytes; a write that deletes personal data runs
 * its deletes inside `erasing`, which turns `secure_delete = ON` for them, so freed pages are zeroed too.
 * (Always ON cost the answers' writes about 15 % of their throughput, measured by `npm run bench`.)
 * PostgreSQL has no such setting: see the README (VACUUM).
 */
import { SqliteAdapter, sql, type Transaction } from "kysely";

export async function erasing<D, T>(trx: Transaction<D>, run: () => Promise<T>): Promise<T> {
  if (!(trx.getExecutor().adapter instanceof SqliteAdapter)) return run();
  await sql`pragma secure_delete = ON`.execute(trx);
  try {
    return await run();
  } finally {
    await sql`pragma secure_delete = FAST`.execute(trx);
  }
}
