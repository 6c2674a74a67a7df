import type { ReactNode } from "react";
import { T } from "./i18n/T";
import { ChildcarePage } from "./pages/ChildcarePage";
import { CommunityPage } from "./pages/CommunityPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PlacesPage } from "./pages/PlacesPage";
import { SettingsPage } from "./pages/SettingsPage";
import { SurveysPage } from "./pages/SurveysPage";
import { UpdatePrompt } from "./pwa/UpdatePrompt";
import { type RoutePath, usePath } from "./router";
import { BottomNav } from "./shell/BottomNav";
import { Header } from "./shell/Header";
import { OfflineBanner } from "./shell/OfflineBanner";

const pages: Record<RoutePath, () => ReactNode> = {
  "/surveys": SurveysPage,
  "/places": PlacesPage,
  "/community": CommunityPage,
  "/childcare": ChildcarePage,
  "/settings": SettingsPage,
};

export function App() {
  const path = usePath();
  const PageComponent = pages[path as RoutePath] ?? NotFoundPage;
  return (
    <>
      <a className="skip-link" href="#main">
        <T k="app.skipToContent" />
      </a>
      <Header />
      <OfflineBanner />
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>
        <PageComponent key={path} />
      </main>
      <BottomNav current={path} />
    </>
  );
}
