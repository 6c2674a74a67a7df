/**
 * A secret shown once (a new account's temporary password, or a reset link), in a modal dialog
 * with a copy button: the server keeps only its hash, so closing the dialog is the last chance.
 */
import { useEffect, useId, useRef, useState } from "react";
import { T } from "../../app/i18n/T";

export interface Secret {
  /** Locale keys of the dialog's heading and its explanation, with their values. */
  heading: string;
  intro: string;
  values: Record<string, string>;
  secret: string;
}

export function OneTimeSecret({ shown, onClose }: { shown: Secret | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const headingId = useId();
  const secretId = useId();

  useEffect(() => {
    setCopied(null);
    if (shown && !dialog.current?.open) dialog.current?.showModal();
  }, [shown]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown?.secret ?? "");
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <dialog ref={dialog} className="confirm secret" aria-labelledby={headingId} onClose={onClose}>
      {shown && (
        <>
          <h2 id={headingId}>
            <T k={shown.heading} values={shown.values} />
          </h2>
          <p>
            <T k={shown.intro} values={shown.values} />
          </p>
          <p>
            <output id={secretId} className="mono secret-value">
              {shown.secret}
            </output>
          </p>
          <p role="status">{copied && <T k={copied === "copied" ? "staff:accounts.copied" : "staff:accounts.copyFailed"} />}</p>
          <div className="actions-row">
            <button type="button" className="button" aria-describedby={secretId} onClick={() => void copy()}>
              <T k="staff:accounts.copy" />
            </button>
            <button type="button" className="button primary" onClick={() => dialog.current?.close()}>
              <T k="staff:accounts.noted" />
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
