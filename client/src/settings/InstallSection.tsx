/** 設定: add the app to the home screen, shown only when the browser offers it (app/pwa/install.ts) or it is installed. */
import { T } from "../app/i18n/T";
import { useInstallOffer } from "../app/pwa/install";

export function InstallSection() {
  const { available, installed, install } = useInstallOffer();
  if (!available && !installed) return null;
  return (
    <section aria-labelledby="install-heading">
      <h2 id="install-heading">
        <T k="install.title" />
      </h2>
      {installed ? (
        <p role="status">
          <T k="install.installed" />
        </p>
      ) : (
        <>
          <p>
            <T k="install.description" />
          </p>
          <button type="button" className="button primary" onClick={() => void install()}>
            <T k="install.button" />
          </button>
        </>
      )}
    </section>
  );
}
