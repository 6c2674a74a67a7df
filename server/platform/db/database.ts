/**
 * Opens the database the configuration names: the embedded SQLite file by default, PostgreSQL when
 * DATABASE_URL is set. The rest of the server sees one interface on both — `db` for reads and
 * `write(procedure, input)` for transactional writes (see write.ts) — and one set of Kysely queries.
 * The entry point hands it the registry: the module that defines every write (server/registry.ts).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { noCounts, registeredCounts } from "./counts";
import { migrateToLatest } from "./migrate";
import type { DB } from "./schema";
import { openSqliteConnection } from "./sqlite-connection";
import { receiveError, type Write } from "./write";
import type { FromWriter, Result, ToWriter } from "./writer-thread";

export type Dialect = "sqlite" | "postgres";

export interface Database {
  readonly dialect: Dialect;
  /** For reads. On SQLite this is its own connection, so reads never wait for a commit. */
  readonly db: Kysely<DB>;
  /** Runs a write procedure in a transaction; resolves once it is committed durably. */
  write<I, O>(write: Write<I, O>, input: I): Promise<O>;
  /** Resolves once the stored counts (counts.ts) include every write acknowledged so far. */
  settleCounts(): Promise<void>;
  /** Waits for every write sent so far. */
  flush(): Promise<void>;
  /**
   * After a purge, so deleted data is gone from the files too. SQLite: the WAL is checkpointed and truncated
   * (`vacuum`: the file is rebuilt first); secure_delete has already zeroed the deleted content. PostgreSQL:
   * `VACUUM` of the tables named (their dead rows' space becomes reusable; see the README for WAL archives).
   */
  compact(options?: { vacuum?: boolean; tables?: readonly string[] }): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; connectionString: string; schema?: string; maxConnections?: number };

export function databaseOptionsFrom(config: { databaseUrl: string | undefined; dataDir: string }): DatabaseOptions {
  return config.databaseUrl
    ? { dialect: "postgres", connectionString: config.databaseUrl }
    : { dialect: "sqlite", file: path.join(config.dataDir, "machikoe.db") };
}

/**
 * The module that defines every write, by its URL (`import.meta.url`). Importing it defines the
 * writes and registers the counts (counts.ts) in the thread that imports it; the entry point has
 * done so already, and the SQLite writer thread does so before it opens the file.
 */
