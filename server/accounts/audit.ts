/**
 * The audit log's write side: every staff action, recorded in the transaction of the action itself.
 * Details hold counts, names of things and login names, never a resident's personal data or an address.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { AuditAction } from "../../shared/accounts/audit";
import type { DB } from "../platform/db/schema";
import type { Actor } from "./access";

export interface AuditEntry {
  /** One of shared/accounts/audit.ts's actions, each with a label in every staff locale. */
  action: AuditAction;
  /** The ward the action concerns (null: city-wide). */
  ward: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** Records a staff action, in the transaction of the action itself. */
export async function audit(trx: Transaction<DB>, actor: Actor, entry: AuditEntry, now = new Date()): Promise<void> {
  await trx
    .insertInto("auditLog")
    .values({
      id: randomUUID(),
      at: now.toISOString(),
      userId: actor.userId,
      login: actor.login,
      wardCode: entry.ward,
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
