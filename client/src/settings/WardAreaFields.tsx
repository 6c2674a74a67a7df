/** 設定: the resident's ward, then the 地域 within it (optional), as the API lists them. */
import { useId } from "react";
import type { Settings } from "../../../shared/settings/settings";
import { areaName, wardName } from "../../../shared/wards/names";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { LoadState } from "../app/shell/LoadState";
import { useAreas, useWards } from "../wards/useWards";

export function WardAreaFields({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => Promise<void> }) {
  const { locale, plain } = useT();
  const wards = useWards();
  const areas = useAreas(settings.ward);
  const wardId = useId();
  const areaId = useId();
  const areaHintId = useId();
  return (
    <>
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
    </>
  );
}
