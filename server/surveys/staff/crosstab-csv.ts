/**
 * A cross-tab as CSV for Excel (shared/csv.ts: a byte-order mark, CRLF, quoted and formula-safe
 * cells), one line per cell as the results export writes them, in Japanese; the cells disclosure
 * control hides are "K未満" exactly as on screen; and, when asked for, the share weighted by age band.
 */
import { toCsvFile } from "../../../shared/csv";
import type { Question } from "../../../shared/surveys/model";
import type { Crosstab } from "../../../shared/surveys/staff/crosstab";
import type { Database } from "../../platform/db/database";
import { definitionOf } from "../read";

const percent = (x: number | null | undefined) => (x === null || x === undefined ? "" : (x * 100).toFixed(1));

/** An option's Japanese label (its key when the survey has no such option). */
function optionLabel(question: Question | undefined, key: string): string {
  if (key === "_noAnswer") return "無回答";
  if (question && "options" in question) {
    const option = question.options.find((o) => o.id === key);
    if (option) return option.label.ja;
    if (key === "other") return "その他";
  }
  return key;
}

export async function crosstabCsv(database: Database, crosstab: Crosstab): Promise<string> {
  const row = await database.db
    .selectFrom("surveys")
    .select(["id", "version", "definition"])
    .where("id", "=", crosstab.surveyId)
    .executeTakeFirstOrThrow();
  const definition = definitionOf(row);
  const question = definition.questions.find((q) => q.id === crosstab.question);
  const byQuestion = crosstab.by.startsWith("q:") ? definition.questions.find((q) => q.id === crosstab.by.slice(2)) : undefined;
  const hidden = `${crosstab.minCell}未満`;
  // Weighted by age band (when asked for): the share, or 算出しない where a count it needs is hidden.
  const weighted = crosstab.rows.some((r) => r.cells.some((c) => c.weighted !== undefined));
  const lines: (string | number | null)[][] = [
    [
      "質問ID",
      "質問",
      "クロス軸",
      "行",
      "行の名前",
      "選択肢キー",
      "選択肢",
      "件数",
      "行の割合(%)",
      "95%下限(%)",
      "95%上限(%)",
      "行の回答者数",
      ...(weighted ? ["補正後の割合(%)", "補正後95%下限(%)", "補正後95%上限(%)"] : []),
    ],
  ];
  for (const line of crosstab.rows) {
    const name = line.total
      ? byQuestion
        ? `${byQuestion.text.ja}に回答した人`
        : "全体"
      : byQuestion
        ? optionLabel(byQuestion, line.group)
        : line.group;
    for (const cell of line.cells)
      lines.push([
        crosstab.question,
        question?.text.ja ?? "",
        byQuestion ? byQuestion.id : crosstab.by,
        line.group,
        name,
        cell.key,
        optionLabel(question, cell.key),
        cell.count === null ? hidden : cell.count,
        percent(cell.share),
        percent(cell.interval?.[0]),
        percent(cell.interval?.[1]),
        line.answered === null ? hidden : line.answered,
        ...(weighted
          ? cell.weighted
            ? [percent(cell.weighted.share), percent(cell.weighted.interval?.[0]), percent(cell.weighted.interval?.[1])]
            : ["算出しない", "", ""]
          : []),
      ]);
  }
  return toCsvFile(lines);
}
