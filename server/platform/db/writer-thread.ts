/**
 * The SQLite writer thread. It owns the one connection that writes: it brings the schema up to
 * date, then runs the writes the main thread sends, by name, in grouped commits (group-commit.ts).
 * better-sqlite3 is synchronous, so the disk flush of each COMMIT blocks the thread that runs it;
 * here that is this thread, while the main thread keeps reading requests, and the next batch
 * gathers meanwhile.
 *
 * It learns the writes from the registry module the main thread names when it opens a file
 * (database.ts): importing it defines every write and registers the counts (counts.ts). This
 * thread imports no feature itself.
 *
 * Counts are written a moment after their writes (deferred counts, group-commit.ts). While the
 * thread has a file open, count_state marks its counts unclean; a clean close writes the last
 * counts and marks them clean in one transaction. Opening a file whose counts are unclean (the
 * process was killed, the machine lost power) recounts them first, with the registered recount.
 *
 * A thread serves one database file at a time; after `close` it may `open` another (tests open a
 * fresh database per test, and starting a thread costs more than most tests).
 *
 * Messages in: { open: file, registry: module URL }; then { id, name, input } to run a write, { id, settle: true } to
 * write deferred counts now, { id, compact: "checkpoint" | "vacuum" } to clear the WAL (and rebuild the file); { close: true }.
 * Messages out: "ready" or a start failure; batches of results [id, ok, value | error][]; "closed".
 */
import { parentPort } from "node:worker_threads";
import { CamelCasePlugin, Kysely, SqliteDialect, sql, type Transaction } from "kysely";
import { type CountsKind, registeredCounts } from "./counts";
import { runDirectlyOn } from "./direct";
import { GroupCommit } from "./group-commit";
import { migrateToLatest } from "./migrate";
import type { DB } from "./schema";
import { openSqliteConnection } from "./sqlite-connection";
import { type TransferredError, transferError, writeNamed } from "./write";

export type ToWriter =
  | { open: string; registry: string }
  | { id: number; name: string; input: unknown }
  | { id: number; settle: true }
  | { id: number; compact: "checkpoint" | "vacuum" }
  | { close: true };
export type Result = [id: number, ok: true, value: unknown] | [id: number, ok: false, error: TransferredError];
export type FromWriter = { ready: true } | { failed: TransferredError } | { results: Result[] } | { closed: true };

const port = parentPort;
if (!port) throw new Error("writer-thread.ts runs as a worker thread");
const send = (message: FromWriter) => port.postMessage(message);
/** How long counts may wait before they are written (see group-commit.ts). */
const deferCountsMs = 1000;

let open: { db: Kysely<DB>; group: GroupCommit<DB>; counts: CountsKind | null } | null = null;

// Results settle together when their batch commits; they go back in one message.
let outgoing: Result[] = [];
const sendResults = () => {
  if (outgoing.length === 0) return;
  const results = outgoing;
  outgoing = [];
  send({ results });
};
const settle = (result: Result) => {
  if (outgoing.length === 0) setImmediate(sendResults);
  outgoing.push(result);
};

async function openFile(file: string, registry: string): Promise<void> {
  let counts: CountsKind | null;
  try {
    await import(registry);
    counts = registeredCounts();
  } catch (error) {
    send({ failed: transferError(error) });
    return;
  }
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({
      database: async () => {
        const connection = openSqliteConnection(file);
        runDirectlyOn(connection);
        return connection;
      },
    }),
    plugins: [new CamelCasePlugin()],
  });
  const group = new GroupCommit(db, { deferCountsMs, counts });
  try {
    await migrateToLatest(db as Kysely<unknown>);
    if (counts) {
      const state = await db.selectFrom("countState").select("clean").where("name", "=", counts.name).executeTakeFirst();
      if (state?.clean !== 1) await group.run((trx) => counts.recount(trx), { settleCountsFirst: true });
      await group.run((trx) => markCounts(trx, counts.name, false));
    }
  } catch (error) {
    await db.destroy().catch(() => {});
    runDirectlyOn(null);
    send({ failed: transferError(error) });
    return;
  }
  open = { db, group, counts };
  send({ ready: true });
}

const markCounts = async (trx: Transaction<DB>, name: string, clean: boolean) => {
  await trx
    .updateTable("countState")
    .set({ clean: clean ? 1 : 0 })
    .where("name", "=", name)
    .execute();
};

async function closeFile(): Promise<void> {
  if (open) {
    const { db, group, counts } = open;
    open = null;
    // The last counts and the mark that they are exact, in one transaction.
    if (counts) await group.run((trx) => markCounts(trx, counts.name, true), { settleCountsFirst: true }).catch(() => {});
    await group.flush();
    await db.destroy();
    runDirectlyOn(null);
  }
  sendResults();
  send({ closed: true });
}

/**
 * After a purge: the writes so far committed, then (vacuum) the file rebuilt without free pages, then the WAL
 * checkpointed into the file and truncated to nothing, so no older image of a purged page is left in it.
 */
async function compact(db: Kysely<DB>, group: GroupCommit<DB>, how: "checkpoint" | "vacuum"): Promise<void> {
  await group.settleCounts();
  await group.flush();
  if (how === "vacuum") await sql`vacuum`.execute(db);
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
}

// Messages are handled in order: writes sent before "close" are queued before it flushes.
port.on("message", (message: ToWriter) => {
  if ("open" in message) return void openFile(message.open, message.registry);
  if ("close" in message) return void closeFile();
  const { id } = message;
  if (!open) return settle([id, false, transferError(new Error("database is closed"))]);
  if ("compact" in message) {
    const { db, group } = open;
    return void compact(db, group, message.compact).then(
      () => settle([id, true, undefined]),
      (error: unknown) => settle([id, false, transferError(error)]),
    );
  }
  if ("settle" in message) {
    return void open.group.settleCounts().then(
      () => settle([id, true, undefined]),
      (error: unknown) => settle([id, false, transferError(error)]),
    );
  }
  const { name, input } = message;
  let write: ReturnType<typeof writeNamed>;
  try {
    write = writeNamed(name);
  } catch (error) {
    return settle([id, false, transferError(error)]);
  }
  open.group
    .run((trx, counts) => write.run(trx, input, counts), { settleCountsFirst: write.settleCountsFirst ?? false })
    .then(
      (value) => settle([id, true, value]),
      (error: unknown) => settle([id, false, transferError(error)]),
    );
});
