/**
 * Writes are named procedures: `defineWrite(name, run)` makes one, and `database.write(it, input)`
 * runs it in one transaction. On PostgreSQL it runs where it is called. On SQLite it runs on the
 * writer thread (see writer-thread.ts), which knows the procedure by its name, so that the disk
 * flush of every COMMIT never stalls the thread that serves HTTP. Inputs and results therefore
 * cross threads: they must be plain data (structured-cloneable), and errors are carried as data.
 *
 * A write that adds running counts (counts.ts) gets them as a third argument: `run(trx, input, counts)`.
 *
 * Every module that defines writes is imported by the registry module (server/registry.ts), which
 * the entry point hands to openDatabase and the writer thread imports; server/registry.test.ts
 * fails when a write is defined outside it.
 */
import type { Insertable, Transaction } from "kysely";
import type { ErrorCode } from "../../../shared/errors/catalog";
import { AppError } from "../errors";
import type { Counts } from "./counts";
import type { DB } from "./schema";

export interface Write<I, O> {
  readonly name: string;
  readonly run: (trx: Transaction<DB>, input: I, counts: Counts) => Promise<O>;
  /**
   * Whether the counts other writes have deferred (SQLite, group-commit.ts) are written before this one
   * runs: for a write that reads the counts together with the rows they came from.
   */
  readonly settleCountsFirst?: boolean;
}

// Any input and output: the registry holds writes of every type.
// biome-ignore lint/suspicious/noExplicitAny: a registry of writes of every input and output type
type AnyWrite = Write<any, any>;

const registry = new Map<string, AnyWrite>();

export function defineWrite<I, O>(name: string, run: Write<I, O>["run"], options: { settleCountsFirst?: boolean } = {}): Write<I, O> {
  const existing = registry.get(name);
  if (existing && existing.run !== run) throw new Error(`two writes are named "${name}"`);
  const write: Write<I, O> = { name, run, settleCountsFirst: options.settleCountsFirst ?? false };
  registry.set(name, write);
  return write;
}

export function writeNamed(name: string): AnyWrite {
  const write = registry.get(name);
  if (!write) throw new Error(`no write is named "${name}"; is its module imported by the registry (server/registry.ts)?`);
  return write;
}

/** The names of the writes defined so far in this thread. */
export function writeNames(): string[] {
  return [...registry.keys()];
}

/** An error as it crosses from the writer thread: the app's own errors keep their code and details. */
export type TransferredError =
  | { kind: "app"; code: ErrorCode; details: unknown }
  | { kind: "error"; name: string; message: string; code: string | undefined; stack: string | undefined };

export function transferError(error: unknown): TransferredError {
  if (error instanceof AppError) return { kind: "app", code: error.code, details: error.details };
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return { kind: "error", name: e.name, message: e.message, code: typeof code === "string" ? code : undefined, stack: e.stack };
}

export function receiveError(error: TransferredError): Error {
  if (error.kind === "app") return new AppError(error.code, error.details);
  const received = new Error(error.message);
  received.name = error.name;
  if (error.stack) received.stack = error.stack;
  if (error.code !== undefined) Object.assign(received, { code: error.code });
  return received;
}

/** Inserts rows as given: fixtures for tests and benchmarks, where a procedure of its own would say nothing more. */
export const insertRows = defineWrite("db.insertRows", async (trx, input: { table: keyof DB; rows: object[] }) => {
  // Rows are checked against their table by insertInto below; here the table is any table.
  if (input.rows.length > 0)
    await trx
      .insertInto(input.table)
      .values(input.rows as never)
      .execute();
  return input.rows.length;
});

/** Typed access to insertRows: `insertInto(database, "wards", rows)`. */
export function insertInto<T extends keyof DB>(
  database: { write<I, O>(write: Write<I, O>, input: I): Promise<O> },
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<number> {
  return database.write(insertRows, { table, rows });
}
