/** The resident's settings as React state, saved to IndexedDB on every change and applied to the page. */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { Settings, TextSize } from "../../../shared/settings/settings";
import { saveSettings } from "../db";
import { switchLocale } from "../i18n";

interface SettingsApi {
  settings: Settings;
  update(patch: Partial<Settings>): Promise<void>;
}

const SettingsContext = createContext<SettingsApi | null>(null);

export function applyTextSize(size: TextSize): void {
  document.documentElement.dataset.textSize = size;
}

export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      const next: Settings = { ...settings, ...patch };
      // A new ward's areas are different ones: the old area no longer applies.
      if (patch.ward !== undefined && patch.ward !== settings.ward && patch.area === undefined) next.area = null;
      if (next.locale !== settings.locale) await switchLocale(next.locale);
      applyTextSize(next.textSize);
      setSettings(next);
      await saveSettings(next);
    },
    [settings],
  );
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsApi {
  const api = useContext(SettingsContext);
  if (!api) throw new Error("useSettings outside SettingsProvider");
  return api;
}
