/**
 * The app's IndexedDB, through Dexie: the only module that touches it. Whatever it loads is
 * re-parsed with the shared schemas, so a damaged or outdated record is dropped, not trusted.
 * Schema versions only ever go up; later features add their tables in new versions.
 */
import { Dexie, type EntityTable } from "dexie";
import { Settings } from "../../../shared/settings/settings";

interface SettingsRow extends Settings {
  id: "settings";
}

class MachikoeDatabase extends Dexie {
  settings!: EntityTable<SettingsRow, "id">;

  constructor() {
    super("machikoe");
    this.version(1).stores({ settings: "id" });
  }
}

export const db = new MachikoeDatabase();

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
