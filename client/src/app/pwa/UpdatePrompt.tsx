/**
 * Registers the service worker and, when a new version is waiting, asks before reloading:
 * a resident halfway through something should not lose it to a surprise reload.
 */
import { useRegisterSW } from "virtual:pwa-register/react";
import { T } from "../i18n/T";

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  const reloadIntoNewVersion = () => {
    // workbox-window reloads only for updates it found itself; one the browser found (the app was
    // open a while) would leave the resident waiting. Reloading on the controller change covers both.
    navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
    void updateServiceWorker(true);
  };

  if (needRefresh) {
    return (
      <div className="banner" role="status">
        <p>
          <T k="update.available" />
        </p>
        <div className="banner-actions">
          <button type="button" className="button primary" onClick={reloadIntoNewVersion}>
            <T k="update.reload" />
          </button>
          <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
            <T k="update.later" />
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="banner" role="status">
        <p>
          <T k="update.offlineReady" />
        </p>
        <div className="banner-actions">
          <button type="button" className="button" onClick={() => setOfflineReady(false)}>
            <T k="update.close" />
          </button>
        </div>
      </div>
    );
  }
  return null;
}
