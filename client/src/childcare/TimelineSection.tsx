/** One part of the timeline (past its time, due now, coming up, done): a card per item, with its dates, a tick and a link. */
import type { ReactNode } from "react";
import { timelineItems } from "../../../shared/childcare/items";
import type { Entry, Status } from "../../../shared/childcare/timeline";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { setDone } from "../db/childcare";

export function TimelineSection({
  status,
  entries,
  nickname,
  format,
  extra = null,
}: {
  status: Status;
  entries: Entry[];
  nickname: (id: string) => string;
  format: (day: string) => string;
  extra?: ReactNode;
}) {
  const { t } = useT();
  if (entries.length === 0 && !extra) return null;
  const headingId = `timeline-${status}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        <T k={`childcare.statuses.${status}`} /> ({entries.length})
      </h2>
      <ul className="card-list">
        {entries.map((entry) => {
          const item = timelineItems.find((i) => i.id === entry.item);
          const id = `${entry.child}:${entry.item}`;
          return (
            <li
              key={id}
              className={`card timeline-${entry.status}`}
              id={`item-${entry.child}-${entry.item}`}
              data-item={entry.item}
              tabIndex={-1}
            >
              <p className="card-kicker">{nickname(entry.child)}</p>
              <p className="card-title">
                <T k={`childcare.items.${entry.item}.title`} />
              </p>
              <p className="card-meta">
                <strong>
                  <RubyText
                    text={
                      entry.start === entry.end || entry.status === "due"
                        ? t("childcare.until", { end: format(entry.end) })
                        : t("childcare.window", { start: format(entry.start), end: format(entry.end) })
                    }
                  />
                </strong>{" "}
                {entry.deadline && (
                  <span className="tag tag-warn">
                    <T k="childcare.deadlineTag" />
                  </span>
                )}{" "}
                {entry.estimated && (
                  <span className="tag">
                    <T k="childcare.estimatedTag" />
                  </span>
                )}
              </p>
              <p>
                <T k={`childcare.items.${entry.item}.about`} />
              </p>
              <div className="actions-row">
                <label className="choice-option">
                  <input
                    type="checkbox"
                    checked={entry.status === "done"}
                    onChange={(e) => void setDone(entry.child, entry.item, e.target.checked)}
                  />
                  <span>
                    <T k="childcare.doneLabel" />
                  </span>
                </label>
                {item && (
                  <a className="button" href={item.link} target="_blank" rel="noopener noreferrer">
                    <T k="childcare.moreInfo" />
                  </a>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {extra}
    </section>
  );
}
