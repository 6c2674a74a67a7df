/**
 * 通知 in 設定: every topic at once — new surveys, 区政会議 about to go on air, the ward's news, the
 * child-rearing reminders — chosen with checkboxes, then 「通知を受け取る」 (or 「この内容で保存」 when on)
 * and 「通知をすべて止める」. The same state as the opt-ins in context (usePush.ts).
 */
import { useEffect, useId, useState } from "react";
import { topics as allTopics, type Topic } from "../../../shared/notices/schemas";
import { T } from "../app/i18n/T";
import { StatusMessage } from "../app/shell/StatusMessage";
import { PushUnavailable } from "./TopicOptIn";
import { usePush } from "./usePush";

/** What a newcomer starts from: the ward's new surveys and its news. */
const suggested: Topic[] = ["surveys", "news"];

export function NoticeSettings() {
  const id = useId();
  const push = usePush();
  const on = push.state === "on";
  const [chosen, setChosen] = useState<Topic[]>(suggested);
  const [empty, setEmpty] = useState(false);
  const registered = push.topics.join(",");
  // What the server has, once known, is where the boxes start.
  useEffect(() => {
    if (registered) setChosen(registered.split(",") as Topic[]);
  }, [registered]);

  const toggle = (topic: Topic, checked: boolean) => {
    setEmpty(false);
    setChosen((now) => allTopics.filter((t) => (t === topic ? checked : now.includes(t))));
  };
  const save = () => {
    if (chosen.length === 0) return setEmpty(true);
    void push.choose(chosen);
  };
  const usable = on || push.state === "off" || push.state === "working";
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <T k="notices.settings.heading" />
      </h2>
      <p>
        <T k="notices.settings.explain" />
      </p>
      <PushUnavailable state={push.state} />
      {usable && (
        <>
          <fieldset className="choice">
            <legend>
              <T k="notices.settings.legend" />
            </legend>
            {allTopics.map((topic) => (
              <label key={topic} className="choice-option">
                <input type="checkbox" checked={chosen.includes(topic)} onChange={(e) => toggle(topic, e.target.checked)} />
                <span>
                  <T k={`notices.settings.topics.${topic}`} />
                </span>
              </label>
            ))}
          </fieldset>
          {on && (
            <p>
              <strong>
                <T k="notices.on" />
              </strong>
            </p>
          )}
          <div className="actions-row">
            <button
              type="button"
              className="button primary"
              onClick={save}
              disabled={push.state === "working"}
              aria-busy={push.state === "working"}
            >
              <T k={push.timedOut ? "notices.retry" : on ? "notices.settings.save" : "notices.turnOn"} />
            </button>
            {on && (
              <button type="button" className="button" onClick={() => void push.choose([])}>
                <T k="notices.settings.stopAll" />
              </button>
            )}
          </div>
        </>
      )}
      <StatusMessage message={empty ? { key: "notices.settings.noneChosen", error: true } : push.message} />
    </section>
  );
}
