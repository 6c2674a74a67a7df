/**
 * 子育てタイムライン: the family's children (a nickname and a due or birth date, stored only in this
 * device's IndexedDB) and every procedure, check-up and vaccination worked out from them — past its
 * time, due now, coming up, done — with a tick for each. Nothing here is sent to the server.
 */
import { liveQuery } from "dexie";
import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { addMonths, isDay, japanToday } from "../../../shared/childcare/dates";
import { type Child, type Entry, familyTimeline, type Status, timelineItems } from "../../../shared/childcare/timeline";
import { T, useT } from "../app/i18n/T";
import { useLocation } from "../app/router";
import { Page } from "../app/shell/Page";
import { type ChildRecord, doneItems, removeChild, saveChild, setDone, children as storedChildren } from "../db";
import type { DoneRecord } from "../db/schemas";
import { DeleteMyData, Inbox, NoticesPanel } from "../notices/NoticesPanel";
import { useSettings } from "../settings/SettingsContext";

function useFamily() {
  const [family, setFamily] = useState<{ children: ChildRecord[]; done: DoneRecord[] } | null>(null);
  useEffect(() => {
    const subscription = liveQuery(async () => ({ children: await storedChildren(), done: await doneItems() })).subscribe({
      next: setFamily,
      error: () => setFamily({ children: [], done: [] }),
    });
    return () => subscription.unsubscribe();
  }, []);
  return family;
}

export function ChildcarePage() {
  const family = useFamily();
  const { locale } = useT();
  const [showAll, setShowAll] = useState(false);
  const today = japanToday();
  const format = (day: string) =>
    new Intl.DateTimeFormat(locale === "ja-easy" ? "ja" : locale, { dateStyle: "long", timeZone: "Asia/Tokyo" }).format(
      new Date(`${day}T12:00:00+09:00`),
    );
  const entries = family
    ? familyTimeline(family.children, today, (id) => new Set(family.done.filter((d) => d.child === id).map((d) => d.item)))
    : [];
  const horizon = addMonths(today, 6);
  const byStatus = (status: Status) => entries.filter((e) => e.status === status);
  const upcoming = byStatus("upcoming");
  const shownUpcoming = showAll ? upcoming : upcoming.filter((e) => e.start <= horizon);
  const nickname = (id: string) => family?.children.find((c) => c.id === id)?.nickname ?? "";
  const { settings } = useSettings();
  const { hash } = useLocation();
  const loaded = family !== null;

  // A notice opens /childcare#item-<id>: bring that item's first card into view and give it focus.
  useEffect(() => {
    const item = /^#item-([a-z0-9_]+)$/.exec(hash)?.[1];
    if (!loaded || !item) return;
    const card = document.querySelector<HTMLElement>(`[data-item="${item}"]`);
    card?.scrollIntoView({ block: "start" });
    card?.focus();
  }, [hash, loaded]);

  return (
    <Page titleKey="childcare.title">
      <p className="lead">
        <T k="childcare.intro" />
      </p>
      <p className="notice">
        <T k="childcare.privacy" />
      </p>
      {family && <Children family={family.children} format={format} />}
      {family && family.children.length === 0 && (
        <p>
          <T k="childcare.none" />
        </p>
      )}
      {(["overdue", "due"] as const).map((status) => (
        <TimelineSection key={status} status={status} entries={byStatus(status)} nickname={nickname} format={format} />
      ))}
      <TimelineSection
        status="upcoming"
        entries={shownUpcoming}
        nickname={nickname}
        format={format}
        extra={
          !showAll && upcoming.length > shownUpcoming.length ? (
            <button type="button" className="button" onClick={() => setShowAll(true)}>
              <T k="childcare.showAllUpcoming" values={{ count: upcoming.length }} />
            </button>
          ) : null
        }
      />
      <TimelineSection status="done" entries={byStatus("done")} nickname={nickname} format={format} />
      {family && <NoticesPanel family={family.children} ward={settings.ward} locale={settings.locale} />}
      <Inbox />
      <DeleteMyData />
    </Page>
  );
}

