/**
 * The SQLite writer thread owns one connection, and runs one statement at a time on it (writes run
 * one after another, group-commit.ts). There, a prepared query (prepared.ts) and the group commit's
 * own BEGIN, SAVEPOINT and COMMIT run straight on better-sqlite3: Kysely's per-query path (a
 * connection lock, plugins, several promise hops) costs more than such a statement does. The SQL
 * is still the one Kysely compiled, and every other thread and dialect goes through Kysely.
 */
import type SQLite from "better-sqlite3";

let direct: SQLite.Database | null = null;

/** Called by the writer thread with its connection (null when it closes it). */
export function runDirectlyOn(connection: SQLite.Database | null): void {
  direct = connection;
}

/** This thread's direct connection, if it has one. */
export function directConnection(): SQLite.Database | null {
  return direct;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const camelNames = new Map<string, string>();

/** Runs a compiled statement: rows with camelCase keys (as CamelCasePlugin gives) or the number of rows changed. */
export function runDirect(
  connection: SQLite.Database,
  sql: string,
  parameters: readonly unknown[],
): { rows: unknown[]; numAffectedRows?: bigint } {
  const statement = connection.prepare(sql);
  if (!statement.reader) return { rows: [], numAffectedRows: BigInt(statement.run(...parameters).changes) };
  const rows = statement.all(...parameters) as Record<string, unknown>[];
  return {
    rows: rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const key in row) {
        let name = camelNames.get(key);
        if (name === undefined) {
          name = camel(key);
          camelNames.set(key, name);
        }
        out[name] = row[key];
      }
      return out;
    }),
  };
}
