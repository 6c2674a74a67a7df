import type { Kysely } from "kysely";

// Push notices (子育て通知 and staff broadcasts).
// server_settings: values the server makes for itself once, such as its VAPID key pair.
// push_subscriptions: a browser's push endpoint and keys, its ward and locale — and, in
// push_subscription_cohorts, its children's months (born:YYYY-MM, due:YYYY-MM), never a date.
// notices: what is to be sent, to which segment, when; with counts of sent, failed and expired.
// notice_deliveries: the send log, one row per (notice, subscription), so a notice goes out once.
// leases: which server instance is the sender now (name, holder, until when).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("server_settings")
    .addColumn("key", "varchar(60)", (col) => col.primaryKey())
    .addColumn("value", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("push_subscriptions")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    .addColumn("endpoint", "varchar(1024)", (col) => col.notNull().unique())
    .addColumn("p256dh", "varchar(100)", (col) => col.notNull())
    .addColumn("auth", "varchar(40)", (col) => col.notNull())
    .addColumn("ward_code", "varchar(5)", (col) => col.references("wards.code"))
    .addColumn("locale", "varchar(10)", (col) => col.notNull())
    .addColumn("created_at", "varchar(40)", (col) => col.notNull())
    .addColumn("updated_at", "varchar(40)", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("push_subscription_cohorts")
    .addColumn("subscription_id", "varchar(36)", (col) => col.notNull().references("push_subscriptions.id").onDelete("cascade"))
    .addColumn("cohort", "varchar(12)", (col) => col.notNull())
    .addPrimaryKeyConstraint("push_subscription_cohorts_pk", ["subscription_id", "cohort"])
    .execute();
  await db.schema
    .createIndex("push_subscription_cohorts_cohort")
    .on("push_subscription_cohorts")
    .columns(["cohort", "subscription_id"])
    .execute();

  await db.schema
    .createTable("notices")
    .addColumn("id", "varchar(36)", (col) => col.primaryKey())
    // A timeline notice's natural key (item, cohort, window start): made once however often it is planned.
    .addColumn("key", "varchar(120)", (col) => col.unique())
    .addColumn("kind", "varchar(12)", (col) => col.notNull())
    .addColumn("ward_code", "varchar(5)", (col) => col.references("wards.code"))
    .addColumn("segment", "text", (col) => col.notNull())
    .addColumn("content", "text", (col) => col.notNull())
    .addColumn("send_at", "varchar(40)", (col) => col.notNull())
    .addColumn("status", "varchar(12)", (col) => col.notNull())
    .addColumn("created_by", "varchar(36)")
    .addColumn("created_at", "varchar(40)", (col) => col.notNull())
    .addColumn("started_at", "varchar(40)")
    .addColumn("finished_at", "varchar(40)")
    .addColumn("sent", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("failed", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("expired", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("notices_status_send_at").on("notices").columns(["status", "send_at"]).execute();
  await db.schema.createIndex("notices_ward_created").on("notices").columns(["ward_code", "created_at"]).execute();

  await db.schema
    .createTable("notice_deliveries")
    .addColumn("notice_id", "varchar(36)", (col) => col.notNull().references("notices.id"))
    .addColumn("subscription_id", "varchar(36)", (col) => col.notNull())
    .addColumn("state", "varchar(10)", (col) => col.notNull())
    .addColumn("attempts", "integer", (col) => col.notNull())
    .addColumn("next_at", "varchar(40)")
    .addColumn("holder", "varchar(64)")
    .addPrimaryKeyConstraint("notice_deliveries_pk", ["notice_id", "subscription_id"])
    .execute();
  await db.schema.createIndex("notice_deliveries_state").on("notice_deliveries").columns(["notice_id", "state", "next_at"]).execute();
  await db.schema.createIndex("notice_deliveries_subscription").on("notice_deliveries").columns(["subscription_id"]).execute();

  await db.schema
    .createTable("leases")
    .addColumn("name", "varchar(40)", (col) => col.primaryKey())
    .addColumn("holder", "varchar(64)", (col) => col.notNull())
    .addColumn("expires_at", "varchar(40)", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["leases", "notice_deliveries", "notices", "push_subscription_cohorts", "push_subscriptions", "server_settings"]) {
    await db.schema.dropTable(table).execute();
  }
}
