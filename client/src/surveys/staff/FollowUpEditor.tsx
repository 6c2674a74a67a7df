/**
 * 区の対応 in the console, under a survey's results: what the ward did with them, written in the six
 * languages (Japanese required, an empty one falls back to it), saved without publishing, published to
 * residents after a confirmation, or withdrawn. Residents read it as plain text, never as HTML.
 */
import { useId, useState } from "react";
import { locales } from "../../../../shared/locales/locales";
import type { LocalizedText } from "../../../../shared/surveys/model";
import type { StaffFollowUp } from "../../../../shared/surveys/staff/follow-up";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";
import { formatDate } from "../format";

/** The text as the server takes it: empty languages left out (they fall back to Japanese). */
function cleaned(text: Record<string, string>): LocalizedText {
  return Object.fromEntries(Object.entries(text).filter(([, value]) => value.trim() !== "")) as LocalizedText;
}

export function FollowUpEditor({ surveyId, saved }: { surveyId: string; saved: StaffFollowUp | null }) {
  const id = useId();
  const { locale, plain } = useT();
  const { api } = useStaffApi();
  const [text, setText] = useState<Record<string, string>>({ ...(saved?.text ?? {}) });
  const [publishedAt, setPublishedAt] = useState(saved?.publishedAt ?? null);
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (publish: boolean, done: "saved" | "published" | "withdrawn") => {
    if (
      done !== "saved" &&
      !window.confirm(plain(done === "published" ? "staff:followUp.confirmPublish" : "staff:followUp.confirmWithdraw"))
    )
      return;
    setBusy(true);
    setMessage(null);
    try {
      const response = await api.surveys[":id"]["follow-up"].$put({ param: { id: surveyId }, json: { text: cleaned(text), publish } });
      setPublishedAt((await expectStatus(response, 200).json()).publishedAt);
      setMessage({ key: `staff:followUp.${done}` });
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="follow-up-editor">
      <h2 id={`${id}-heading`}>
        <T k="staff:followUp.heading" />
      </h2>
      <p>
        <T k="staff:followUp.explain" />
      </p>
      <p>
        {publishedAt ? (
          <T k="staff:followUp.isPublished" values={{ date: formatDate(publishedAt, locale) }} />
        ) : (
          <T k="staff:followUp.isUnpublished" />
        )}
      </p>
      {locales.map((language) => (
        <div className="field" key={language}>
          <label htmlFor={`${id}-${language}`}>
            <T k="staff:followUp.field" values={{ language: plain(`staff:editor.locales.${language}`) }} />
          </label>
          <textarea
            id={`${id}-${language}`}
            rows={language === "ja" ? 5 : 3}
            lang={language === "ja-easy" ? "ja" : language}
            required={language === "ja"}
            maxLength={2000}
            value={text[language] ?? ""}
            onChange={(e) => setText({ ...text, [language]: e.target.value })}
          />
        </div>
      ))}
      <div className="actions">
        <button type="button" className="button" disabled={busy || !text.ja?.trim()} onClick={() => void save(false, "saved")}>
          <T k="staff:followUp.save" />
        </button>
        <button type="button" className="button primary" disabled={busy || !text.ja?.trim()} onClick={() => void save(true, "published")}>
          <T k="staff:followUp.publish" />
        </button>
        {publishedAt && (
          <button type="button" className="button" disabled={busy} onClick={() => void save(false, "withdrawn")}>
            <T k="staff:followUp.withdraw" />
          </button>
        )}
      </div>
      <StatusMessage message={message} />
    </section>
  );
}
