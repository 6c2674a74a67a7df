/**
 * The surveys of the staff member's ward (every ward for an administrator): the responses their
 * published results count, and about how many have been received so far (rounded, never exact).
 */

import { localized } from "../../../../shared/surveys/model";
import type { StaffSurveyList } from "../../../../shared/surveys/staff/results";
import { toJstIso } from "../../../../shared/time";
import { wardName } from "../../../../shared/wards/names";
import { useLoader } from "../../app/data";
import { RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { NewJoinRequests } from "../../local/staff/NewJoinRequests";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";

const day = (iso: string) => iso.slice(0, 10);
const columns = [
  { key: "staff:surveys.title" },
  { key: "staff:surveys.ward" },
  { key: "staff:surveys.kind" },
  { key: "staff:surveys.status" },
  { key: "staff:surveys.responses", number: true },
  { key: "staff:surveys.received", number: true },
  { key: "staff:surveys.period" },
];

export function StaffSurveysPage() {
  const { locale } = useT();
  const { api } = useStaffApi();
  const loader = useLoader<StaffSurveyList>(async () => expectStatus(await api.surveys.$get(), 200).json(), "staff-surveys");

  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:surveys.heading" />
      </h1>
      <NewJoinRequests />
      <p>
        <Link className="button primary" to="/staff/surveys/new">
          <T k="staff:surveys.new" />
        </Link>
      </p>
      <Loaded of={loader}>
        {({ surveys, minCell }) =>
          surveys.length === 0 ? (
            <p>
              <T k="staff:surveys.empty" />
            </p>
          ) : (
            <StaffTable caption={{ key: "staff:surveys.caption" }} columns={columns}>
              {surveys.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">
                    <Link to={`/staff/surveys/${survey.id}`}>
                      <RubyText text={localized(survey.title, locale)} />
                    </Link>
                  </th>
                  <td>{survey.ward ? <RubyText text={wardName(survey.ward, locale)} /> : <T k="staff:surveys.cityWide" />}</td>
                  <td>
                    <T k={`staff:surveys.kinds.${survey.kind}`} />
                  </td>
                  <td>
                    <T k={`staff:surveys.statuses.${survey.status}`} />
                  </td>
                  <td className="number">
                    {survey.responses === null || survey.publishedAt === null ? (
                      <T k="staff:surveys.notPublished" />
                    ) : (
                      <>
                        {survey.responses.toLocaleString(locale)}
                        <br />
                        <small>
                          <T k="staff:surveys.publishedOn" values={{ date: day(toJstIso(new Date(survey.publishedAt))) }} />
                        </small>
                      </>
                    )}
                  </td>
                  <td className="number">
                    {survey.received === null ? (
                      <T k="staff:surveys.receivedFew" values={{ min: minCell }} />
                    ) : (
                      <T k="staff:surveys.receivedAbout" values={{ received: survey.received.toLocaleString(locale) }} />
                    )}
                  </td>
                  <td>
                    {day(survey.opensAt)} – {day(survey.closesAt)}
                  </td>
                </tr>
              ))}
            </StaffTable>
          )
        }
      </Loaded>
    </>
  );
}
