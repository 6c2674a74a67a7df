/**
 * Registers the service worker and, when a new version is waiting, asks before reloading:
 * a resident halfway through something should not lose it to a surprise reload. That the app now
 * works offline is said once on a device, until closed, and never in the staff console (which does not).
 */

import { useRegisterSW } from "virtual:pwa-register/react";
import { useEffect, useState } from "react";
import { metaValue, setMetaValue } from "../../db/meta";
import { T } from "../i18n/T";

const offlineReadyShownKey = "pwa:offlineReadyShown";

export function UpdatePrompt({ inConsole = false }: { inConsole?: boolean }) {
  // Said before on this device: not again (null while not yet known).
  const [saidBefore, setSaidBefore] = useState<boolean | null>(null);
  useEffect(() => {
    void metaValue(offlineReadyShownKey).then(
      (value) => setSaidBefore(value !== null),
      () => setSaidBefore(false),
    );
  }, []);
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

  const showOfflineReady = offlineReady && !inConsole && saidBefore === false;
  // Recorded as soon as it shows: closed or not, it is not said again on this device.
  useEffect(() => {
    if (showOfflineReady) void setMetaValue(offlineReadyShownKey, "1").catch(() => undefined);
  }, [showOfflineReady]);

  if (needRefresh) {
    return (
      <div className={inConsole ? "banner banner-top" : "banner"} role="status">
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
  if (showOfflineReady) {
    return (
      <div className={inConsole ? "banner banner-top" : "banner"} role="status">
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
