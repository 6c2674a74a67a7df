/** 設定: ward and area, language, text size, install. Everything is kept on the device only. */
import { useState } from "react";
import { type Locale, languageNames, locales } from "../../../shared/locales/locales";
import { type TextSize, textSizes } from "../../../shared/settings/settings";
import { T } from "../app/i18n/T";
import { Page } from "../app/shell/Page";
import { Choice } from "./Choice";
import { InstallSection } from "./InstallSection";
import { useSettings } from "./SettingsContext";
import { WardAreaFields } from "./WardAreaFields";

export function SettingsPage() {
  const { settings, update } = useSettings();
  const [saved, setSaved] = useState<"idle" | "saved" | "failed">("idle");
  const save = async (patch: Parameters<typeof update>[0]) => {
    try {
      await update(patch);
      setSaved("saved");
    } catch {
      setSaved("failed");
    }
  };

  return (
    <Page titleKey="settings.title">
      <WardAreaFields settings={settings} save={save} />

      <Choice
        legend={<T k="settings.language" />}
        name="locale"
        value={settings.locale}
        options={locales.map((l) => ({ value: l, label: languageNames[l].label, lang: languageNames[l].lang }))}
        onChange={(value) => void save({ locale: value as Locale })}
      />

      <Choice
        legend={<T k="settings.textSize" />}
        name="textSize"
        value={settings.textSize}
        options={textSizes.map((size) => ({ value: size, label: <T k={`settings.textSizes.${size}`} />, className: `size-${size}` }))}
        onChange={(value) => void save({ textSize: value as TextSize })}
      />

      <p className="visually-hidden" role="status">
        {saved === "saved" && <T k="settings.saved" />}
      </p>
      {saved === "failed" && (
        <p className="error" role="alert">
          <T k="errors.network" />
        </p>
      )}

      <InstallSection />

      <section aria-labelledby="about-heading" className="about">
        <h2 id="about-heading">
          <T k="settings.about" />
        </h2>
        <p>
          <T k="settings.privacy" />
        </p>
        <p>
          <T k="settings.version" values={{ version: __APP_VERSION__ }} />
        </p>
      </section>
    </Page>
  );
}
