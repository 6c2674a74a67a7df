/**
 * Which survey the needs matrix reads: a fiscal year (年度) and, within it, one of the ward's surveys
 * with a priority question (a self-selected poll named as such). Without a choice the server takes
 * the newest sampled survey.
 */
import { useId } from "react";
import type { MatchingMatrix } from "../../../../shared/planning/matching";
import { localized } from "../../../../shared/surveys/model";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";

export function NeedSourcePicker({
  matrix,
  onYear,
  onSurvey,
}: {
  matrix: MatchingMatrix;
  onYear: (year: number) => void;
  onSurvey: (survey: string) => void;
}) {
  const { plain, locale } = useT();
  const ids = { year: useId(), survey: useId() };
  const years = [...new Set(matrix.candidates.map((c) => c.year))];
  const year = matrix.candidates.find((c) => c.id === matrix.survey?.id)?.year ?? years[0];
  if (year === undefined) return null;
  const inYear = matrix.candidates.filter((c) => c.year === year);
  return (
    <>
      <div className="field small">
        <label htmlFor={ids.year}>
          <T k="staff:matching.year" />
        </label>
        <select id={ids.year} value={year} onChange={(e) => onYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {plain("staff:matching.fiscalYear", { year: y })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.survey}>
          <T k="staff:matching.survey" />
        </label>
        <select id={ids.survey} value={matrix.survey?.id ?? ""} onChange={(e) => onSurvey(e.target.value)}>
          {inYear.map((c) => {
            const title = plainText(localized(c.title, locale));
            return (
              <option key={c.id} value={c.id}>
                {c.kind === "poll" ? plain("staff:indicators.pollOption", { title }) : title}
              </option>
            );
          })}
        </select>
      </div>
    </>
  );
}
