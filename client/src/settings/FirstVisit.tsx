/**
 * The first visit: before anything else the app asks for the resident's ward (in the city's official
 * order, from the bundled reference data, so it works without a signal) and, optionally, the 地域.
 * Shown on the survey list until a ward is chosen or the resident goes on without one; 設定 changes
 * it later. Nothing leaves the device.
 */
import { type FormEvent, useId, useState } from "react";
import { wardRecords } from "../../../shared/wards/data";
import { areaName, wardName } from "../../../shared/wards/names";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { LoadState } from "../app/shell/LoadState";
import { useStored } from "../db/live";
import { metaValue, setMetaValue } from "../db/meta";
import { useAreas } from "../wards/useWards";
import { useSettings } from "./SettingsContext";

const doneKey = "firstVisit:done";

/**
 * Whether the first-visit question still waits: no ward yet, and the resident has not gone on without one;
 * undefined for the moment the device is being asked (the page waits, rather than showing the question
 * above what it has drawn and pushing it down).
 */
export function useFirstVisit(): boolean | undefined {
  const { settings } = useSettings();
  const done = useStored(() => metaValue(doneKey), [], "1");
  if (settings.ward !== null) return false;
  return done === undefined ? undefined : done === null;
}

export function FirstVisit() {
  const { update } = useSettings();
  const { locale, plain } = useT();
  const [ward, setWard] = useState("");
  const [area, setArea] = useState("");
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const areas = useAreas(ward || null);
  const ids = { heading: useId(), ward: useId(), area: useId(), areaHint: useId() };

  const finish = async (choice: { ward: string; area: string } | null) => {
    try {
      if (choice) await update({ ward: choice.ward, area: choice.area || null });
      await setMetaValue(doneKey, "1");
      // This section goes away with the button that had focus: focus moves to the page, whose list is now the ward's.
      document.getElementById("main")?.focus();
    } catch {
      setErrorKey("errors.network");
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ward) return setErrorKey("welcome.wardRequired");
    void finish({ ward, area });
  };

  return (
    <section className="notice first-visit" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>
        <T k="welcome.title" />
      </h2>
      <p>
        <T k="welcome.intro" />
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={ids.ward}>
            <T k="settings.ward" />
          </label>
          <select
            id={ids.ward}
            value={ward}
            aria-invalid={errorKey === "welcome.wardRequired" ? true : undefined}
            onChange={(e) => {
              setWard(e.target.value);
              setArea("");
              setErrorKey(null);
            }}
          >
            <option value="">{plain("settings.wardPlaceholder")}</option>
            {wardRecords.map((record) => (
              <option key={record.code} value={record.code}>
                {plainText(wardName(record, locale))}
              </option>
            ))}
          </select>
        </div>
        {ward && (
          <div className="field">
            <label htmlFor={ids.area}>
              <T k="settings.area" />
            </label>
            <p id={ids.areaHint} className="hint">
              <T k="settings.areaHint" />
            </p>
            {areas.state.status === "ready" ? (
              <select id={ids.area} aria-describedby={ids.areaHint} value={area} onChange={(e) => setArea(e.target.value)}>
                <option value="">{plain("settings.areaNone")}</option>
                {areas.state.data.map((a) => (
                  <option key={a.id} value={a.id}>
                    {plainText(areaName(a, locale))}
                  </option>
                ))}
              </select>
            ) : (
              <LoadState state={areas.state.status} failedKey="settings.areasLoadFailed" onRetry={areas.retry} />
            )}
          </div>
        )}
        <p role="alert" className={errorKey ? "error" : undefined}>
          {errorKey && <T k={errorKey} />}
        </p>
        <div className="actions-row">
          <button type="submit" className="button primary">
            <T k="welcome.continue" />
          </button>
          <button type="button" className="button" onClick={() => void finish(null)}>
            <T k="welcome.skip" />
          </button>
        </div>
      </form>
    </section>
  );
}
