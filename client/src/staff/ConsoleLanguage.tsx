/**
 * The console's language, chosen where staff are (the same setting as the residents' 設定, kept on the
 * device): each language named in itself, so a staff member finds theirs whatever shows now.
 */
import { useId } from "react";
import { type Locale, languageNames, locales } from "../../../shared/locales/locales";
import { T, useT } from "../app/i18n/T";
import { useSettings } from "../settings/SettingsContext";

export function ConsoleLanguage() {
  const id = useId();
  const { locale } = useT();
  const { update } = useSettings();
  return (
    <div className="console-language">
      <label htmlFor={id}>
        <T k="staff:session.language" />
      </label>
      <select id={id} value={locale} onChange={(e) => void update({ locale: e.target.value as Locale })}>
        {locales.map((l) => (
          <option key={l} value={l} lang={languageNames[l].lang}>
            {languageNames[l].label}
          </option>
        ))}
      </select>
    </div>
  );
}