function TimelineSection({
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
  const { plain } = useT();
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
                  {entry.start === entry.end || entry.status === "due"
                    ? plain("childcare.until", { end: format(entry.end) })
                    : plain("childcare.window", { start: format(entry.start), end: format(entry.end) })}
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

function Children({ family, format }: { family: ChildRecord[]; format: (day: string) => string }) {
  const { plain } = useT();
  const id = useId();
  const [nickname, setNickname] = useState("");
  const [kind, setKind] = useState<Child["kind"]>("due");
  const [date, setDate] = useState("");
  const [multiple, setMultiple] = useState(false);
  const [message, setMessage] = useState<{ key: string; values?: Record<string, string>; error?: boolean } | null>(null);
  const [bornFor, setBornFor] = useState<string | null>(null);
  const [bornDate, setBornDate] = useState("");

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!nickname.trim()) return setMessage({ key: "childcare.nicknameMissing", error: true });
    if (!isDay(date)) return setMessage({ key: "childcare.dateInvalid", error: true });
    await saveChild({
      id: crypto.randomUUID(),
      nickname: nickname.trim(),
      kind,
      date,
      ...(kind === "due" && multiple ? { multiple } : {}),
      addedAt: Date.now(),
    });
    setMessage({ key: "childcare.added", values: { name: nickname.trim() } });
    setNickname("");
    setDate("");
    setMultiple(false);
  };
  const remove = async (child: ChildRecord) => {
    if (!window.confirm(plain("childcare.confirmRemove", { name: child.nickname }))) return;
    await removeChild(child.id);
    setMessage({ key: "childcare.removed", values: { name: child.nickname } });
  };
  const saveBorn = async (child: ChildRecord) => {
    if (!isDay(bornDate)) return setMessage({ key: "childcare.dateInvalid", error: true });
    const { multiple: _multiple, ...rest } = child;
    await saveChild({ ...rest, kind: "born", date: bornDate });
    setBornFor(null);
  };

  return (
    <section aria-labelledby={`${id}-children`}>
      <h2 id={`${id}-children`}>
        <T k="childcare.childrenHeading" />
      </h2>
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : undefined}>
          <T k={message.key} values={message.values} />
        </p>
      )}
      {family.length > 0 && (
        <ul className="card-list">
          {family.map((child) => (
            <li key={child.id} className="card">
              <p className="card-title">
                <T
                  k={child.kind === "due" ? "childcare.childDue" : "childcare.childBorn"}
                  values={{ name: child.nickname, date: format(child.date) }}
                />
              </p>
              {bornFor === child.id ? (
                <div className="field">
                  <label htmlFor={`${id}-${child.id}-born`}>
                    <T k="childcare.bornDate" values={{ name: child.nickname }} />
                  </label>
                  <input id={`${id}-${child.id}-born`} type="date" value={bornDate} onChange={(e) => setBornDate(e.target.value)} />
                  <button type="button" className="button primary" onClick={() => void saveBorn(child)}>
                    <T k="childcare.saveBorn" />
                  </button>
                </div>
              ) : (
                <div className="actions-row">
                  {child.kind === "due" && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setBornFor(child.id);
                        setBornDate(japanToday());
                      }}
                    >
                      <T k="childcare.changeToBorn" values={{ name: child.nickname }} />
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => void remove(child)}>
                    <T k="childcare.remove" values={{ name: child.nickname }} />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)} noValidate aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>
          <T k="childcare.addHeading" />
        </h3>
        <div className="field">
          <label htmlFor={`${id}-nickname`}>
            <T k="childcare.nickname" />
          </label>
          <input id={`${id}-nickname`} value={nickname} maxLength={20} autoComplete="off" onChange={(e) => setNickname(e.target.value)} />
        </div>
        <fieldset className="choice">
          <legend className="question-text">
            <T k="childcare.kindLabel" />
          </legend>
          {(["due", "born"] as const).map((k) => (
            <label key={k} className="choice-option">
              <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
              <span>
                <T k={`childcare.kinds.${k}`} />
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-date`}>
            <T k="childcare.date" />
          </label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        {kind === "due" && (
          <label className="choice-option">
            <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
            <span>
              <T k="childcare.multiple" />
            </span>
          </label>
        )}
        <button type="submit" className="button primary">
          <T k="childcare.add" />
        </button>
      </form>
    </section>
  );
}
