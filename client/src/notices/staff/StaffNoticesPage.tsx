/**
 * お知らせ配信: write a notice in up to six languages (Japanese required), choose who gets it (the
 * ward's residents, those expecting, or parents of children of an age), see how many browsers that
 * is and how a phone will show it, then send it now (after a confirmation) or at a time. The list
 * below shows each notice's sent, failed and expired counts, and cancels one still waiting.
 */
import { type FormEvent, useEffect, useId, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { type Locale, languageNames, locales } from "../../../../shared/locales/locales";
import type { Audience, BroadcastInput, Segment } from "../../../../shared/notices/schemas";
import { wardRecords } from "../../../../shared/wards/data";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { LoadState } from "../../app/shell/LoadState";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { TableScroll } from "../../staff/TableScroll";
import { WardPicker } from "../../staff/WardPicker";

type Texts = Record<Locale, { title: string; body: string }>;
type AudienceKind = Audience["kind"];
const paths = ["/", "/childcare", "/places", "/community", "/surveys"] as const;
const years = [0, 1, 2, 3, 4, 5, 6] as const;

interface Listed {
  id: string;
  kind: "timeline" | "broadcast";
  ward: string | null;
  segment: Segment;
  texts: BroadcastInput["texts"] | null;
  item: string | null;
  cohort: string | null;
  sendAt: string;
  status: "scheduled" | "sending" | "done" | "cancelled";
  sent: number;
  failed: number;
  expired: number;
}

const emptyTexts = () => Object.fromEntries(locales.map((l) => [l, { title: "", body: "" }])) as Texts;
const wardName = (code: string | null) => (code === null ? null : (wardRecords.find((w) => w.code === code)?.name ?? code));

export function StaffNoticesPage({ session, onEnded }: { session: StaffSession; onEnded: () => void }) {
  const admin = session.user.role === "city_admin";
  // An administrator may write to the whole city ("city") or to one ward.
  const [scope, setScope] = useState<string>(session.user.ward ?? "city");
  const [version, setVersion] = useState(0);
  const { state, retry } = useLoader<{ notices: Listed[]; enabled: boolean }>(async () => {
    const response = await api.api.staff.notices.$get({ query: { ward: scope } });
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return (await response.json()) as { notices: Listed[]; enabled: boolean };
  }, `${scope}:${version}`);

  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:notices.heading" />
      </h1>
      <p>
        <T k="staff:notices.intro" />
      </p>
      <WardPicker session={session} ward={scope} onChange={setScope} labelKey="staff:notices.scope" city="staff:notices.city" />
      <Composer key={scope} session={session} ward={scope === "city" ? null : scope} onSent={() => setVersion((v) => v + 1)} />
      {admin && <RunNow session={session} onDone={() => setVersion((v) => v + 1)} />}
      <h2>
        <T k="staff:notices.listHeading" />
      </h2>
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <NoticeList
          session={session}
          notices={state.data.notices}
          enabled={state.data.enabled}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
    </>
  );
}

