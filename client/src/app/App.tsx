import { lazy, type ReactNode, Suspense } from "react";
import { useSettings } from "../settings/SettingsContext";
import { SurveyListPage } from "../surveys/SurveyListPage";
import { fromLater } from "./fromLater";
import { T } from "./i18n/T";
import { useIdle } from "./idle";
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

/**
 * The home page (アンケート) comes with the app's first script; the other pages come in one chunk just after
 * (later.ts), so a first visit runs only what its page needs first. The service worker keeps that chunk on
 * the device too (precache), so every page opens offline.
 */
const MyAnswersPage = fromLater("MyAnswersPage");
const CodeEntryPage = fromLater("CodeEntryPage");
const SurveyPage = fromLater("SurveyPage");
const ResultsPage = fromLater("ResultsPage");
const PlacesPage = fromLater("PlacesPage");
const PlacePage = fromLater("PlacePage");
const AssociationPage = fromLater("AssociationPage");
const CouncilPage = fromLater("CouncilPage");
const CommunityPage = fromLater("CommunityPage");
const ChildcarePage = fromLater("ChildcarePage");
const SettingsPage = fromLater("SettingsPage");

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
  // The service worker is registered once the first page is drawn: its script would otherwise compete with the page's.
  const idle = useIdle();
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
        <ChunkBoundary messageKey="app.chunkFailed.page">
          <Suspense fallback={<Loading />}>{page(matchRoute(pathname, search))}</Suspense>
        </ChunkBoundary>
      </main>
      {/* After the page: appearing there moves nothing on screen (no layout shift). */}
      {idle && <UpdatePrompt />}
      <BottomNav current={sectionOf(pathname)} />
    </>
  );
}

/** The resident's ward's 通いの場, 町会 and meetings, kept on the device (local/useLocal.ts), by a module loaded after the first page. */
const LocalPrefetcher = fromLater("LocalPrefetch");

function LocalPrefetch() {
  const { settings } = useSettings();
  const idle = useIdle();
  if (!idle) return null;
  return (
    <ChunkBoundary>
      <Suspense fallback={null}>
        <LocalPrefetcher ward={settings.ward} />
      </Suspense>
    </ChunkBoundary>
  );
}
