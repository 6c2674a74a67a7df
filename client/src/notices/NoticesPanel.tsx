/**
 * 子育ての通知 on the timeline page: what is sent and what the server learns, then 「通知を受け取る」
 * (permission, subscription, registration), or how to install first on iPhone; and 「通知を止める」.
 * The inbox of notices received (Inbox.tsx) and 「データをすべて削除」 (DeleteMyData.tsx) follow it.
 */
import { type ReactNode, useEffect, useId, useState } from "react";
import type { Locale } from "../../../shared/locales/locales";
import { T } from "../app/i18n/T";
import { StatusMessage, type StatusText } from "../app/shell/StatusMessage";
import type { ChildRecord } from "../db/schemas";
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
