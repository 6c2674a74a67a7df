/**
 * Opens the database the configuration names: the embedded SQLite file by default, PostgreSQL when
 * DATABASE_URL is set. The rest of the server sees one interface on both — `db` for reads and
 * `write(job)` for transactional writes — and one set of Kysely queries.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { GroupCommit } from "./group-commit";
import { migrateToLatest } from "./migrate";
import type { DB } from "./schema";
import { Tally } from "./tally";

export type Dialect = "sqlite" | "postgres";

export interface Database {
  readonly dialect: Dialect;
  /** For reads. On SQLite this is its own connection, so reads never wait for a commit. */
  readonly db: Kysely<DB>;
  /** Runs `job` in a transaction, with the counts it tallies; resolves once it is committed durably. */
  write<T>(job: (trx: Transaction<DB>, tally: Tally) => Promise<T>): Promise<T>;
  /** Waits for every write queued so far. */
  flush(): Promise<void>;
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

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { database, writer } = options.dialect === "sqlite" ? openSqlite(options.file) : openPostgres(options);
  try {
    await migrateToLatest(writer as Kysely<unknown>, options.dialect === "postgres" ? options.schema : undefined);
    // Open the read side now: a bad connection fails the start, not the first request.
    await sql`select 1`.execute(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** A connection with the durability settings every SQLite connection of the app uses. */
export function openSqliteConnection(file: string): SQLite.Database {
  const connection = new SQLite(file);
  cachePreparedStatements(connection);
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = FULL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  return connection;
}

interface Opened {
  database: Database;
  /** The connection that writes: migrations run on it. */
  writer: Kysely<DB>;
}

/**
 * Kysely prepares every query anew; preparing costs as much as running a small statement. The app
 * sends a bounded set of SQL texts, so each is prepared once per connection and reused.
 */
function cachePreparedStatements(connection: SQLite.Database, limit = 1000): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, SQLite.Statement>();
  connection.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  }) as typeof connection.prepare;
}

function openSqlite(file: string): Opened {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const plugins = [new CamelCasePlugin()];
  // Connections open on first use (Kysely closes only what it opened). Migrations run on the writer
  // first, so it creates the file and switches it to WAL before the reader ever opens it.
  const writer = new Kysely<DB>({ dialect: new SqliteDialect({ database: async () => openSqliteConnection(file) }), plugins });
  const reader = new Kysely<DB>({ dialect: new SqliteDialect({ database: async () => openSqliteConnection(file) }), plugins });
  const group = new GroupCommit(writer);
  let closed = false;
  const database: Database = {
    dialect: "sqlite",
    db: reader,
    write(job) {
      if (closed) return Promise.reject(new Error("database is closed"));
      return group.run(job);
    },
    flush: () => group.flush(),
    async close() {
      closed = true;
      await group.flush();
      await reader.destroy();
      await writer.destroy();
    },
  };
  return { database, writer };
}

function openPostgres(options: Extract<DatabaseOptions, { dialect: "postgres" }>): Opened {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  const database: Database = {
    dialect: "postgres",
    db,
    write(job) {
      if (closed) return Promise.reject(new Error("database is closed"));
      const running = db.transaction().execute(async (trx) => {
        const tally = new Tally();
        const value = await job(trx, tally);
        await tally.flush(trx);
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
    async flush() {
      await Promise.all([...inFlight]);
    },
    async close() {
      closed = true;
      await Promise.all([...inFlight]);
      await db.destroy();
    },
  };
  return { database, writer: db };
}
