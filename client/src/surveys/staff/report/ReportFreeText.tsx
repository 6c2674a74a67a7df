/**
 * The report's free-text page, counts only: how many wrote an answer to each text question, how many
 * answers staff tagged with each policy theme, and the words at least K answers used. No answer is
 * quoted; a count under K is "<K" as everywhere.
 */
import type { ReactNode } from "react";
import { localized, type Survey } from "../../../../../shared/surveys/model";
import type { ReportFreeText as FreeText } from "../../../../../shared/surveys/staff/report";
import { RubyText } from "../../../app/i18n/ruby";
import { T, useT } from "../../../app/i18n/T";

function CountTable({ caption, head, rows }: { caption: ReactNode; head: ReactNode; rows: [string, ReactNode, ReactNode][] }) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="number">
            <T k="staff:results.count" />
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, name, count]) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td className="number">{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportFreeText({ survey, freeText, min }: { survey: Survey; freeText: FreeText; min: number }) {
  const { locale } = useT();
  const shown = (count: number | null) =>
    count === null ? <T k="staff:results.lessThan" values={{ min }} /> : count.toLocaleString(locale);
  const numberOf = (id: string) => survey.definition.questions.findIndex((q) => q.id === id) + 1;
  return (
    <section className="report-page" aria-labelledby="report-free-text">
      <h2 id="report-free-text">
        <T k="staff:report.freeText.heading" />
      </h2>
      <p>
        <T k="staff:report.freeText.note" />
      </p>
      {freeText.questions.length > 0 && (
        <CountTable
          caption={<T k="staff:report.freeText.questionsCaption" />}
          head={<T k="staff:report.freeText.question" />}
          rows={freeText.questions.map((q) => {
            const question = survey.definition.questions.find((d) => d.id === q.id);
            return [
              q.id,
              <>
                <T k="staff:report.question.heading" values={{ number: numberOf(q.id) }} />{" "}
                {question && <RubyText text={localized(question.text, locale)} />}
              </>,
              <>
                {shown(q.answered)}
                {q.noAnswer !== undefined && (
                  <>
                    {" "}
                    <T
                      k="staff:report.freeText.noAnswerPart"
                      values={{ value: q.noAnswer === null ? `<${min}` : q.noAnswer.toLocaleString(locale) }}
                    />
                  </>
                )}
              </>,
            ];
          })}
        />
      )}
      {freeText.themes.length > 0 ? (
        <CountTable
          caption={<T k="staff:report.freeText.themesCaption" />}
          head={<T k="staff:report.freeText.theme" />}
          rows={freeText.themes.map((t) => [t.theme, <T key={t.theme} k={`staff:editor.themeNames.${t.theme}`} />, shown(t.count)])}
        />
      ) : (
        <p>
          <T k="staff:report.freeText.noThemes" />
        </p>
      )}
      {freeText.keywords === null ? (
        <p>
          <T k="staff:report.freeText.keywordsNeedPermission" />
        </p>
      ) : freeText.keywords.length > 0 ? (
        <CountTable
          caption={<T k="staff:report.freeText.keywordsCaption" values={{ min }} />}
          head={<T k="staff:report.freeText.word" />}
          rows={freeText.keywords.map((k) => [
            k.word,
            <span key={k.word} lang="ja">
              {k.word}
            </span>,
            k.count.toLocaleString(locale),
          ])}
        />
      ) : (
        <p>
          <T k="staff:report.freeText.noKeywords" values={{ min }} />
        </p>
      )}
    </section>
  );
}

/** Whether the report has a free-text page: a text question, or anything tagged or counted. */
export const hasFreeText = (freeText: FreeText) =>
  freeText.questions.length > 0 || freeText.themes.length > 0 || (freeText.keywords?.length ?? 0) > 0;
