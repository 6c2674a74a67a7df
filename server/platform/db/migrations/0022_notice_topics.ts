import { type Kysely, sql } from "kysely";

// Notices by topic (issue 14): a subscription's topics (surveys, meetings, news, childcare) in a table of
// their own, like its cohorts. Every subscription made before topics was a parent's on the 子育て page and
// received the childcare reminders and the ward's broadcasts: it keeps exactly those two.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("push_subscription_topics")
    .addColumn("subscription_id", "varchar(36)", (col) => col.notNull().references("push_subscriptions.id").onDelete("cascade"))
    .addColumn("topic", "varchar(12)", (col) => col.notNull())
    .addPrimaryKeyConstraint("push_subscription_topics_pk", ["subscription_id", "topic"])
    .execute();
  await db.schema
    .createIndex("push_subscription_topics_topic")
    .on("push_subscription_topics")
    .columns(["topic", "subscription_id"])
    .execute();
  for (const topic of ["childcare", "news"])
    await sql`insert into push_subscription_topics (subscription_id, topic) select id, ${topic} from push_subscriptions`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("push_subscription_topics").execute();
}
