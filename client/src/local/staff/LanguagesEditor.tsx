/**
 * The translations and readings of a local item, in its form: its name and text (備考, 活動内容 or 説明) in
 * each of the five other languages, all optional, and the furigana the server made on saving, which
 * staff may correct (kept while the Japanese stays the same).
 */
import { translatedLocales } from "../../../../shared/local/translations";
import { languageNames } from "../../../../shared/locales/locales";
import { T, useT } from "../../app/i18n/T";
import type { Kind } from "./localKinds";

/** The field whose translations are the item's text. */
export const textKeyOf = (kind: Kind) => (kind === "councils" ? "activities" : kind === "meetings" ? "agenda" : "notes");

type Value = Record<string, unknown>;
type Parts = { name?: string; text?: string };

export function LanguagesEditor({ kind, id, value, set }: { kind: Kind; id: string; value: Value; set: (value: Value) => void }) {
  const { plain } = useT();
  const textKey = textKeyOf(kind);
  const field = plain(`staff:local.fields.${textKey}`);
  const translations = (value.translations ?? {}) as Record<string, Parts>;
  const furigana = (value.furigana ?? {}) as Parts;
  const reading = value.reading as { kana: string; romaji: string } | undefined;
  const setTranslation = (locale: string, part: keyof Parts, text: string) =>
    set({ ...value, translations: { ...translations, [locale]: { ...translations[locale], [part]: text } } });
  return (
    <fieldset className="local-languages">
      <legend>
        <T k="staff:local.languages.heading" />
      </legend>
      <p className="hint">
        <T k="staff:local.languages.intro" />
      </p>
      <p className="hint">
        <T k="staff:local.languages.example" /> <code lang="ja">{"{扇町|おうぎまち}"}</code>
      </p>
      {translatedLocales.map((locale) => {
        const language = languageNames[locale].label;
        return (
          <div key={locale} className="field wide">
            <label htmlFor={`${id}-${locale}-name`}>
              <T k="staff:local.languages.name" values={{ language }} />
            </label>
            <input
              id={`${id}-${locale}-name`}
              lang={languageNames[locale].lang}
              maxLength={200}
              value={translations[locale]?.name ?? ""}
              onChange={(e) => setTranslation(locale, "name", e.target.value)}
            />
            <label htmlFor={`${id}-${locale}-text`}>
              <T k="staff:local.languages.text" values={{ field, language }} />
            </label>
            <textarea
              id={`${id}-${locale}-text`}
              lang={languageNames[locale].lang}
              rows={2}
              maxLength={4000}
              value={translations[locale]?.text ?? ""}
              onChange={(e) => setTranslation(locale, "text", e.target.value)}
            />
          </div>
        );
      })}
      {value.furigana !== undefined && (
        <div className="field wide">
          <label htmlFor={`${id}-furigana-name`}>
            <T k="staff:local.languages.furiganaName" />
          </label>
          <input
            id={`${id}-furigana-name`}
            lang="ja"
            maxLength={1000}
            value={furigana.name ?? ""}
            onChange={(e) => set({ ...value, furigana: { ...furigana, name: e.target.value } })}
          />
          <label htmlFor={`${id}-furigana-text`}>
            <T k="staff:local.languages.furiganaText" values={{ field }} />
          </label>
          <textarea
            id={`${id}-furigana-text`}
            lang="ja"
            rows={3}
            maxLength={16000}
            value={furigana.text ?? ""}
            onChange={(e) => set({ ...value, furigana: { ...furigana, text: e.target.value } })}
          />
          {reading && (
            <p className="hint">
              <T k="staff:local.languages.reading" values={{ kana: reading.kana, romaji: reading.romaji }} />
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
