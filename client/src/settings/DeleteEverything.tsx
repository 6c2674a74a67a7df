/**
 * 設定 → 「この端末のデータをすべて削除」: after a confirmation that first warns about anything not yet
 * sent, push notices are turned off (the server's record removed now, or once back online), then every
 * database, cache and stored value of the app leaves this device (db/erase.ts).
 */
import { useId, useRef, useState } from "react";
import { T } from "../app/i18n/T";
import { StatusMessage, type StatusText } from "../app/shell/StatusMessage";
import { eraseDevice, type Unsent, unsentItems } from "../db/erase";
import { turnOff } from "../notices/push";
import { useSettings } from "./SettingsContext";

export function DeleteEverything() {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [unsent, setUnsent] = useState<Unsent>({ responses: 0, joinRequests: 0 });
  const [message, setMessage] = useState<StatusText | null>(null);
  const { forget } = useSettings();
  const ask = async () => {
    setMessage(null);
    setUnsent(await unsentItems().catch(() => ({ responses: 0, joinRequests: 0 })));
    dialog.current?.showModal();
  };
  const confirm = async () => {
    dialog.current?.close();
    try {
      const removal = await turnOff().catch(() => "queued" as const);
      const { removalKept } = await eraseDevice();
      // The service worker goes too; the next visit installs it afresh, with nothing of this one.
      const registration = "serviceWorker" in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
      await registration?.unregister();
      forget();
      setMessage({ key: removal === "queued" || removalKept ? "settings.erase.doneQueued" : "settings.erase.done" });
    } catch {
      setMessage({ key: "settings.erase.failed", error: true });
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <T k="settings.erase.heading" />
      </h2>
      <p>
        <T k="settings.erase.explain" />
      </p>
      <button type="button" className="button danger" onClick={() => void ask()}>
        <T k="settings.erase.button" />
      </button>
      <StatusMessage message={message} />
      <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-confirm`} aria-describedby={`${id}-unsent`}>
        <div id={`${id}-unsent`}>
          {unsent.responses > 0 && (
            <p className="notice">
              <T k="settings.erase.unsentResponses" values={{ count: unsent.responses }} />
            </p>
          )}
          {unsent.joinRequests > 0 && (
            <p className="notice">
              <T k="settings.erase.unsentJoins" values={{ count: unsent.joinRequests }} />
            </p>
          )}
        </div>
        <p id={`${id}-confirm`}>
          <T k="settings.erase.confirm" />
        </p>
        <div className="actions-row">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            <T k="settings.erase.no" />
          </button>
          <button type="button" className="button danger" onClick={() => void confirm()}>
            <T k="settings.erase.yes" />
          </button>
        </div>
      </dialog>
    </section>
  );
}
