/**
 * A survey's results as a file: CSV for Excel (shared/csv.ts: a byte-order mark, CRLF, quoted and
 * formula-safe cells) and JSON; 無回答 is a row of its own (key `_noAnswer`). Small
 * cells are hidden exactly as on screen. Free-text answers come after the counts, without any
 * profile, and only once the survey has enough responses that none stands out.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { csvFile, csvLine } from "../../../shared/csv";
import { type Breakdown, noAnswerKey } from "../../../shared/surveys/aggregates";
import type { Answers } from "../../../shared/surveys/answers";
import { localized, type SurveyDefinition } from "../../../shared/surveys/model";
import type { StaffResults } from "../../../shared/surveys/staff/results";
import { actorOf } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { definitionOf } from "../read";
import type { Publication } from "../snapshots";
import { staffSurveyResults } from "./results";

export interface ExportData {
  results: StaffResults;
  definition: SurveyDefinition;
  comments: { questionId: string; text: string }[];
}

export async function exportData(
  database: Database,
  user: StaffUser,
  surveyId: string,
  options: Publication & { breakdown?: Breakdown | undefined; withComments?: boolean },
): Promise<ExportData> {
  const results = await staffSurveyResults(database, user, surveyId, options);
  const row = await database.db
    .selectFrom("surveys")
    .select(["id", "version", "definition"])
    .where("id", "=", surveyId)
    .executeTakeFirstOrThrow();
  const definition = definitionOf(row);
  const textQuestions = new Set(definition.questions.filter((q) => q.type === "text").map((q) => q.id));
  const otherQuestions = new Set(definition.questions.filter((q) => "other" in q && q.other).map((q) => q.id));
  const comments: ExportData["comments"] = [];
  const total = results.breakdown === null ? results.segments[0]?.responses : null;
  const enough = total !== null && total !== undefined && total >= options.minCell;
  // Free text only for an account with the permission to read it (personal data).
  if (options.withComments !== false && enough && (textQuestions.size > 0 || otherQuestions.size > 0)) {
    // The free text of the responses the published results count, as on the comments page.
    const responses = await database.db
      .selectFrom("responses")
      .select("answers")
      .where("surveyId", "=", surveyId)
      .where("published", "=", 1)
      .orderBy("id")
      .execute();
    for (const response of responses) {
      const answers = JSON.parse(response.answers) as Answers;
      for (const [questionId, answer] of Object.entries(answers)) {
        if (textQuestions.has(questionId) && "text" in answer && answer.text.trim()) comments.push({ questionId, text: answer.text });
        if (otherQuestions.has(questionId) && "other" in answer && answer.other?.trim()) comments.push({ questionId, text: answer.other });
      }
    }
  }
  return { results, definition, comments };
}

const recordExport = defineWrite(
  "staff.recordExport",
  async (trx, { user, surveyId, ward, format }: { user: StaffUser; surveyId: string; ward: string | null; format: string }) => {
    await audit(trx, actorOf(user), { action: "survey.export", ward, target: surveyId, details: { format } });
  },
);

/** The data of an export, read within the staff member's scope, and the export written to the audit log. */
export async function exportFor(
  database: Database,
  user: StaffUser,
  surveyId: string,
  options: Publication & { breakdown?: Breakdown | undefined; withComments?: boolean },
  format: "csv" | "json",
): Promise<ExportData> {
  const data = await exportData(database, user, surveyId, options);
  const row = await database.db.selectFrom("surveys").select("wardCode").where("id", "=", surveyId).executeTakeFirstOrThrow();
  await database.write(recordExport, { user, surveyId, ward: row.wardCode, format });
  return data;
}

const percent = (x: number | null) => (x === null ? "" : (x * 100).toFixed(1));

export function toCsv({ results, definition, comments }: ExportData): string {
  const lines = [
    csvLine([
      "区分",
      "質問ID",
      "質問",
      "選択肢キー",
      "選択肢",
      "内訳",
      "件数",
      "割合(%)",
      "95%下限(%)",
      "95%上限(%)",
      "回答者数",
      "自由記述",
    ]),
  ];
  const hidden = `${results.minCell}未満`;
  for (const segment of results.segments) {
    for (const q of segment.questions) {
      const question = definition.questions.find((d) => d.id === q.id);
      // A free-text question has no counts but its 無回答, when any was recorded.
      if (!question) continue;
      for (const option of q.options) {
        const label =
          option.key === noAnswerKey
            ? "無回答"
            : "options" in question
              ? (question.options.find((o) => o.id === option.key)?.label.ja ?? (option.key === "other" ? "その他" : option.key))
              : option.key;
        lines.push(
          csvLine([
            "集計",
            q.id,
            question.text.ja,
            option.key,
            label,
            segment.segment,
            segment.responses === null || option.count === null ? hidden : option.count,
            percent(option.share),
            percent(option.interval?.[0] ?? null),
            percent(option.interval?.[1] ?? null),
            q.answered === null ? hidden : q.answered,
            null,
          ]),
        );
      }
    }
  }
  for (const comment of comments) {
    const question = definition.questions.find((d) => d.id === comment.questionId);
    lines.push(
      csvLine([
        "自由記述",
        comment.questionId,
        question ? localized(question.text, "ja") : "",
        null,
        null,
        "all",
        null,
        null,
        null,
        null,
        null,
        comment.text,
      ]),
    );
  }
  return csvFile(lines);
}
