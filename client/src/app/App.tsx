import { lazy, type ReactNode, Suspense } from "react";
import { ChildcarePage } from "../childcare/ChildcarePage";
import { AssociationPage } from "../local/AssociationPage";
import { CommunityPage } from "../local/CommunityPage";
import { CouncilPage } from "../local/CouncilPage";
import { PlacePage } from "../local/PlacePage";
import { PlacesPage } from "../local/PlacesPage";
import { useLocalPrefetch } from "../local/useLocal";
import { useSettings } from "../settings/SettingsContext";
import { SettingsPage } from "../settings/SettingsPage";
import { CodeEntryPage } from "../surveys/CodeEntryPage";
import { MyAnswersPage } from "../surveys/MyAnswersPage";
import { ResultsPage } from "../surveys/ResultsPage";
import { SurveyListPage } from "../surveys/SurveyListPage";
import { SurveyPage } from "../surveys/SurveyPage";
import { T } from "./i18n/T";
import { NotFoundPage } from "./NotFoundPage";
import { UpdatePrompt } from "./pwa/UpdatePrompt";
import { matchRoute, type Route, sectionOf, useLocation } from "./router";
import { BottomNav } from "./shell/BottomNav";
import { ChunkBoundary } from "./shell/ChunkBoundary";
import { Header } from "./shell/Header";
import { Loading } from "./shell/LoadState";
import { OfflineBanner } from "./shell/OfflineBanner";

/** The staff console: its own chunk, fetched only when a staff page is opened (never by residents). */
const StaffApp = lazy(() => import("../staff/StaffApp"));

function page(route: Route): ReactNode {
  switch (route.page) {
    case "surveys":
      return <SurveyListPage />;
    case "myAnswers":
      return <MyAnswersPage />;
    case "code":
      return <CodeEntryPage key={route.code ?? ""} codeFromLink={route.code} />;
    case "survey":
      return <SurveyPage surveyId={route.id} codeFromLink={route.code} />;
    case "results":
      return <ResultsPage surveyId={route.id} />;
    case "places":
      return <PlacesPage />;
    case "place":
      return <PlacePage placeId={route.id} />;
    case "association":
      return <AssociationPage associationId={route.id} />;
    case "council":
      return <CouncilPage councilId={route.id} />;
    case "community":
      return <CommunityPage />;
    case "childcare":
      return <ChildcarePage />;
    case "settings":
      return <SettingsPage />;
    case "notFound":
      return <NotFoundPage />;
  }
}

export function App() {
  const { pathname, search } = useLocation();
  if (pathname === "/staff" || pathname.startsWith("/staff/")) {
    return (
      <>
        <a className="skip-link" href="#main">
          <T k="app.skipToContent" />
        </a>
        <UpdatePrompt inConsole />
        <main id="main" tabIndex={-1} className="staff-main">
          <ChunkBoundary messageKey="app.chunkFailed.staff">
            <Suspense fallback={<Loading />}>
              <StaffApp />
            </Suspense>
          </ChunkBoundary>
        </main>
      </>
    );
  }
  return (
    <>
      <LocalPrefetch />
      <a className="skip-link" href="#main">
        <T k="app.skipToContent" />
      </a>
      <Header />
      <OfflineBanner />
      <main id="main" tabIndex={-1} key={pathname}>
        {page(matchRoute(pathname, search))}
      </main>
      {/* After the page: appearing there moves nothing on screen (no layout shift). */}
      <UpdatePrompt />
      <BottomNav current={sectionOf(pathname)} />
    </>
  );
}

/** The resident's ward's 通いの場, 町会 and meetings, kept on the device (local/useLocal.ts). */
function LocalPrefetch() {
  const { settings } = useSettings();
  useLocalPrefetch(settings.ward);
  return null;
}
