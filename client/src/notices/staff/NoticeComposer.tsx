/**
 * Writing a notice: its texts, its audience (with the count it reaches), the page it opens, and
 * when it goes (now, after a confirmation naming the count, or at a time in Japan), with a preview.
 */
import { type FormEvent, useId, useState } from "react";
import { locales } from "../../../../shared/locales/locales";
import type { BroadcastInput } from "../../../../shared/notices/schemas";
import { fromJstLocalInput } from "../../../../shared/time";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";
import { type AudienceChoice, NoticeAudience, segmentOf, useAudienceCount } from "./NoticeAudience";
import { NoticePreview } from "./NoticePreview";
import { emptyTexts, NoticeTexts, type Texts } from "./NoticeTexts";

const paths = ["/", "/childcare", "/places", "/community", "/surveys"] as const;

/** The languages written in full (title and body), trimmed: the others fall back to Japanese. */
const filled = (texts: Texts) =>
  Object.fromEntries(
    locales.flatMap((l) =>
      texts[l].title.trim() && texts[l].body.trim() ? [[l, { title: texts[l].title.trim(), body: texts[l].body.trim() }]] : [],
    ),
  ) as BroadcastInput["texts"];

export function NoticeComposer({ ward, onSent }: { ward: string | null; onSent: () => void }) {
  const { plain } = useT();
  const { api } = useStaffApi();
  const id = useId();
  const [texts, setTexts] = useState<Texts>(emptyTexts);
  const [audience, setAudience] = useState<AudienceChoice>({ topic: "news", kind: "all", fromYears: 0, toYears: 2 });
  const [path, setPath] = useState<(typeof paths)[number]>("/");
  const [when, setWhen] = useState<"now" | "later">("now");
  const [at, setAt] = useState("");
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const segment = segmentOf(ward, audience);
  const count = useAudienceCount(segment);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!texts.ja.title.trim() || !texts.ja.body.trim()) return setMessage({ key: "staff:notices.japaneseRequired", error: true });
    if (when === "later" && !at) return setMessage({ key: "staff:notices.timeRequired", error: true });
    const reach =
      count?.subscribers == null
        ? plain("staff:notices.confirmNowFew", { count: count?.minimum ?? 10 })
        : plain("staff:notices.confirmNow", { count: count.subscribers });
    if (when === "now" && !window.confirm(reach)) return;
    // The time is entered as a time in Japan.
    const input: BroadcastInput = {
      texts: filled(texts),
      path,
      segment,
      sendAt: when === "now" ? null : new Date(fromJstLocalInput(at)).toISOString(),
    };
    setBusy(true);
    try {
      expectStatus(await api.notices.$post({ json: input }), 201);
      setMessage({ key: when === "now" ? "staff:notices.sending" : "staff:notices.scheduled", error: false });
      setTexts(emptyTexts());
      onSent();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-compose`}>
      <h2 id={`${id}-compose`}>
        <T k="staff:notices.compose" />
      </h2>
      <NoticeTexts id={id} texts={texts} onChange={setTexts} />
      <NoticeAudience id={id} ward={ward} choice={audience} onChange={setAudience} count={count} />
      <div className="field">
        <label htmlFor={`${id}-path`}>
          <T k="staff:notices.opens" />
        </label>
        <select id={`${id}-path`} value={path} onChange={(e) => setPath(e.target.value as (typeof paths)[number])}>
          {paths.map((p) => (
            <option key={p} value={p}>
              {plain(`staff:notices.paths.${p === "/" ? "home" : p.slice(1)}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="choice">
        <legend className="question-text">
          <T k="staff:notices.when" />
        </legend>
        {(["now", "later"] as const).map((w) => (
          <label key={w} className="choice-option">
            <input type="radio" name={`${id}-when`} checked={when === w} onChange={() => setWhen(w)} />
            <span>
              <T k={`staff:notices.${w}`} />
            </span>
          </label>
        ))}
      </fieldset>
      {when === "later" && (
        <div className="field">
          <label htmlFor={`${id}-at`}>
            <T k="staff:notices.at" />
          </label>
          <input id={`${id}-at`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </div>
      )}
      <NoticePreview id={id} texts={texts} />
      <StatusMessage message={message} />
      <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
        <T k={when === "now" ? "staff:notices.sendNow" : "staff:notices.schedule"} />
      </button>
    </form>
  );
}
