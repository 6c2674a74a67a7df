/**
 * The state of push on this phone, for the opt-in in 設定 and in context (the survey list, the
 * 区政会議, the 子育て page): whether it can work here, whether it is on and for which topics, and
 * `choose(topics)` — which turns it on for them (asking for permission the first time), changes them,
 * or turns it off when none is left. The registration follows the ward, language and children.
 */
import { useEffect, useState } from "react";
import type { Topic } from "../../../shared/notices/schemas";
import type { StatusText } from "../app/shell/StatusMessage";
import { children as storedChildren } from "../db/childcare";
import { useStored } from "../db/live";
import type { ChildRecord } from "../db/schemas";
import { useSettings } from "../settings/SettingsContext";
import { availability, currentSubscription, keepRegistrationCurrent, registeredTopics, turnOff, turnOn } from "./push";

export type PushState = "checking" | "off" | "on" | "working" | "denied" | "ios-install" | "unsupported";

const noChildren: ChildRecord[] = [];

export function usePush() {
  const { settings } = useSettings();
  // Undefined until read: a registration sent before would drop the children's months.
  const stored = useStored(storedChildren, [], noChildren);
  const children = stored ?? noChildren;
  const topics = useStored(registeredTopics, [], []) ?? [];
  const [state, setState] = useState<PushState>("checking");
  const [message, setMessage] = useState<StatusText | null>(null);

  useEffect(() => {
    const support = availability();
    if (support !== "supported") return setState(support);
    void currentSubscription().then((subscription) =>
      setState(Notification.permission === "denied" ? "denied" : subscription && Notification.permission === "granted" ? "on" : "off"),
    );
  }, []);
  const on = state === "on" && topics.length > 0;

  // A child added, born or removed, another ward or language: the server's registration follows.
  useEffect(() => {
    if (on && stored) void keepRegistrationCurrent({ ward: settings.ward, locale: settings.locale, children: stored });
  }, [on, settings.ward, settings.locale, stored]);

  const choose = async (next: readonly Topic[]) => {
    setState("working");
    if (next.length === 0) {
      const result = await turnOff();
      setState("off");
      return setMessage({ key: result === "removed" ? "notices.turnedOff" : "notices.offQueued" });
    }
    setMessage({ key: "notices.turningOn" });
    const outcome = await turnOn({ ward: settings.ward, locale: settings.locale, children, topics: next });
    if (outcome.ok) {
      setState("on");
      setMessage({ key: "notices.turnedOn" });
    } else if ("denied" in outcome) {
      setState("denied");
      setMessage(null);
    } else {
      setState(on ? "on" : "off");
      setMessage({ key: outcome.errorKey, error: true });
    }
  };

  return {
    /** "on" only while some topic is registered. */
    state: state === "on" && !on ? ("off" as const) : state,
    topics: on ? topics : [],
    message,
    /** The last try ran out of time: the button offers to try again. */
    timedOut: message?.key === "notices.timeout",
    choose,
  };
}
