/**
 * The surveys' counts worked out again from the stored responses. The SQLite writer thread runs it
 * after an unclean stop (registered in counts.ts; see platform/db/writer-thread.ts).
 */
import type { Transaction } from "kysely";
import { countsOf } from "../../shared/surveys/aggregates";
import type { RecordedAnswers } from "../../shared/surveys/answers";
import type { SurveyDefinition } from "../../shared/surveys/model";
import type { DB } from "../platform/db/schema";
import { definitionOf, profileOf } from "./read";
import { joinCounts, Tally } from "./tally";

/**
 * Works out every survey's counts again from the stored responses and replaces survey_aggregates
 * with them. The SQLite writer thread runs it after an unclean stop (db/group-commit.ts).
 */
export async function recountSurveyAggregates(trx: Transaction<DB>): Promise<number> {
  await trx.deleteFrom("surveyAggregates").execute();
  // Its own tally, written here: these counts replace the table, they are not added to a write's.
  const tally = new Tally();
  const definitions = new Map<string, SurveyDefinition>();
  for (const row of await trx.selectFrom("surveys").select(["id", "version", "definition"]).execute())
    definitions.set(row.id, definitionOf(row));
  let counted = 0;
  let after = "";
  for (;;) {
    const page = await trx
      .selectFrom("responses")
      .select(["id", "surveyId", "mode", "ageBand", "areaId", "childrenUnder6", "yearsInWard", "answers"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(5000)
      .execute();
    for (const response of page) {
      const definition = definitions.get(response.surveyId);
      if (!definition) continue;
      tally.addResponse(
        response.surveyId,
        joinCounts(countsOf(definition, JSON.parse(response.answers) as RecordedAnswers, profileOf(response), response.mode)),
      );
      counted += 1;
    }
    if (page.length < 5000) break;
    after = (page.at(-1) as { id: string }).id;
  }
  await tally.writeTo(trx);
  return counted;
}
