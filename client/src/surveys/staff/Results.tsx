/**
 * The results' tables, one per question and segment (the whole, or each band of a breakdown).
 * Counts under the minimum cell are shown as "<K" (number answers as ranges, listed when shown); a poll's
 * results say they are unverified; a text question links to the free-text page. 無回答 (a paper form's
 * blank item) is a row of its own, and a text question's 無回答 is given under its link.
 */
import { noAnswerKey } from "../../../../shared/surveys/aggregates";
import { localized, type Survey } from "../../../../shared/surveys/model";
import type { StaffResults } from "../../../../shared/surveys/staff/results";
import { plainText, RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { percent, percentRange } from "../../staff/format";
import { StaffTable } from "../../staff/StaffTable";
import { useOptionLabel } from "./optionLabel";
import { Published } from "./Published";
import { useSegmentName } from "./segments";

type QuestionResult = StaffResults["segments"][number]["questions"][number];

export function Results({ survey, results }: { survey: Survey; results: StaffResults }) {
  const segmentName = useSegmentName(results.breakdown === "area" ? survey.ward : null);
  const weighted = results.segments.some((s) => s.questions.some((q) => q.options.some((o) => o.weighted !== undefined)));
  // A poll takes anyone's answers: the console says so beside its results (issue 13, finding 8).
  const unverified = results.kind === "poll";
  const min = results.minCell;
  return (
    <>
      {unverified && (
        <p className="notice" role="note">
          <T k="staff:results.pollUnverified" />
        </p>
      )}
      <Published at={results.publishedAt} min={min} />
      <p className="hint">
        <T k="staff:results.suppressionNote" values={{ min }} />
        {results.kind === "sampled" && (
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
      {results.segments.map((segment) => (
        <section key={segment.segment} className="staff-segment" aria-label={segmentName(segment.segment)}>
          {results.breakdown && <h2>{segmentName(segment.segment)}</h2>}
          <p>
            {segment.responses === null ? (
              <T k="staff:results.hiddenResponses" values={{ min }} />
            ) : (
              <T k="staff:results.responses" values={{ count: segment.responses }} />
            )}
          </p>
          {segment.responses !== null &&
            segment.questions.map((q) => (
              <QuestionTable key={q.id} survey={survey} result={q} sampled={results.kind === "sampled"} weighted={weighted} min={min} />
            ))}
        </section>
      ))}
    </>
  );
}

function QuestionTable({
  survey,
  result,
  sampled,
  weighted,
  min,
}: {
  survey: Survey;
  result: QuestionResult;
  sampled: boolean;
  weighted: boolean;
  min: number;
}) {
  const { locale, plain } = useT();
  const optionLabel = useOptionLabel();
  const question = survey.definition.questions.find((d) => d.id === result.id);
  if (!question) return null;
  const text = localized(question.text, locale);
  const label = (key: string) => optionLabel(question, key);
  // A free-text question has no counts to tabulate but its 無回答, when any was recorded.
  const blank = result.options.find((o) => o.key === noAnswerKey);
  if (question.type === "text")
    return (
      <div className="staff-question">
        <h3>
          <RubyText text={text} />
        </h3>
        <p className="hint">
          <Link to={`/staff/surveys/${survey.id}/comments`}>
            <T k="staff:results.textQuestion" />
          </Link>
        </p>
        {blank && (
          <p>
            <T
              k="staff:results.textNoAnswer"
              values={{ value: blank.count === null ? plain("staff:results.lessThan", { min }) : blank.count.toLocaleString(locale) }}
            />
          </p>
        )}
      </div>
    );
  const columns = [
    { key: "staff:results.option" },
    { key: "staff:results.count", number: true },
    { key: "staff:results.share", number: true },
    sampled && { key: "staff:results.interval", number: true },
    weighted && { key: "staff:results.weighted", number: true },
  ];
  return (
    <div className="staff-question">
      <StaffTable
        label={plainText(text)}
        caption={
          <>
            <RubyText text={text} />
            <br />
            {result.answered === null ? (
              <T k="staff:results.answeredHidden" values={{ min }} />
            ) : (
              <T k="staff:results.answered" values={{ count: result.answered }} />
            )}
          </>
        }
        columns={columns}
      >
        {result.options.map((option) => (
          <tr key={option.key}>
            <th scope="row">
              <RubyText text={label(option.key)} />
            </th>
            <td className="number">
              {option.count === null ? <T k="staff:results.lessThan" values={{ min }} /> : option.count.toLocaleString(locale)}
            </td>
            <td className="number share">
              {option.share !== null && <span className="bar" style={{ width: `${Math.round(option.share * 100)}%` }} aria-hidden="true" />}
              {option.share === null ? "—" : percent(option.share)}
            </td>
            {sampled && <td className="number">{option.interval ? percentRange(option.interval) : "—"}</td>}
            {weighted && (
              <td className="number">
                {option.weighted ? (
                  `${percent(option.weighted.share)}${option.weighted.interval ? ` (${percentRange(option.weighted.interval)})` : ""}`
                ) : option.weightedUnavailable ? (
                  <T k="staff:results.weightedUnavailable" />
                ) : (
                  "—"
                )}
              </td>
            )}
          </tr>
        ))}
      </StaffTable>
    </div>
  );
}
