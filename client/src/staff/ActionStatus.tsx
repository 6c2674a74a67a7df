/**
 * An action's outcome that carries more than a sentence: the undo of a delete, or the list of a
 * refused file's problems, inside the live region with the words. A plain outcome is StatusMessage.
 */
import type { ReactNode } from "react";
import { T } from "../app/i18n/T";
import type { StatusText } from "../app/shell/StatusMessage";

export function ActionStatus({ message, onUndo, children }: { message: StatusText | null; onUndo?: () => void; children?: ReactNode }) {
  return (
    <div role={message?.error ? "alert" : "status"} className={message ? (message.error ? "error" : "ok") : undefined}>
      {message && (
        <p>
          <T k={message.key} values={message.values} />{" "}
          {onUndo && (
            <button type="button" className="button" onClick={onUndo}>
              <T k="staff:matching.undo" />
            </button>
          )}
        </p>
      )}
      {message && children}
    </div>
  );
}
