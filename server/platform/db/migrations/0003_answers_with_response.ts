import type { Kysely } from "kysely";

// A response's answers move into the response's own row, as one JSON object. Storing a response is
// then one row, not one per question: the hot path of the survey ingest. Nothing reads answers per
// question — results come from survey_aggregates — so nothing is lost by it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("responses")
    .addColumn("answers", "text", (col) => col.notNull().defaultTo("{}"))
    .execute();

  // Existing answers, copied response by response (portable: no JSON functions of either dialect).
  const typed = db as unknown as Kysely<{
    answers: { response_id: string; question_id: string; value: string };
    responses: { id: string; answers: string };
  }>;
  const rows = await typed.selectFrom("answers").select(["response_id", "question_id", "value"]).orderBy("response_id").execute();
  const byResponse = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const answers = byResponse.get(row.response_id) ?? {};
    answers[row.question_id] = JSON.parse(row.value);
    byResponse.set(row.response_id, answers);
  }
  for (const [id, answers] of byResponse) {
    await typed
      .updateTable("responses")
      .set({ answers: JSON.stringify(answers) })
      .where("id", "=", id)
      .execute();
  }

  await db.schema.dropTable("answers").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("answers")
    .addColumn("response_id", "varchar(36)", (col) => col.notNull().references("responses.id").onDelete("cascade"))
    .addColumn("question_id", "varchar(32)", (col) => col.notNull())
    .addColumn("value", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("answers_pk", ["response_id", "question_id"])
    .execute();
  const typed = db as unknown as Kysely<{
    answers: { response_id: string; question_id: string; value: string };
    responses: { id: string; answers: string };
  }>;
  for (const response of await typed.selectFrom("responses").select(["id", "answers"]).execute()) {
    const rows = Object.entries(JSON.parse(response.answers) as Record<string, unknown>).map(([question_id, value]) => ({
      response_id: response.id,
      question_id,
      value: JSON.stringify(value),
    }));
    if (rows.length > 0) await typed.insertInto("answers").values(rows).execute();
  }
  await db.schema.alterTable("responses").dropColumn("answers").execute();
}
