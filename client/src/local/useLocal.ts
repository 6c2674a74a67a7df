/**
 * A ward's local data on this device: shown at once from IndexedDB (offline too), then brought up
 * to date with the changes since the last sync. A failed sync keeps what is stored and says so.
 */
import { useCallback, useEffect, useState } from "react";
import { LocalChanges } from "../../../shared/local/schemas";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";
import { applyLocalChanges, type LocalData, localData, localSyncedAt } from "../db";

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
  const [data, setData] = useState<LocalData | null>(null);
  const [busy, setBusy] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for another sync
  useEffect(() => {
    if (!ward) return;
    let current = true;
    setData(null);
    setSyncError(null);
    setBusy(true);
    void (async () => {
      const stored = await localData(ward).catch(() => null);
      if (current && stored) setData(stored);
      try {
        await syncLocal(ward);
        if (current) setData(await localData(ward));
      } catch (error) {
        if (current) setSyncError(await errorKeyOf(error));
      } finally {
        if (current) setBusy(false);
      }
    })();
    return () => {
      current = false;
    };
  }, [ward, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, syncing: busy, syncError, retry };
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
