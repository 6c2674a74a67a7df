/**
 * The survey outbox on the page: every queued response is sent with its own id until the server
 * answers for it (sync/engine.ts), and the outbox as live React state for "my answers" and receipts.
 */
import { useStored } from "../db/live";
import type { OutboxItem } from "../db/schemas";
import { outboxItems, responseQueue } from "../db/surveys";
import { createOutbox } from "../sync/engine";
import { responseKind } from "./send";

export const responseOutbox = createOutbox({ ...responseKind, store: responseQueue });

/** Sends what waits (the 「今すぐ送信」 button and the sync triggers). */
export const flushOutbox = () => responseOutbox.flush();

/** The outbox, newest first, updated when any tab changes it; null while it loads. */
export function useOutbox(): OutboxItem[] | null {
  return useStored(outboxItems, [], []) ?? null;
}
