/**
 * A cross-tab as a table: a row per group (the by-question's options, or a profile field's segments)
 * and its total, a column per option of the question; each cell its count, its share of the row's
 * respondents and, for a sampled survey, the 95 % Wilson interval; when asked for, the share weighted
 * by age band. Hidden counts read "<K".
 */
import { localized, type Question, type Survey } from "../../../../shared/surveys/model";
import type { Crosstab } from "../../../../shared/surveys/staff/crosstab";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { percent, percentRange } from "../../staff/format";
import { StaffTable } from "../../staff/StaffTable";
import { useOptionLabel } from "./optionLabel";
import { Published } from "./Published";
import { useSegmentName } from "./segments";

export function CrosstabTable({ survey, crosstab }: { survey: Survey; crosstab: Crosstab }) {
  const { locale, plain } = useT();
  const segmentName = useSegmentName(crosstab.by === "area" ? survey.ward : null);
  const label = useOptionLabel();
  const optionLabel = (question: Question | undefined, key: string) => plainText(label(question, key));
  const find = (id: string) => survey.definition.questions.find((q) => q.id === id);
  const question = find(crosstab.question);
  const byQuestion = crosstab.by.startsWith("q:") ? find(crosstab.by.slice(2)) : undefined;
  const questionText = plainText(localized(question?.text ?? { ja: crosstab.question }, locale));
  const byText = byQuestion ? plainText(localized(byQuestion.text, locale)) : plain(`staff:results.breakdowns.${crosstab.by}`);
  const min = crosstab.minCell;
  const sampled = crosstab.kind === "sampled";
  const groupName = (group: string, total: boolean) =>
    total
      ? byQuestion
        ? plain("staff:crosstab.totalAnswered", { question: byText })
        : plain("staff:results.segmentAll")
      : byQuestion
        ? optionLabel(byQuestion, group)
        : segmentName(group);
  const weighted = crosstab.rows.some((r) => r.cells.some((c) => c.weighted !== undefined));
  const columns = [
    { key: "group", label: byText },
    ...crosstab.keys.map((key) => ({ key: `k:${key}`, label: optionLabel(question, key), number: true })),
    { key: "staff:crosstab.answered", number: true },
  ];
  return (
    <>
      <Published at={crosstab.publishedAt} min={min} />
      <p className="hint">
        <T k="staff:crosstab.note" /> <T k="staff:results.suppressionNote" values={{ min }} />
        {sampled && (
          <>
            {" "}
            <T k="staff:results.intervalNote" />
          </>
        )}
        {weighted && (
          <>
            {" "}
            <T k="staff:results.weightNote" /> <T k="staff:results.weightRule" />
          </>
        )}
      </p>
      <StaffTable
        label={plain("staff:crosstab.caption", { question: questionText, by: byText })}
        caption={<T k="staff:crosstab.caption" values={{ question: questionText, by: byText }} />}
        columns={columns}
      >
        {crosstab.rows.map((row) => (
          <tr key={row.group} className={row.total ? "total" : undefined}>
            <th scope="row">{groupName(row.group, row.total)}</th>
            {row.cells.map((cell) => (
              <td key={cell.key} className="number">
                {cell.count === null ? <T k="staff:results.lessThan" values={{ min }} /> : cell.count.toLocaleString(locale)}
                {cell.share !== null && (
                  <>
                    <br />
                    <span className="hint">{percent(cell.share)}</span>
                  </>
                )}
                {cell.interval && (
                  <>
                    <br />
                    <span className="hint">{percentRange(cell.interval)}</span>
                  </>
                )}
                {cell.weighted !== undefined && <WeightedShare weighted={cell.weighted} />}
              </td>
            ))}
            <td className="number">
              {row.answered === null ? <T k="staff:results.lessThan" values={{ min }} /> : row.answered.toLocaleString(locale)}
            </td>
          </tr>
        ))}
      </StaffTable>
    </>
  );
}

/** A cell's share weighted by age band, with its interval, or 算出しない where it is not worked out. */
function WeightedShare({ weighted }: { weighted: Crosstab["rows"][number]["cells"][number]["weighted"] }) {
  return (
    <>
      <br />
      <span className="hint weighted">
        {weighted ? (
          <T k="staff:crosstab.weighted" values={{ share: percent(weighted.share) }} />
        ) : (
          <T k="staff:crosstab.weightedUnavailable" />
        )}
        {weighted?.interval && ` (${percentRange(weighted.interval)})`}
      </span>
    </>
  );
}
