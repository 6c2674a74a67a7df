/**
 * 子育ての通知 on the timeline page: what is sent and what the server learns, then 「通知を受け取る」
 * (permission, subscription, registration), or how to install first on iPhone; 「通知を止める」; the
 * inbox of notices received; and 「データをすべて削除」 with a confirmation, which also removes the
 * server's record.
 */
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import type { Locale } from "../../../shared/locales/locales";
import { T } from "../app/i18n/T";
import { Link } from "../app/router";
import { StatusMessage, type StatusText } from "../app/shell/StatusMessage";
import { type ChildRecord, type InboxRecord, inboxItems, markInboxRead, removeChildcareData, removeInboxItem } from "../db";
import { availability, currentSubscription, keepRegistrationCurrent, turnOff, turnOn } from "./push";

type State = "checking" | "off" | "on" | "working" | "denied" | "ios-install" | "unsupported";

export function NoticesPanel({ family, ward, locale }: { family: ChildRecord[]; ward: string | null; locale: Locale }) {
  const id = useId();
  const [state, setState] = useState<State>("checking");
  const [message, setMessage] = useState<StatusText | null>(null);

  useEffect(() => {
    const support = availability();
    if (support !== "supported") return setState(support);
    void currentSubscription().then((subscription) =>
      setState(Notification.permission === "denied" ? "denied" : subscription && Notification.permission === "granted" ? "on" : "off"),
    );
  }, []);

  // A child added, born or removed, another ward or language: the server's cohorts follow.
  useEffect(() => {
    if (state === "on") void keepRegistrationCurrent(ward, locale, family);
  }, [state, ward, locale, family]);

  const start = async () => {
    setState("working");
    setMessage({ key: "notices.turningOn" });
    const outcome = await turnOn(ward, locale, family);
    if (outcome.ok) {
      setState("on");
      setMessage({ key: "notices.turnedOn" });
    } else if ("denied" in outcome) {
      setState("denied");
      setMessage(null);
    } else {
      setState("off");
      setMessage({ key: outcome.errorKey, error: true });
    }
  };
  const stop = async () => {
    setState("working");
    const result = await turnOff();
    setState("off");
    setMessage({ key: result === "removed" ? "notices.turnedOff" : "notices.offQueued" });
  };

  let body: ReactNode;
  if (state === "ios-install")
    body = (
      <>
        <p>
          <T k="notices.iosInstall" />
        </p>
        <ol>
          {(["notices.iosStep1", "notices.iosStep2", "notices.iosStep3"] as const).map((k) => (
            <li key={k}>
              <T k={k} />
            </li>
          ))}
        </ol>
      </>
    );
  else if (state === "unsupported")
    body = (
      <p>
        <T k="notices.unsupported" />
      </p>
    );
  else if (state === "denied")
    body = (
      <p className="notice">
        <T k="notices.denied" />
      </p>
    );
  else if (state === "on")
    body = (
      <>
        <p>
          <strong>
            <T k="notices.on" />
          </strong>
        </p>
        <button type="button" className="button" onClick={() => void stop()}>
          <T k="notices.turnOff" />
        </button>
      </>
    );
  else if (state !== "checking")
    body = (
      <button
        type="button"
        className="button primary"
        onClick={() => void start()}
        disabled={state === "working"}
        aria-busy={state === "working"}
      >
        <T k="notices.turnOn" />
      </button>
    );

  return (
    <section aria-labelledby={`${id}-notices`}>
      <h2 id={`${id}-notices`}>
        <T k="notices.heading" />
      </h2>
      <p>
        <T k="notices.explain" />
      </p>
      {body}
      <StatusMessage message={message} />
    </section>
  );
}

/** The notices this phone received, newest first; kept on the device only. */
export function Inbox() {
  const id = useId();
  const [items, setItems] = useState<InboxRecord[] | null>(null);
  const reload = useCallback(() => void inboxItems().then(setItems, () => setItems([])), []);
  useEffect(() => {
    reload();
    // The service worker writes the inbox and tells open pages.
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === "inbox") reload();
    };
    navigator.serviceWorker?.addEventListener("message", onMessage);
    return () => navigator.serviceWorker?.removeEventListener("message", onMessage);
  }, [reload]);
  if (items === null) return null;
  return (
    <section aria-labelledby={`${id}-inbox`} id="inbox">
      <h2 id={`${id}-inbox`}>
        <T k="notices.inboxHeading" />
      </h2>
      {items.length === 0 ? (
        <p>
          <T k="notices.inboxEmpty" />
        </p>
      ) : (
        <ul className="card-list">
          {items.map((item) => (
            <li key={item.id} className="card">
              <p className="card-title">
                {!item.read && (
                  <span className="tag tag-warn">
                    <T k="notices.unread" />
                  </span>
                )}{" "}
                {item.title}
              </p>
              <p>{item.body}</p>
              <p className="card-meta">
                {new Date(item.receivedAt).toLocaleString(document.documentElement.lang || "ja", {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </p>
              <div className="actions-row">
                <Link className="button" to={item.url} onClick={() => void markInboxRead(item.id).then(reload)}>
                  <T k="notices.open" />
                </Link>
                <button type="button" className="button" onClick={() => void removeInboxItem(item.id).then(reload)}>
                  <T k="notices.inboxRemove" values={{ title: item.title }} />
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Everything of the timeline on this device goes, and the server's push record with it — after a confirmation. */
export function DeleteMyData() {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState<StatusText | null>(null);
  const confirm = async () => {
    dialog.current?.close();
    const removal = await turnOff().catch(() => "queued" as const);
    await removeChildcareData();
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
