/**
 * The audit log's read side (操作ログ): one filtered page, newest first, within the staff member's ward
 * (a city administrator: all, or the ward chosen); the purge past AUDIT_RETENTION_DAYS.
 */

import { type AuditEntry, type AuditQuery, auditPageSize } from "../../shared/accounts/audit";
import type { StaffUser } from "../../shared/accounts/schemas";
import { jstDateTime } from "../../shared/time";
import type { Database } from "../platform/db/database";
import { erasing } from "../platform/db/erase";
import { defineWrite } from "../platform/db/write";
import { actorOf } from "./access";
import { audit } from "./audit";

/** The filters as a query: ward staff are held to their ward whatever ward they name. */
function filtered(database: Database, user: StaffUser, query: AuditQuery) {
  let q = database.db.selectFrom("auditLog").selectAll();
  if (user.role !== "city_admin") q = q.where("wardCode", "=", user.ward);
  else if (query.ward) q = q.where("wardCode", "=", query.ward);
  if (query.login) q = q.where("login", "=", query.login.trim().toLowerCase());
  if (query.action) q = q.where("action", "=", query.action);
  // Dates are days in Japan: from its midnight, to the next day's midnight (exclusive).
  if (query.from) q = q.where("at", ">=", new Date(jstDateTime(query.from, "00:00")).toISOString());
  if (query.to) q = q.where("at", "<", new Date(new Date(jstDateTime(query.to, "00:00")).getTime() + 86_400_000).toISOString());
  return q.orderBy("at", "desc").orderBy("id", "desc");
}

const toEntry = (row: {
  id: string;
  at: string;
  login: string;
  wardCode: string | null;
  action: string;
  target: string | null;
  details: string;
}): AuditEntry => ({
  id: row.id,
  at: row.at,
  login: row.login,
  ward: row.wardCode,
  action: row.action,
  target: row.target,
  details: JSON.parse(row.details) as Record<string, unknown>,
});

/** One page of the log (pages count from 1); one row more is read to know whether an older page follows. */
export async function auditPage(database: Database, user: StaffUser, query: AuditQuery) {
  const page = query.page ?? 1;
  const rows = await filtered(database, user, query)
    .limit(auditPageSize + 1)
    .offset((page - 1) * auditPageSize)
    .execute();
  return { entries: rows.slice(0, auditPageSize).map(toEntry), page, hasNext: rows.length > auditPageSize };
}

/** The most rows one CSV export carries; narrow the filters for more. */
export const auditExportMax = 100_000;

/** Every entry the filters match, newest first, for the CSV. */
export async function auditEntriesFor(database: Database, user: StaffUser, query: AuditQuery): Promise<AuditEntry[]> {
  return (await filtered(database, user, query).limit(auditExportMax).execute()).map(toEntry);
}

/** Entries one purge write deletes: a long-unpurged log goes in short writes, so other writes never wait long. */
const purgeBatch = 2_000;

const purge = defineWrite("accounts.purgeAuditLog", async (trx, { before }: { before: string }): Promise<number> => {
  const result = await erasing(trx, () =>
    trx
      .deleteFrom("auditLog")
      .where("id", "in", (eb) => eb.selectFrom("auditLog").select("id").where("at", "<", before).limit(purgeBatch))
      .executeTakeFirst(),
  );
  return Number(result.numDeletedRows);
});

/** Deletes entries older than the retention period (0 days: the log is kept for ever); answers how many went. */
export async function purgeAuditLog(database: Database, retentionDays: number, now = new Date()): Promise<number> {
  if (retentionDays === 0) return 0;
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  let total = 0;
  for (;;) {
    const deleted = await database.write(purge, { before });
    total += deleted;
    if (deleted < purgeBatch) return total;
  }
}

const recordExport = defineWrite(
  "accounts.auditExport",
  async (trx, { user, ward, count, query }: { user: StaffUser; ward: string | null; count: number; query: AuditQuery }) => {
    const { page: _, lang: __, ...filters } = query;
    await audit(trx, actorOf(user), { action: "audit.export", ward, details: { count, filters } });
  },
);

/** The export is itself in the log: who took which rows of it (filters and count), in the ward they read. */
export function recordAuditExport(database: Database, user: StaffUser, query: AuditQuery, count: number): Promise<void> {
  const ward = user.role === "city_admin" ? (query.ward ?? null) : user.ward;
  return database.write(recordExport, { user, ward, count, query });
}
