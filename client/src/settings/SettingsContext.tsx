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
      const previous = settings;
      const next: Settings = { ...previous, ...patch };
      // A new ward's areas are different ones: the old area no longer applies.
      if (patch.ward !== undefined && patch.ward !== previous.ward && patch.area === undefined) next.area = null;
      // The choice shows at once; a new language follows as soon as its strings are loaded.
      setSettings(next);
      applyTextSize(next.textSize);
      if (next.locale !== previous.locale) {
        try {
          await switchLocale(next.locale);
        } catch (error) {
          setSettings((current) => ({ ...current, locale: previous.locale }));
          throw error;
        }
      }
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