export interface Registry {
  readonly module: string;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions, registry: Registry): Promise<Database> {
  const database = options.dialect === "sqlite" ? await openSqlite(options.file, registry) : await openPostgres(options);
  try {
    // Open the read side now: a bad connection fails the start, not the first request.
    await sql`select 1`.execute(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Writer threads whose database was closed, kept (unreferenced) for the next database opened. */
const idleWriters: Worker[] = [];

/** A writer thread: an idle one, or a new one from the built .js beside this module, or from the .ts source through tsx. */
function writerThread(): Worker {
  const idle = idleWriters.pop();
  if (idle) {
    idle.ref();
    return idle;
  }
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  return here.endsWith(".ts")
    ? new Worker(path.join(dir, "typescript-worker.mjs"), { workerData: { entry: path.join(dir, "writer-thread.ts") } })
    : new Worker(path.join(dir, "writer-thread.js"));
}

/**
 * SQLite: writes go to the writer thread, which runs them in grouped commits; reads use a
 * connection of this thread (WAL lets them proceed during a commit).
 */
async function openSqlite(file: string, registry: Registry): Promise<Database> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const worker = writerThread();
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | null = null;
  let closing: Promise<void> | null = null;
  const idle: (() => void)[] = [];
  let starting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let closed: (() => void) | null = null;

  const stop = (error: Error) => {
    stopped ??= error;
    starting?.reject(error);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    for (const resolve of idle.splice(0)) resolve();
    closed?.();
  };
  const onMessage = (message: FromWriter) => {
    if ("results" in message) {
      for (const [id, ok, value] of message.results as Result[]) {
        const waiting = pending.get(id);
        if (!waiting) continue;
        pending.delete(id);
        if (ok) waiting.resolve(value);
        else waiting.reject(receiveError(value));
      }
      if (pending.size === 0) for (const resolve of idle.splice(0)) resolve();
    } else if ("ready" in message) starting?.resolve();
    else if ("failed" in message) starting?.reject(receiveError(message.failed));
    else if ("closed" in message) closed?.();
  };
  const onError = (error: Error) => stop(error);
  const onExit = (code: number) => stop(new Error(`the database writer thread stopped (exit code ${code})`));
  worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  const detach = () => worker.off("message", onMessage).off("error", onError).off("exit", onExit);
  const post = (message: ToWriter) => worker.postMessage(message);

  try {
    await new Promise<void>((resolve, reject) => {
      starting = { resolve, reject };
      post({ open: file, registry: registry.module });
    });
  } catch (error) {
    detach();
    await worker.terminate();
    throw error;
  } finally {
    starting = null;
  }

  // Opened on first use, after the writer thread made the file and switched it to WAL.
  const reader = new Kysely<DB>({
    dialect: new SqliteDialect({ database: async () => openSqliteConnection(file) }),
    plugins: [new CamelCasePlugin()],
  });

  return {
    dialect: "sqlite",
    db: reader,
    write<I, O>(write: Write<I, O>, input: I): Promise<O> {
      if (closing || stopped) return Promise.reject(stopped ?? new Error("database is closed"));
      const id = nextId++;
      return new Promise<O>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        post({ id, name: write.name, input });
      });
    },
    settleCounts(): Promise<void> {
      if (closing || stopped) return Promise.reject(stopped ?? new Error("database is closed"));
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        post({ id, settle: true });
      });
    },
    flush() {
      return pending.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
    },
    compact(options = {}): Promise<void> {
      if (closing || stopped) return Promise.reject(stopped ?? new Error("database is closed"));
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        post({ id, compact: options.vacuum ? "vacuum" : "checkpoint" });
      });
    },
    close() {
      closing ??= (async () => {
        if (!stopped) {
          await new Promise<void>((resolve) => {
            closed = resolve;
            post({ close: true });
          });
        }
        detach();
        if (!stopped) {
          // Kept for the next database this process opens; unreferenced, it never holds the process open.
          worker.unref();
          idleWriters.push(worker);
        }
        await reader.destroy();
      })();
      return closing;
    },
  };
}

async function openPostgres(options: Extract<DatabaseOptions, { dialect: "postgres" }>): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  try {
    await migrateToLatest(db as Kysely<unknown>, options.schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  // Registered by the registry, which the caller imported before opening.
  const counts = registeredCounts() ?? noCounts;
  return {
    dialect: "postgres",
    db,
    write<I, O>(write: Write<I, O>, input: I): Promise<O> {
      if (closed) return Promise.reject(new Error("database is closed"));
      const running = db.transaction().execute(async (trx) => {
        const added = counts.create();
        const value = await write.run(trx, input, added);
        await added.writeTo(trx);
        return value;
      });
      // Tracked only to wait for it at shutdown; the caller handles its outcome.
      const tracked: Promise<void> = running.then(
        () => {},
        () => {},
      );
      inFlight.add(tracked);
      void tracked.then(() => inFlight.delete(tracked));
      return running;
    },
    // Each write's counts are written in its own transaction.
    settleCounts: () => Promise.resolve(),
    async flush() {
      await Promise.all([...inFlight]);
    },
    async compact(options = {}) {
      await Promise.all([...inFlight]);
      // VACUUM runs outside a transaction; table names come from the code (snake_case), never from a request.
      for (const table of options.tables ?? []) await sql`vacuum ${sql.table(table)}`.execute(db);
    },
    async close() {
      closed = true;
      await Promise.all([...inFlight]);
      await db.destroy();
    },
  };
}
