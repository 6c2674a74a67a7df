/** The resident's settings as React state, saved to IndexedDB on every change and applied to the page. */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import type { Settings, TextSize } from "../../../shared/settings/settings";
import { switchLocale } from "../app/i18n";
import { saveSettings } from "../db/settings";

interface SettingsApi {
  settings: Settings;
  update(patch: Partial<Settings>): Promise<void>;
  /** After 「すべて削除」: the ward and area are forgotten in memory too (nothing is saved; language and text size stay for this visit). */
  forget(): void;
}

const SettingsContext = createContext<SettingsApi | null>(null);

export function applyTextSize(size: TextSize): void {
  document.documentElement.dataset.textSize = size;
}

export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  // The latest settings, read synchronously: two changes made quickly (an area, then a language, before
  // React has drawn the first) must both land, each on top of the other.
  const latest = useRef(initial);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const update = useCallback(async (patch: Partial<Settings>) => {
    const previous = latest.current;
    const next: Settings = { ...previous, ...patch };
    // A new ward's areas are different ones: the old area no longer applies.
    if (patch.ward !== undefined && patch.ward !== previous.ward && patch.area === undefined) next.area = null;
    // The choice shows at once; a new language follows as soon as its strings are loaded.
    latest.current = next;
    setSettings(next);
    applyTextSize(next.textSize);
    if (next.locale !== previous.locale) {
      try {
        await switchLocale(next.locale);
      } catch (error) {
        if (latest.current.locale === next.locale) {
          latest.current = { ...latest.current, locale: previous.locale };
          setSettings(latest.current);
        }
        throw error;
      }
    }
    // Saved one after another, each time the settings as they are now: the last write is the latest state.
    const saved = saving.current.then(() => saveSettings(latest.current));
    saving.current = saved.catch(() => {});
    await saved;
  }, []);
  const forget = useCallback(() => {
    latest.current = { ...latest.current, ward: null, area: null };
    setSettings(latest.current);
  }, []);
  const value = useMemo(() => ({ settings, update, forget }), [settings, update, forget]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsApi {
  const api = useContext(SettingsContext);
  if (!api) throw new Error("useSettings outside SettingsProvider");
  return api;
}
