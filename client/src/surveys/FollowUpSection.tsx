/**
 * 区の対応 as residents read it: what the ward did with a survey's results, in the resident's language
 * (Japanese where none was written), with its line breaks, as text (furigana as ruby), never as HTML.
 * FollowUpOf loads it for a survey the page does not hold (one already answered, or closed).
 */
import { useId } from "react";
import { type FollowUp, localized } from "../../../shared/surveys/model";
import { api } from "../app/api";
import { useLoader } from "../app/data";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { formatDate } from "./format";

export function FollowUpSection({ followUp }: { followUp: FollowUp }) {
  const id = useId();
  const { locale } = useT();
  return (
    <section aria-labelledby={`${id}-heading`} className="follow-up">
      <h2 id={`${id}-heading`}>
        <T k="surveys.followUp.heading" />
      </h2>
      <p className="hint">
        <T k="surveys.followUp.intro" /> <T k="surveys.followUp.publishedAt" values={{ date: formatDate(followUp.publishedAt, locale) }} />
      </p>
      <p className="pre-line">
        <RubyText text={localized(followUp.text, locale)} />
      </p>
    </section>
  );
}

/** The survey's 区の対応, if the ward published one; nothing while loading or without a connection. */
export function FollowUpOf({ surveyId }: { surveyId: string }) {
  const { state } = useLoader(async () => {
    const response = await api.api.surveys[":id"].$get({ param: { id: surveyId } });
    if (response.status !== 200) throw response;
    return (await response.json()).followUp ?? null;
  }, `follow-up:${surveyId}`);
  return state.status === "ready" && state.data ? <FollowUpSection followUp={state.data} /> : null;
}
