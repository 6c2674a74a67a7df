/** Boot: read the resident's settings from IndexedDB (or detect them), load one locale, render. */
// First, before anything else runs: the strings' download (early.ts).
import "./early";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { detectLocale } from "../../../shared/locales/locales";
import type { Settings } from "../../../shared/settings/settings";
import { loadSettings, saveSettings } from "../db/settings";
import { applyTextSize, SettingsProvider } from "../settings/SettingsContext";
import { App } from "./App";
import { initI18n } from "./i18n";
import { afterFirstPage } from "./idle";
import { listenForInstallOffer } from "./pwa/install";
import { warmCacheWhenControlled } from "./pwa/offline-fetch";
import "./styles.css";

listenForInstallOffer();
warmCacheWhenControlled();

async function boot(): Promise<void> {
  // While the settings are read: the rest of the app (the browser's language's strings are on their way: early.ts).
  // The home page needs none of it to be drawn: there it waits until the page's list is drawn and the browser is idle.
  const home = location.pathname === "/" || location.pathname === "/surveys";
  const later = home ? afterFirstPage().then(() => import("./later")) : import("./later");
  let settings: Settings | null = null;
  try {
    settings = await loadSettings();
  } catch {
    // IndexedDB unavailable (private mode on some browsers): run with defaults, unsaved.
  }
  if (!settings) {
    settings = { ward: null, area: null, locale: detectLocale(navigator.languages), textSize: "standard" };
    await saveSettings(settings).catch(() => {});
  }
  applyTextSize(settings.textSize);
  await initI18n(settings.locale);
  createRoot(document.getElementById("root") as HTMLElement).render(
    <StrictMode>
      <SettingsProvider initial={settings}>
        <App />
      </SettingsProvider>
    </StrictMode>,
  );
  // Survey responses, 町会 join requests and push removals waiting on the device go out (sync/). Should the
  // chunk not come (offline before the service worker kept it), the page shows that itself (ChunkBoundary).
  later.then(({ startOutboxes }) => startOutboxes()).catch(() => undefined);
}

boot().catch(() => {
  // Nothing could be loaded (first visit with no connection, or a broken browser store): say so plainly.
  const root = document.getElementById("root");
  if (root) {
    // Built as nodes, like every text of the app: nothing is ever written as HTML.
    const message = document.createElement("p");
    message.className = "boot";
    message.setAttribute("role", "alert");
    const english = document.createElement("span");
    english.lang = "en";
    english.textContent = "Machikoe could not start. Please open it again where you have a connection.";
    message.append("まちの声を開けませんでした。電波のよい所で、もう一度開いてください。", document.createElement("br"), english);
    root.replaceChildren(message);
  }
});
