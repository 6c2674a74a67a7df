/**
 * Who gets a notice: the subscribers of a topic (ward news by default) in the ward — for childcare, all
 * of them, those expecting, or parents of children of an age — and about how many browsers that is now.
 */
import { useEffect, useState } from "react";
import { type Audience, type Segment, type Topic, topics } from "../../../../shared/notices/schemas";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { wardName } from "./NoticeList";

const years = [0, 1, 2, 3, 4, 5, 6] as const;
export interface AudienceChoice {
  topic: Topic;
  kind: Audience["kind"];
  fromYears: number;
  toYears: number;
}

/** The segment a choice makes: only childcare narrows by age; a children's age range is put in order. */
export function segmentOf(ward: string | null, { topic, kind, fromYears, toYears }: AudienceChoice): Segment {
  const audience: Audience =
    topic !== "childcare"
      ? { kind: "all" }
      : kind === "children"
        ? { kind, fromYears: Math.min(fromYears, toYears), toYears: Math.max(fromYears, toYears) }
        : kind === "pregnant"
          ? { kind }
          : { kind: "all" };
  return { ward, audience, topic };
}

export interface AudienceCount {
  /** Rounded to tens; null: fewer than `minimum`. */
  subscribers: number | null;
  minimum: number;
}

/** About how many subscribed browsers a segment reaches, asked again whenever it changes (null while asking). */
export function useAudienceCount(segment: Segment): AudienceCount | null {
  const { api } = useStaffApi();
  const [count, setCount] = useState<AudienceCount | null>(null);
  const segmentKey = JSON.stringify(segment);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the segment is what the count depends on (segmentKey)
  useEffect(() => {
    let current = true;
    setCount(null);
    void api.notices.audience
      .$post({ json: segment })
      .then(async (response) => {
        if (current && response.status === 200) setCount(await response.json());
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [segmentKey, api]);
  return count;
}

export function NoticeAudience({
  id,
  ward,
  choice,
  onChange,
  count,
}: {
  id: string;
  ward: string | null;
  choice: AudienceChoice;
  onChange: (choice: AudienceChoice) => void;
  count: AudienceCount | null;
}) {
  const { plain } = useT();
  return (
    <>
      <fieldset className="choice">
        <legend className="question-text">
          <T k="staff:notices.topic" />
        </legend>
        {topics.map((topic) => (
          <label key={topic} className="choice-option">
            <input type="radio" name={`${id}-topic`} checked={choice.topic === topic} onChange={() => onChange({ ...choice, topic })} />
            <span>
              <T k={`staff:notices.topics.${topic}`} />
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice" hidden={choice.topic !== "childcare"}>
        <legend className="question-text">
          <T k="staff:notices.audience" />
        </legend>
        {(["all", "pregnant", "children"] as const).map((k) => (
          <label key={k} className="choice-option">
            <input type="radio" name={`${id}-audience`} checked={choice.kind === k} onChange={() => onChange({ ...choice, kind: k })} />
            <span>
              <T k={`staff:notices.audiences.${k}`} values={{ ward: wardName(ward) ?? plain("staff:notices.city") }} />
            </span>
          </label>
        ))}
      </fieldset>
      {choice.topic === "childcare" && choice.kind === "children" && (
        <div className="actions-row">
          {(["from", "to"] as const).map((which) => (
            <div key={which} className="field small">
              <label htmlFor={`${id}-${which}`}>
                <T k={`staff:notices.${which}Years`} />
              </label>
              <select
                id={`${id}-${which}`}
                value={choice[`${which}Years`]}
                onChange={(e) => onChange({ ...choice, [`${which}Years`]: Number(e.target.value) })}
              >
                {years.map((y) => (
                  <option key={y} value={y}>
                    {plain("staff:notices.yearsOld", { count: y })}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      )}
      <p role="status">
        {count !== null &&
          (count.subscribers === null ? (
            <T k="staff:notices.audienceFew" values={{ count: count.minimum }} />
          ) : (
            <T k="staff:notices.audienceCount" values={{ count: count.subscribers }} />
          ))}
      </p>
    </>
  );
}