function Composer({ session, ward, onSent }: { session: StaffSession; ward: string | null; onSent: () => void }) {
  const { plain } = useT();
  const id = useId();
  const [texts, setTexts] = useState<Texts>(emptyTexts);
  const [kind, setKind] = useState<AudienceKind>("all");
  const [fromYears, setFromYears] = useState(0);
  const [toYears, setToYears] = useState(2);
  const [path, setPath] = useState<(typeof paths)[number]>("/");
  const [when, setWhen] = useState<"now" | "later">("now");
  const [at, setAt] = useState("");
  const [preview, setPreview] = useState<Locale>("ja");
  const [count, setCount] = useState<number | null>(null);
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);

  const audience: Audience =
    kind === "children"
      ? { kind, fromYears: Math.min(fromYears, toYears), toYears: Math.max(fromYears, toYears) }
      : kind === "pregnant"
        ? { kind }
        : { kind: "all" };
  const segment: Segment = { ward, audience };
  const segmentKey = JSON.stringify(segment);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the segment is what the count depends on (segmentKey)
  useEffect(() => {
    let current = true;
    setCount(null);
    void api.api.staff.notices.audience
      .$post({ json: segment }, { headers: { "x-csrf-token": session.csrfToken } })
      .then(async (response) => {
        if (current && response.status === 200) setCount((await response.json()).subscribers);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [segmentKey, session.csrfToken]);

  const setText = (locale: Locale, field: "title" | "body", value: string) =>
    setTexts({ ...texts, [locale]: { ...texts[locale], [field]: value } });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!texts.ja.title.trim() || !texts.ja.body.trim()) return setMessage({ key: "staff:notices.japaneseRequired", error: true });
    if (when === "later" && !at) return setMessage({ key: "staff:notices.timeRequired", error: true });
    if (when === "now" && !window.confirm(plain("staff:notices.confirmNow", { count: count ?? 0 }))) return;
    const filled = Object.fromEntries(
      locales.flatMap((l) =>
        texts[l].title.trim() && texts[l].body.trim() ? [[l, { title: texts[l].title.trim(), body: texts[l].body.trim() }]] : [],
      ),
    ) as BroadcastInput["texts"];
    // The time is entered as a time in Japan.
    const input: BroadcastInput = {
      texts: filled,
      path,
      segment,
      sendAt: when === "now" ? null : new Date(`${at}:00+09:00`).toISOString(),
    };
    setBusy(true);
    try {
      const response = await api.api.staff.notices.$post({ json: input }, { headers: { "x-csrf-token": session.csrfToken } });
      if (response.status !== 201) throw response;
      setMessage({ key: when === "now" ? "staff:notices.sending" : "staff:notices.scheduled", error: false });
      setTexts(emptyTexts());
      onSent();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  const shown = texts[preview].title.trim() && texts[preview].body.trim() ? texts[preview] : texts.ja;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-compose`}>
      <h2 id={`${id}-compose`}>
        <T k="staff:notices.compose" />
      </h2>
      {locales.map((locale) => (
        <fieldset key={locale} className="notice-language">
          <legend>
            {languageNames[locale].label} {locale === "ja" ? plain("staff:notices.required") : plain("staff:notices.optional")}
          </legend>
          <div className="field">
            <label htmlFor={`${id}-${locale}-title`}>
              <T k="staff:notices.titleLabel" />
            </label>
            <input
              id={`${id}-${locale}-title`}
              lang={locale === "ja-easy" ? "ja" : locale}
              maxLength={80}
              value={texts[locale].title}
              required={locale === "ja"}
              onChange={(e) => setText(locale, "title", e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${locale}-body`}>
              <T k="staff:notices.bodyLabel" />
            </label>
            <textarea
              id={`${id}-${locale}-body`}
              lang={locale === "ja-easy" ? "ja" : locale}
              maxLength={300}
              rows={3}
              value={texts[locale].body}
              required={locale === "ja"}
              onChange={(e) => setText(locale, "body", e.target.value)}
            />
          </div>
        </fieldset>
      ))}
      <fieldset className="choice">
        <legend className="question-text">
          <T k="staff:notices.audience" />
        </legend>
        {(["all", "pregnant", "children"] as const).map((k) => (
          <label key={k} className="choice-option">
            <input type="radio" name={`${id}-audience`} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              <T k={`staff:notices.audiences.${k}`} values={{ ward: wardName(ward) ?? plain("staff:notices.city") }} />
            </span>
          </label>
        ))}
      </fieldset>
      {kind === "children" && (
        <div className="actions-row">
          {(
            [
              ["from", fromYears, setFromYears],
              ["to", toYears, setToYears],
            ] as const
          ).map(([which, value, set]) => (
            <div key={which} className="field small">
              <label htmlFor={`${id}-${which}`}>
                <T k={`staff:notices.${which}Years`} />
              </label>
              <select id={`${id}-${which}`} value={value} onChange={(e) => set(Number(e.target.value))}>
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
      <p role="status">{count !== null && <T k="staff:notices.audienceCount" values={{ count }} />}</p>
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
      <section aria-labelledby={`${id}-preview`} className="notice-preview">
        <h3 id={`${id}-preview`}>
          <T k="staff:notices.preview" />
        </h3>
        <div className="field small">
          <label htmlFor={`${id}-preview-locale`}>
            <T k="staff:notices.previewLanguage" />
          </label>
          <select id={`${id}-preview-locale`} value={preview} onChange={(e) => setPreview(e.target.value as Locale)}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {languageNames[l].label}
              </option>
            ))}
          </select>
        </div>
        <div className="phone-notification" lang={preview === "ja-easy" ? "ja" : preview}>
          <p className="phone-app">まちの声</p>
          <p className="phone-title">{shown.title || plain("staff:notices.previewEmpty")}</p>
          <p className="phone-body">{shown.body}</p>
        </div>
      </section>
      {message && <StatusMessage message={message} />}
      <button type="submit" className="button primary" disabled={busy} aria-busy={busy}>
        <T k={when === "now" ? "staff:notices.sendNow" : "staff:notices.schedule"} />
      </button>
    </form>
  );
}

