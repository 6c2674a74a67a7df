/**
 * 町会 join requests on their way, like survey responses (sync/engine.ts): each keeps its id until
 * the server has acknowledged it (a repeat gets the first receipt); sent at start, on reconnect,
 * when the app is shown again, and right after it is queued.
 */

import type { JoinOutboxItem } from "../db/join-schemas";
import { useStored } from "../db/live";
import { joinOutboxItems, joinQueue } from "../db/local";
import { createOutbox } from "../sync/engine";
import { joinKind } from "./send-join";

export const joinOutbox = createOutbox({ ...joinKind, store: joinQueue });

/** This device's join requests, newest first, live; null while they load. */
export function useJoins(): JoinOutboxItem[] | null {
  return useStored(joinOutboxItems, [], []) ?? null;
}
