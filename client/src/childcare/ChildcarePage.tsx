/**
 * 子育てタイムライン: the family's children (a nickname and a due or birth date, stored only in this
 * device's IndexedDB) and every procedure, check-up and vaccination worked out from them — past its
 * time, due now, coming up, done — with a tick for each (TimelineSection.tsx). Nothing here is sent
 * to the server; the notices panel below (notices/) sends only the months, if the resident asks.
 */
import { useEffect, useState } from "react";
import { addMonths } from "../../../shared/childcare/dates";
import { familyTimeline, type Status } from "../../../shared/childcare/timeline";
import { dateText } from "../../../shared/locales/dates";
import { jstNoon, jstToday } from "../../../shared/time";
import { T, useT } from "../app/i18n/T";
import { useLocation } from "../app/router";
import { Page } from "../app/shell/Page";
import { family as storedFamily } from "../db/childcare";
import { useStored } from "../db/live";
import { DeleteMyData } from "../notices/DeleteMyData";
import { Inbox } from "../notices/Inbox";
import { TopicOptIn } from "../notices/TopicOptIn";
import { Children } from "./Children";
import { TimelineSection } from "./TimelineSection";

export function ChildcarePage() {
  const family = useStored(storedFamily, [], { children: [], done: [] }) ?? null;
  const { locale } = useT();
  const [showAll, setShowAll] = useState(false);
  // Bumped when the data is deleted: the children's section starts afresh, with no message about a child now gone.
  const [erased, setErased] = useState(0);
  const today = jstToday();
  const format = (day: string) => dateText(jstNoon(day), locale, { dateStyle: "long" });
  const entries = family
    ? familyTimeline(family.children, today, (id) => new Set(family.done.filter((d) => d.child === id).map((d) => d.item)))
    : [];
  const horizon = addMonths(today, 6);
  const byStatus = (status: Status) => entries.filter((e) => e.status === status);
  const upcoming = byStatus("upcoming");
  const shownUpcoming = showAll ? upcoming : upcoming.filter((e) => e.start <= horizon);
  const nickname = (id: string) => family?.children.find((c) => c.id === id)?.nickname ?? "";
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
      {family && <Children key={erased} family={family.children} format={format} />}
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
      {family && <TopicOptIn topic="childcare" />}
      <Inbox />
      <DeleteMyData onDeleted={() => setErased((n) => n + 1)} />
    </Page>
  );
}
