/**
 * A ward's local data on this device: shown at once from IndexedDB (offline too), then brought up
 * to date with the changes since the last sync (a live query: the page follows what the sync
 * stores). A failed sync keeps what is stored and says so.
 */
import { useCallback, useEffect, useState } from "react";
import { LocalChanges } from "../../../shared/local/schemas";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";
import { useStored } from "../db/live";
import { applyLocalChanges, type LocalData, localData, localSyncedAt } from "../db/local";

const syncing = new Map<string, Promise<void>>();

/** Fetches what changed since this device's last sync of the ward, and stores it. One at a time per ward. */
export function syncLocal(ward: string): Promise<void> {
  let running = syncing.get(ward);
  if (!running) {
    running = (async () => {
      const since = await localSyncedAt(ward);
      const response = await api.api.wards[":ward"].local.$get({ param: { ward }, query: since ? { since } : {} });
      if (response.status !== 200) throw response;
      await applyLocalChanges(LocalChanges.parse(await response.json()));
    })().finally(() => syncing.delete(ward));
    syncing.set(ward, running);
  }
  return running;
}

export interface LocalState {
  data: LocalData | null;
  syncing: boolean;
  /** Why the last sync failed (an error key), while stored data is shown. */
  syncError: string | null;
  retry: () => void;
}

export function useLocalData(ward: string | null): LocalState {
  // Tagged with its ward, so another ward's rows are never shown while the new ones load.
  const stored = useStored(async () => (ward ? { ward, data: await localData(ward) } : null), [ward], null);
  const [busy, setBusy] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for another sync
  useEffect(() => {
    if (!ward) return;
    let current = true;
    setSyncError(null);
    setBusy(true);
    syncLocal(ward)
      .catch(async (error: unknown) => {
        const key = await errorKeyOf(error);
        if (current) setSyncError(key);
      })
      .finally(() => {
        if (current) setBusy(false);
      });
    return () => {
      current = false;
    };
  }, [ward, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: stored?.ward === ward ? stored.data : null, syncing: busy, syncError, retry };
}

/**
 * Keeps the resident's own ward's local data on the device from the moment the ward is chosen, so
 * 通いの場 and 町会 read offline even if those pages were never opened online.
 */
export function useLocalPrefetch(ward: string | null): void {
  useEffect(() => {
    if (ward) syncLocal(ward).catch(() => {});
  }, [ward]);
}