function RunNow({ session, onDone }: { session: StaffSession; onDone: () => void }) {
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const response = await api.api.staff.notices.run.$post({}, { headers: { "x-csrf-token": session.csrfToken } });
      if (response.status !== 200) throw response;
      const summary = (await response.json()) as { planned: number; sent: number; failed: number; expired: number };
      setMessage({ key: "staff:notices.ran", values: summary, error: false });
      onDone();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="run-now">
      <h2 id="run-now">
        <T k="staff:notices.runHeading" />
      </h2>
      <p>
        <T k="staff:notices.runIntro" />
      </p>
      <button type="button" className="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        <T k="staff:notices.run" />
      </button>
      {message && <StatusMessage message={message} />}
    </section>
  );
}

function NoticeList({
  session,
  notices,
  enabled,
  onChanged,
}: {
  session: StaffSession;
  notices: Listed[];
  enabled: boolean;
  onChanged: () => void;
}) {
  const { plain } = useT();
  const [message, setMessage] = useState<StatusText | null>(null);
  const format = (iso: string) =>
    new Date(iso).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" });
  const cancel = async (notice: Listed) => {
    if (!window.confirm(plain("staff:notices.confirmCancel", { title: notice.texts?.ja.title ?? "" }))) return;
    try {
      const response = await api.api.staff.notices[":id"].cancel.$post(
        { param: { id: notice.id } },
        { headers: { "x-csrf-token": session.csrfToken } },
      );
      if (response.status !== 204) throw response;
      setMessage({ key: "staff:notices.cancelled", error: false });
      onChanged();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };
  const audienceText = (segment: Segment) => {
    const a = segment.audience;
    if (a.kind === "children") return plain("staff:notices.audienceChildren", { from: a.fromYears, to: a.toYears });
    if (a.kind === "cohort") return a.cohort;
    return plain(`staff:notices.audienceShort.${a.kind}`);
  };
  return (
    <>
      {!enabled && (
        <p className="notice">
          <T k="staff:notices.disabled" />
        </p>
      )}
      {message && <StatusMessage message={message} />}
      {notices.length === 0 ? (
        <p>
          <T k="staff:notices.none" />
        </p>
      ) : (
        <TableScroll label={plain("staff:notices.listHeading")}>
          <table>
            <thead>
              <tr>
                {(["title", "to", "sendAt", "status", "sent", "failed", "expired", "actions"] as const).map((column) => (
                  <th key={column} scope="col">
                    <T k={`staff:notices.columns.${column}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr key={n.id}>
                  <td>{n.texts?.ja.title ?? (n.item ? plain(`childcare.items.${n.item}.title`) : "")}</td>
                  <td>
                    {wardName(n.ward) ?? plain("staff:notices.city")} / {audienceText(n.segment)}
                  </td>
                  <td>{format(n.sendAt)}</td>
                  <td>
                    <T k={`staff:notices.statuses.${n.status}`} />
                  </td>
                  <td className="number">{n.sent}</td>
                  <td className="number">{n.failed}</td>
                  <td className="number">{n.expired}</td>
                  <td>
                    {n.status === "scheduled" && n.kind === "broadcast" && (
                      <button type="button" className="button" onClick={() => void cancel(n)}>
                        <T k="staff:notices.cancel" />
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
