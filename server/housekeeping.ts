/**
 * Housekeeping on a timer, on every instance: personal data past its retention is purged (join requests'
 * personal fields; audit log entries older than AUDIT_RETENTION_DAYS) at start, then every six hours; after a purge that removes anything, the database is compacted so the
 * bytes are gone from the files too (Database.compact); once a week the SQLite file is rebuilt (VACUUM).
 * On PostgreSQL, invitation codes and poll device marks are rewritten in their hashes' order every ten
 * minutes, so the order of their rows never lines up with the responses' for long (surveys/storage-order.ts).
 * Every ten minutes too, results due to be published are (surveys/snapshots.ts: a survey closed, or a
 * day passed with K new responses, without anyone reading them).
 */
import { purgeAuditLog } from "./accounts/audit-log";
import type { Config } from "./config";
import { purgeJoinRequests } from "./local/staff/service";
import type { Database } from "./platform/db/database";
import type { Logger } from "./platform/logger";
import { publication, publishDueResults } from "./surveys/snapshots";
import { reorderByHash } from "./surveys/storage-order";

const purgeEveryMs = 6 * 60 * 60 * 1000;
const vacuumEveryMs = 7 * 24 * 60 * 60 * 1000;
const reorderEveryMs = 10 * 60 * 1000;

interface Purge {
  name: string;
  /** The tables it clears (PostgreSQL vacuums them after). */
  tables: readonly string[];
  run(): Promise<number>;
}

export function startHousekeeping(database: Database, config: Config, logger: Logger): () => void {
  const purges: Purge[] = [
    { name: "join requests", tables: ["join_requests"], run: () => purgeJoinRequests(database, config.staff.joinRetentionDays) },
    { name: "audit log", tables: ["audit_log"], run: () => purgeAuditLog(database, config.staff.auditRetentionDays) },
  ];
  const purgeAll = async () => {
    for (const purge of purges) {
      try {
        const cleared = await purge.run();
        if (cleared === 0) continue;
        await database.compact({ tables: purge.tables });
        logger.info("purged", { what: purge.name, cleared });
      } catch (error) {
        logger.warn("purge failed", { what: purge.name, error: String(error) });
      }
    }
  };
  const vacuum = () =>
    database.compact({ vacuum: true }).then(
      () => logger.info("database compacted"),
      (error: unknown) => logger.warn("database compaction failed", { error: String(error) }),
    );
  const reorder = () =>
    reorderByHash(database).catch((error: unknown) => logger.warn("reordering codes and device marks failed", { error: String(error) }));
  const publish = () =>
    publishDueResults(database, publication(config.surveys)).then(
      (made) => {
        if (made > 0) logger.info("results published", { surveys: made });
      },
      (error: unknown) => logger.warn("publishing results failed", { error: String(error) }),
    );
  void purgeAll();
  void reorder();
  void publish();
  const timers = [
    setInterval(() => void purgeAll(), purgeEveryMs),
    setInterval(() => void vacuum(), vacuumEveryMs),
    setInterval(() => void reorder(), reorderEveryMs),
    setInterval(() => void publish(), reorderEveryMs),
  ];
  for (const timer of timers) timer.unref();
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
