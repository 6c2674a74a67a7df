import { type Kysely, sql } from "kysely";

// A push subscription keeps no time finer than the month (when a newborn was added points to the birth
// date): the times already stored become the first instant of their month.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update push_subscriptions set
    created_at = substr(created_at, 1, 7) || '-01T00:00:00.000Z',
    updated_at = substr(updated_at, 1, 7) || '-01T00:00:00.000Z'`.execute(db);
}

export async function down(): Promise<void> {
  // The finer times are gone for good.
}
