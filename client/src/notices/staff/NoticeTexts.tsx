/** A notice's title and body in each language, Japanese required; a language left empty gets the Japanese. */
import { type Locale, languageNames, locales } from "../../../../shared/locales/locales";
import { T, useT } from "../../app/i18n/T";

export type Texts = Record<Locale, { title: string; body: string }>;
export const emptyTexts = () => Object.fromEntries(locales.map((l) => [l, { title: "", body: "" }])) as Texts;
/** The lang attribute of a locale's text (やさしい日本語 is Japanese). */
export const langOf = (locale: Locale) => (locale === "ja-easy" ? "ja" : locale);

export function NoticeTexts({ id, texts, onChange }: { id: string; texts: Texts; onChange: (texts: Texts) => void }) {
  const { plain } = useT();
  const setText = (locale: Locale, field: "title" | "body", value: string) =>
    onChange({ ...texts, [locale]: { ...texts[locale], [field]: value } });
  return locales.map((locale) => (
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
          lang={langOf(locale)}
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
          lang={langOf(locale)}
          maxLength={300}
          rows={3}
          value={texts[locale].body}
          required={locale === "ja"}
          onChange={(e) => setText(locale, "body", e.target.value)}
        />
      </div>
    </fieldset>
  ));
}
