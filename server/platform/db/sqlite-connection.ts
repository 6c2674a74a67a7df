/** A better-sqlite3 connection with the settings every SQLite connection of the app uses. */
import SQLite from "better-sqlite3";

export function openSqliteConnection(file: string): SQLite.Database {
  const connection = new SQLite(file);
  cachePreparedStatements(connection);
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = FULL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  // Deleted content is overwritten with zeros, in the file and in the WAL's new page images, wherever that
  // writes no page more; writes that delete personal data zero freed pages too (erase.ts), so a purge leaves no
  // bytes behind (a WAL checkpoint then clears the WAL's older images: Database.compact).
  connection.pragma("secure_delete = FAST");
  return connection;
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
