/** The matching matrix: a row per theme with its need overall and by segment, and the policies that answer it; its CSV below. */
import type { MatchingMatrix } from "../../../../shared/planning/matching";
import { localized } from "../../../../shared/surveys/model";
import { T, useT } from "../../app/i18n/T";
import { StaffTable } from "../../staff/StaffTable";
import { useSegmentName } from "../../surveys/staff/segments";
import { NeedValue } from "./NeedValue";

export function NeedsMatrix({ matrix, ward, by, csv }: { matrix: MatchingMatrix; ward: string; by: "area" | "ageBand"; csv: string }) {
  const { plain, locale } = useT();
  const named = useSegmentName(by === "area" ? ward : null);
  const segmentName = (segment: string) => named(`${by === "area" ? "area" : "age"}:${segment}`);
  const columns = [
    { key: "staff:matching.theme" },
    { key: "staff:matching.need", number: true },
    ...matrix.segments.map((segment) => ({ key: segment, label: segmentName(segment), number: true })),
    { key: "staff:matching.policies" },
  ];
  return (
    <>
      {matrix.survey === null ? (
        <p role="status">
          <T k="staff:matching.noSurvey" />
        </p>
      ) : (
        <p>
          <T k="staff:matching.source" values={{ title: plain(localized(matrix.survey.title, locale)) }} />{" "}
          <T k="staff:matching.rule" values={{ min: matrix.minCell }} />
        </p>
      )}
      <StaffTable caption={{ key: "staff:matching.caption" }} columns={columns} className="staff-table matching">
        {matrix.rows.map((row) => (
          <tr key={row.theme} className={row.standsOut ? "stands-out" : undefined}>
            <th scope="row">
              <T k={`staff:editor.themeNames.${row.theme}`} />
              {row.standsOut && (
                <strong className="flag">
                  <T k="staff:matching.standsOut" />
                </strong>
              )}
            </th>
            <td className="number">
              <NeedValue cell={row.need} min={matrix.minCell} interval />
            </td>
            {row.bySegment.map((cell, i) => (
              <td key={matrix.segments[i]} className="number">
                <NeedValue cell={cell} min={matrix.minCell} />
              </td>
            ))}
            <td>
              <T k="staff:matching.policyCount" values={{ count: row.policies.length }} />
              {row.policies.length > 0 && (
                <ul className="compact">
                  {row.policies.map((p) => (
                    <li key={p.id}>{p.title}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </StaffTable>
      <p>
        <a className="button" href={csv} download>
          <T k="staff:matching.downloadCsv" />
        </a>
      </p>
    </>
  );
}
