/**
 * The server's VAPID key pair: from configuration (VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY), or made
 * at the first start and kept in the database, so every instance and every restart signs with the
 * same key and browsers' subscriptions stay valid. When two instances start at once, the first
 * pair stored wins and both use it.
 */
import type { Database } from "../platform/db/database";
import { generateVapidKeys, type VapidKeys, validVapidKeys } from "./sender/webpush";
import { readSetting, settleSetting } from "./store/settings";

export async function vapidKeys(database: Database, configured: VapidKeys | null): Promise<VapidKeys> {
  if (configured) {
    if (!validVapidKeys(configured)) throw new Error("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not one P-256 key pair (base64url)");
    return configured;
  }
  const stored = await readSetting(database, "vapid");
  const value = stored ?? (await database.write(settleSetting, { key: "vapid", value: JSON.stringify(generateVapidKeys()) }));
  const keys = JSON.parse(value) as VapidKeys;
  if (!validVapidKeys(keys)) throw new Error("the VAPID key pair stored in server_settings is damaged");
  return keys;
}
