/**
 * The server's key for what a device sends with a response: its response id (kept only to make
 * repeats idempotent), the secret kept with its draft and its poll device mark are stored as keyed
 * hashes (HMAC-SHA-256) under it, so what a phone holds finds no row without the key. Made once (by
 * migration 0018, or at the first start) and kept in server_settings, like the VAPID keys.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { readSetting, settleSetting } from "../notices/store/settings";
import type { Database } from "../platform/db/database";
import type { DB } from "../platform/db/schema";

export const responseKeySetting = "responses.key";

export type ResponseKey = Buffer;

export const keyedHash = (key: ResponseKey, text: string): string => createHmac("sha256", key).update(text).digest("hex");

/** A new key's stored form: 32 random bytes, hex. */
export const newResponseKey = (): string => randomBytes(32).toString("hex");

const keyOf = (value: string): ResponseKey => {
  if (!/^[0-9a-f]{64}$/.test(value)) throw new Error(`the key stored in server_settings as ${responseKeySetting} is damaged`);
  return Buffer.from(value, "hex");
};

const cache = new WeakMap<Database, Promise<ResponseKey>>();

/** The key, read once per database (every instance reads the same stored one; the first stored wins). */
export function responseKey(database: Database): Promise<ResponseKey> {
  let key = cache.get(database);
  if (!key) {
    key = (async () => {
      const stored = await readSetting(database, responseKeySetting);
      return keyOf(stored ?? (await database.write(settleSetting, { key: responseKeySetting, value: newResponseKey() })));
    })();
    key.catch(() => cache.delete(database));
    cache.set(database, key);
  }
  return key;
}

/** The key read inside a write (the demo data's); the migration has made it. */
export async function responseKeyIn(trx: Kysely<DB>): Promise<ResponseKey> {
  const row = await trx.selectFrom("serverSettings").select("value").where("key", "=", responseKeySetting).executeTakeFirst();
  if (!row) throw new Error(`no ${responseKeySetting} in server_settings: migration 0018 makes it`);
  return keyOf(row.value);
}
