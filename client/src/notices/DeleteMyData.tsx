/**
 * 「子育てのデータをすべて削除」: after a confirmation, the children, their ticks and the inbox leave
 * this device, and the server's push record is removed (now, or once back online).
 */
import { useId, useRef, useState } from "react";
import { T } from "../app/i18n/T";
import { StatusMessage, type StatusText } from "../app/shell/StatusMessage";
import { removeChildcareData } from "../db/notices";
import { turnOff } from "./push";

/** Everything of the timeline on this device goes, and the server's push record with it — after a confirmation. */
export function DeleteMyData({ onDeleted }: { onDeleted: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState<StatusText | null>(null);
  const confirm = async () => {
    dialog.current?.close();
    const removal = await turnOff().catch(() => "queued" as const);
    await removeChildcareData();
    onDeleted();
    setMessage({ key: removal === "removed" ? "notices.deleted" : "notices.deletedQueued" });
  };
  return (
    <section aria-labelledby={`${id}-delete`}>
      <h2 id={`${id}-delete`}>
        <T k="notices.deleteHeading" />
      </h2>
      <p>
        <T k="notices.deleteExplain" />
      </p>
      <button type="button" className="button danger" onClick={() => dialog.current?.showModal()}>
        <T k="notices.deleteButton" />
      </button>
      <StatusMessage message={message} />
      <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-confirm`}>
        <p id={`${id}-confirm`}>
          <T k="notices.deleteConfirm" />
        </p>
        <div className="actions-row">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            <T k="notices.deleteNo" />
          </button>
          <button type="button" className="button danger" onClick={() => void confirm()}>
            <T k="notices.deleteYes" />
          </button>
        </div>
      </dialog>
    </section>
  );
}
