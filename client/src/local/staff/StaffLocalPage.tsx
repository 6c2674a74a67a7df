/**
 * 地域の情報 (staff): a ward's 通いの場, 町会, 地活協 and 区政会議 — a tab per kind (LocalItemList:
 * list, add, change and remove with undo, to and from CSV) and the inbox of 町会 join requests, its
 * tab showing how many are new. `?tab=joins` opens the inbox (the console's home links to it).
 */
import { useState } from "react";
import { T, useT } from "../../app/i18n/T";
import { useLocation } from "../../app/router";
import { useStaffApi } from "../../staff/api";
import { WardPicker } from "../../staff/WardPicker";
import { JoinInbox } from "./JoinInbox";
import { LocalItemList } from "./LocalItemList";
import { type Tab, tabs } from "./localKinds";
import { useNewJoinRequests } from "./NewJoinRequests";

export function StaffLocalPage() {
  const { plain } = useT();
  const { session } = useStaffApi();
  const [ward, setWard] = useState(session.user.ward ?? "27127");
  const { search } = useLocation();
  const [tab, setTab] = useState<Tab>(() => (new URLSearchParams(search).get("tab") === "joins" ? "joins" : "places"));
  const [joinsVersion, setJoinsVersion] = useState(0);
  const newJoins = useNewJoinRequests(ward, joinsVersion);
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:local.heading" />
      </h1>
      <p>
        <T k="staff:local.intro" />
      </p>
      <WardPicker session={session} ward={ward} onChange={setWard} />
      <nav className="row" aria-label={plain("staff:local.tabs")}>
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            className={t === tab ? "button primary" : "button"}
            aria-pressed={t === tab}
            onClick={() => setTab(t)}
          >
            <T k={`staff:local.tab.${t}`} />
            {t === "joins" && newJoins !== null && newJoins > 0 && (
              <>
                {" "}
                <span className="count-badge">
                  <T k="staff:local.newCount" values={{ count: newJoins }} />
                </span>
              </>
            )}
          </button>
        ))}
      </nav>
      {tab === "joins" ? (
        <JoinInbox key={ward} ward={ward} onChanged={() => setJoinsVersion((n) => n + 1)} />
      ) : (
        <LocalItemList key={`${ward}:${tab}`} ward={ward} kind={tab} />
      )}
    </>
  );
}
