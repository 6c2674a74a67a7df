/** Small values kept by key: this device's id, each ward's last local sync, the last push registration. */
import { db } from "./database";

export async function metaValue(key: string): Promise<string | null> {
  return (await db.meta.get(key))?.value ?? null;
}

export async function setMetaValue(key: string, value: string | null): Promise<void> {
  if (value === null) await db.meta.delete(key);
  else await db.meta.put({ key, value });
}

/** This device's id, made once: polls take one response per device. It says nothing about the person. */
export async function deviceId(): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const row = await db.meta.get("deviceId");
    if (row) return row.value;
    const value = crypto.randomUUID();
    await db.meta.put({ key: "deviceId", value });
    return value;
  });
}
