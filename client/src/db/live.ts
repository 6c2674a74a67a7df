/**
 * Live queries for React, through dexie-react-hooks: the component re-renders when any tab changes
 * what the query read. The features' one door to it (only db/ and sync/ import Dexie). Writes the
 * service worker makes with plain IndexedDB are not seen: pass a value in `deps` that it bumps.
 */
import { useLiveQuery } from "dexie-react-hooks";

/** The query's result; undefined while it first loads; `fallback` if it fails (IndexedDB unavailable). */
export function useStored<T>(query: () => Promise<T>, deps: readonly unknown[], fallback: T): T | undefined {
  return useLiveQuery(() => query().catch(() => fallback), [...deps]);
}
