/** The resident's settings (ward, area, language, text size): one row, re-parsed when loaded. */
import { Settings } from "../../../shared/settings/settings";
import { db } from "./database";

export async function loadSettings(): Promise<Settings | null> {
  const row = await db.settings.get("settings");
  if (!row) return null;
  const { id: _id, ...fields } = row;
  const parsed = Settings.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await db.settings.put({ id: "settings", ...Settings.parse(settings) });
}
