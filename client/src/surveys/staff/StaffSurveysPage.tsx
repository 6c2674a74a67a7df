/** The surveys of the staff member's ward (every ward for an administrator), with their response counts. */

import { localized } from "../../../../shared/surveys/model";
import type { StaffSurveyList } from "../../../../shared/surveys/staff/results";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { LoadState } from "../../app/shell/LoadState";
import { TableScroll } from "../../staff/TableScroll";

const day = (iso: string) => iso.slice(0, 10);

export function StaffSurveysPage({ onEnded }: { onEnded: () => void }) {
  const { locale, plain } = useT();
  const { state, retry } = useLoader<StaffSurveyList>(async () => {
    const response = await api.api.staff.surveys.$get();
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return response.json();
  }, "staff-surveys");

  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:surveys.heading" />
      </h1>
      <p>
        <Link className="button primary" to="/staff/surveys/new">
          <T k="staff:surveys.new" />
        </Link>
      </p>
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : state.data.surveys.length === 0 ? (
        <p>
          <T k="staff:surveys.empty" />
        </p>
      ) : (
        <TableScroll label={plain("staff:surveys.caption")}>
          <table className="staff-table">
            <caption>
              <T k="staff:surveys.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <T k="staff:surveys.title" />
                </th>
                <th scope="col">
                  <T k="staff:surveys.ward" />
                </th>
                <th scope="col">
                  <T k="staff:surveys.kind" />
                </th>
                <th scope="col">
                  <T k="staff:surveys.status" />
                </th>
                <th scope="col" className="number">
                  <T k="staff:surveys.responses" />
                </th>
                <th scope="col">
                  <T k="staff:surveys.period" />
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.surveys.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">
                    <Link to={`/staff/surveys/${survey.id}`}>
                      <RubyText text={localized(survey.title, locale)} />
                    </Link>
                  </th>
                  <td>{survey.ward ?? <T k="staff:surveys.cityWide" />}</td>
                  <td>
                    <T k={`staff:surveys.kinds.${survey.kind}`} />
                  </td>
                  <td>
                    <T k={`staff:surveys.statuses.${survey.status}`} />
                  </td>
                  <td className="number">{survey.responses.toLocaleString(locale)}</td>
                  <td>
                    {day(survey.opensAt)} – {day(survey.closesAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
