/**
 * One question's published counts for residents, as a table: each option (or, for a number question,
 * each range with the question's unit, 「30〜39歳」) with its count or "<K", and its share as a bar.
 */
import { noAnswerKey } from "../../../shared/surveys/aggregates";
import { localized, type Question } from "../../../shared/surveys/model";
import { rangeOfKey } from "../../../shared/surveys/ranges";
import type { SurveyResults } from "../../../shared/surveys/results";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";

type QuestionResult = SurveyResults["segments"][number]["questions"][number];

/** An option's words, a range with its unit, 無回答, or the key itself. */
function OptionLabel({ question, optionKey }: { question: Question | undefined; optionKey: string }) {
  const { locale } = useT();
  if (optionKey === noAnswerKey) return <T k="surveys.noAnswer" />;
  if (question?.type === "number") {
    const range = rangeOfKey(optionKey);
    const unit = question.unit ? localized(question.unit, locale) : "";
    if (range)
      return (
        <span className="nowrap">
          {range.low === range.high ? (
            <T k="surveys.results.value" values={{ value: range.low, unit }} />
          ) : (
            <T k="surveys.results.range" values={{ low: range.low, high: range.high, unit }} />
          )}
        </span>
      );
  }
  if (question && "options" in question) {
    const option = question.options.find((o) => o.id === optionKey);
    if (option) return <RubyText text={localized(option.label, locale)} />;
    if (optionKey === "other" && question.other) return <RubyText text={localized(question.other.label, locale)} />;
  }
  return <>{optionKey}</>;
}

export function ResultsTable({ question, result, minCell }: { question: Question | undefined; result: QuestionResult; minCell: number }) {
  const { locale } = useT();
  return (
    <section className="result">
      <h2>{question && <RubyText text={localized(question.text, locale)} />}</h2>
      <table>
        <tbody>
          {result.options.map((option) => {
            const percent = option.count !== null && result.answered ? Math.round((option.count / result.answered) * 100) : null;
            return (
              <tr key={option.key}>
                <th scope="row">
                  <OptionLabel question={question} optionKey={option.key} />
                </th>
                <td className="count">
                  {option.count === null ? (
                    <T k="surveys.results.hidden" values={{ min: minCell }} />
                  ) : (
                    <T k="surveys.results.answeredCount" values={{ count: option.count }} />
                  )}
                </td>
                <td className="bar-cell">
                  {percent !== null && (
                    <>
                      <span className="bar" style={{ width: `${percent}%` }} aria-hidden="true" />
                      <span className="nowrap">
                        <T k="surveys.results.percent" values={{ percent }} />
                      </span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
