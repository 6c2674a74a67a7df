/** 設定: ward and area, language, text size, notices, install, deleting everything. Everything but the notices' registration is kept on the device only. */
import { useId, useState } from "react";
import { type Locale, languageNames, locales } from "../../../shared/locales/locales";
import { type TextSize, textSizes } from "../../../shared/settings/settings";
import { areaName, wardName } from "../../../shared/wards/names";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { LoadState } from "../app/shell/LoadState";
import { Page } from "../app/shell/Page";
import { Inbox } from "../notices/Inbox";
import { NoticeSettings } from "../notices/NoticeSettings";
import { useAreas, useWards } from "../wards/useWards";
import { Choice } from "./Choice";
import { DeleteEverything } from "./DeleteEverything";
import { InstallSection } from "./InstallSection";
import { useSettings } from "./SettingsContext";

export function SettingsPage() {
  const { settings, update } = useSettings();
  const { locale, plain } = useT();
  const [saved, setSaved] = useState<"idle" | "saved" | "failed">("idle");
  const save = async (patch: Parameters<typeof update>[0]) => {
    try {
      await update(patch);
      setSaved("saved");
    } catch {
      setSaved("failed");
    }
  };
  const wards = useWards();
  const areas = useAreas(settings.ward);
  const wardId = useId();
  const areaId = useId();
  const areaHintId = useId();

  return (
    <Page titleKey="settings.title">
      <div className="field">
        <label htmlFor={wardId}>
          <T k="settings.ward" />
        </label>
        {wards.state.status === "ready" ? (
          <select id={wardId} value={settings.ward ?? ""} onChange={(e) => void save({ ward: e.target.value || null })}>
            <option value="">{plain("settings.wardPlaceholder")}</option>
            {wards.state.data.map((ward) => (
              <option key={ward.code} value={ward.code}>
                {plainText(wardName(ward, locale))}
              </option>
            ))}
          </select>
        ) : (
          <LoadState state={wards.state.status} failedKey="settings.wardsLoadFailed" onRetry={wards.retry} />
        )}
      </div>

      {settings.ward && (
        <div className="field">
          <label htmlFor={areaId}>
            <T k="settings.area" />
          </label>
          <p id={areaHintId} className="hint">
            <T k="settings.areaHint" />
          </p>
          {areas.state.status === "ready" ? (
            <select
              id={areaId}
              aria-describedby={areaHintId}
              value={settings.area ?? ""}
              onChange={(e) => void save({ area: e.target.value || null })}
            >
              <option value="">{plain("settings.areaNone")}</option>
              {areas.state.data.map((area) => (
                <option key={area.id} value={area.id}>
                  {plainText(areaName(area, locale))}
                </option>
              ))}
            </select>
          ) : (
            <LoadState state={areas.state.status} failedKey="settings.areasLoadFailed" onRetry={areas.retry} />
          )}
        </div>
      )}

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

      <NoticeSettings />
      <Inbox />

      <InstallSection />

      <DeleteEverything />

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
