/** Which console page a path shows; every feature's console pages live in that feature's staff/ folder. */
import type { ReactNode } from "react";
import type { StaffSession } from "../../../shared/accounts/schemas";
import { PasswordChangePage } from "../accounts/staff/PasswordChangePage";
import { StaffAuditPage } from "../accounts/staff/StaffAuditPage";
import { StaffUsersPage } from "../accounts/staff/StaffUsersPage";
import { navigate } from "../app/router";
import { StaffLocalPage } from "../local/staff/StaffLocalPage";
import { StaffNoticesPage } from "../notices/staff/StaffNoticesPage";
import { StaffIndicatorsPage } from "../planning/staff/StaffIndicatorsPage";
import { StaffMatchingPage } from "../planning/staff/StaffMatchingPage";
import { StaffPopulationPage } from "../planning/staff/StaffPopulationPage";
import { EditSurvey } from "../surveys/staff/EditSurvey";
import { emptySurvey } from "../surveys/staff/editing";
import { StaffReportPage } from "../surveys/staff/report/StaffReportPage";
import { StaffCommentsPage } from "../surveys/staff/StaffCommentsPage";
import { StaffPaperPage } from "../surveys/staff/StaffPaperPage";
import { StaffResultsPage } from "../surveys/staff/StaffResultsPage";
import { StaffSurveyEditor } from "../surveys/staff/StaffSurveyEditor";
import { StaffSurveysPage } from "../surveys/staff/StaffSurveysPage";
import { StaffAreasPage } from "../wards/staff/StaffAreasPage";

const surveyPath = /^\/staff\/surveys\/([0-9a-f-]{36})(\/edit|\/paper|\/comments|\/report)?$/;

const sections: Record<string, () => ReactNode> = {
  "/staff/audit": () => <StaffAuditPage />,
  "/staff/users": () => <StaffUsersPage />,
  "/staff/password": () => <PasswordChangePage />,
  "/staff/matching": () => <StaffMatchingPage />,
  "/staff/local": () => <StaffLocalPage />,
  "/staff/areas": () => <StaffAreasPage />,
  "/staff/notices": () => <StaffNoticesPage />,
  "/staff/indicators": () => <StaffIndicatorsPage />,
  "/staff/population": () => <StaffPopulationPage />,
};

export function staffPage(pathname: string, session: StaffSession): ReactNode {
  if (pathname === "/staff/surveys/new")
    return <StaffSurveyEditor start={emptySurvey(session.user.ward)} onSaved={(saved) => navigate(`/staff/surveys/${saved}`)} />;
  const match = pathname.match(surveyPath);
  const id = match?.[1];
  if (id) {
    if (match?.[2] === "/edit") return <EditSurvey surveyId={id} />;
    if (match?.[2] === "/paper") return <StaffPaperPage surveyId={id} />;
    if (match?.[2] === "/comments") return <StaffCommentsPage surveyId={id} />;
    if (match?.[2] === "/report") return <StaffReportPage surveyId={id} />;
    return <StaffResultsPage surveyId={id} />;
  }
  return sections[pathname]?.() ?? <StaffSurveysPage />;
}
