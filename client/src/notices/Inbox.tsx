/** The in-app inbox: the notices this phone received (written by the service worker, sw/push.ts). */
import { useEffect, useId, useState } from "react";
import { T } from "../app/i18n/T";
import { Link } from "../app/router";
import { useStored } from "../db/live";
import { inboxItems, markInboxRead, removeInboxItem } from "../db/notices";

/** The notices this phone received, newest first; kept on the device only. */
export function Inbox() {
  const id = useId();
  // The service worker writes the inbox with plain IndexedDB, which a live query does not see: it
  // tells open pages, and the query runs again.
  const [arrivals, setArrivals] = useState(0);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === "inbox") setArrivals((n) => n + 1);
    };
    navigator.serviceWorker?.addEventListener("message", onMessage);
    return () => navigator.serviceWorker?.removeEventListener("message", onMessage);
  }, []);
  const items = useStored(inboxItems, [arrivals], []);
  if (items === undefined) return null;
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
                <Link className="button" to={item.url} onClick={() => void markInboxRead(item.id)}>
                  <T k="notices.open" />
                </Link>
                <button type="button" className="button" onClick={() => void removeInboxItem(item.id)}>
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
