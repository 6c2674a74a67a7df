/**
 * The opt-in for one topic of notices where it matters: new surveys on the survey list, 区政会議 on
 * the community page, the child-rearing reminders on the 子育て page (設定 holds all four,
 * NoticeSettings.tsx). It says what is sent and what the server learns, then 「通知を受け取る」 — or how
 * to install first on iPhone, or that this browser has no push — and 「通知を止める」 for this topic.
 */
import { type ReactNode, useId } from "react";
import type { Topic } from "../../../shared/notices/schemas";
import { T } from "../app/i18n/T";
import { StatusMessage } from "../app/shell/StatusMessage";
import { type PushState, usePush } from "./usePush";

const headings: Record<Topic, string> = {
  surveys: "notices.topics.surveys.heading",
  meetings: "notices.topics.meetings.heading",
  news: "notices.topics.news.heading",
  childcare: "notices.heading",
};
const explanations: Record<Topic, string> = {
  surveys: "notices.topics.surveys.explain",
  meetings: "notices.topics.meetings.explain",
  news: "notices.topics.news.explain",
  childcare: "notices.explain",
};

/** What a state says where no button does: install first on iPhone, no push in this browser, permission refused. */
export function PushUnavailable({ state }: { state: PushState }): ReactNode {
  if (state === "ios-install")
    return (
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
  if (state === "unsupported")
    return (
      <p className="notice">
        <T k="notices.unsupportedBrowser" />
      </p>
    );
  if (state === "denied")
    return (
      <p className="notice">
        <T k="notices.denied" />
      </p>
    );
  return null;
}

export function TopicOptIn({ topic }: { topic: Topic }) {
  const id = useId();
  const push = usePush();
  const on = push.state === "on" && push.topics.includes(topic);
  let body: ReactNode = <PushUnavailable state={push.state} />;
  if (on)
    body = (
      <>
        <p>
          <strong>
            <T k="notices.on" />
          </strong>
        </p>
        <button type="button" className="button" onClick={() => void push.choose(push.topics.filter((t) => t !== topic))}>
          <T k="notices.turnOff" />
        </button>
      </>
    );
  else if (push.state === "off" || push.state === "on" || push.state === "working")
    body = (
      <button
        type="button"
        className="button primary"
        onClick={() => void push.choose([...push.topics, topic])}
        disabled={push.state === "working"}
        aria-busy={push.state === "working"}
      >
        <T k={push.timedOut ? "notices.retry" : "notices.turnOn"} />
      </button>
    );
  return (
    <section aria-labelledby={`${id}-notices`}>
      <h2 id={`${id}-notices`}>
        <T k={headings[topic]} />
      </h2>
      <p>
        <T k={explanations[topic]} />
      </p>
      {body}
      <StatusMessage message={push.message} />
    </section>
  );
}
