import { lazy, type ReactNode, Suspense } from "react";
import { AssociationPage } from "./community/AssociationPage";
import { CouncilPage } from "./community/CouncilPage";
import { T } from "./i18n/T";
import { ChildcarePage } from "./pages/ChildcarePage";
import { CommunityPage } from "./pages/CommunityPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PlacesPage } from "./pages/PlacesPage";
import { SettingsPage } from "./pages/SettingsPage";
import { PlacePage } from "./places/PlacePage";
import { useLocalPrefetch } from "./places/useLocal";
import { UpdatePrompt } from "./pwa/UpdatePrompt";
import { matchRoute, type Route, sectionOf, useLocation } from "./router";
import { useSettings } from "./settings/SettingsContext";
import { BottomNav } from "./shell/BottomNav";
import { Header } from "./shell/Header";
import { Loading } from "./shell/LoadState";
import { OfflineBanner } from "./shell/OfflineBanner";
import { MyAnswersPage } from "./surveys/MyAnswersPage";
import { ResultsPage } from "./surveys/ResultsPage";
import { SurveyListPage } from "./surveys/SurveyListPage";
import { SurveyPage } from "./surveys/SurveyPage";

/** The staff console: its own chunk, fetched only when a staff page is opened (never by residents). */
const StaffApp = lazy(() => import("./staff/StaffApp"));

function page(route: Route): ReactNode {
  switch (route.page) {
    case "surveys":
      return <SurveyListPage />;
    case "myAnswers":
      return <MyAnswersPage />;
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
        <UpdatePrompt />
        <main id="main" tabIndex={-1} className="staff-main">
          <Suspense fallback={<Loading />}>
            <StaffApp />
          </Suspense>
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
      <UpdatePrompt />
      <main id="main" tabIndex={-1} key={pathname}>
        {page(matchRoute(pathname, search))}
      </main>
      <BottomNav current={sectionOf(pathname)} />
    </>
  );
}

/** The resident's ward's 通いの場, 町会 and meetings, kept on the device (places/useLocal.ts). */
function LocalPrefetch() {
  const { settings } = useSettings();
  useLocalPrefetch(settings.ward);
  return null;
}
