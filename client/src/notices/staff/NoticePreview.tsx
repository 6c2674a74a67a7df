/** How a phone shows the notice, in a language chosen here; a language not written shows the Japanese, as the phone would get it. */
import { useState } from "react";
import { type Locale, languageNames, locales } from "../../../../shared/locales/locales";
import { T, useT } from "../../app/i18n/T";
import { langOf, type Texts } from "./NoticeTexts";

export function NoticePreview({ id, texts }: { id: string; texts: Texts }) {
  const { plain } = useT();
  const [preview, setPreview] = useState<Locale>("ja");
  const shown = texts[preview].title.trim() && texts[preview].body.trim() ? texts[preview] : texts.ja;
  return (
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
      <div className="phone-notification" lang={langOf(preview)}>
        <p className="phone-app">まちの声</p>
        <p className="phone-title">{shown.title || plain("staff:notices.previewEmpty")}</p>
        <p className="phone-body">{shown.body}</p>
      </div>
    </section>
  );
}
