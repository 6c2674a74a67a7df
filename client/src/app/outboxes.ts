/**
 * What waits on the device to go out — survey responses, 町会 join requests, push removals — starts
 * sending (sync/). Loaded by main.tsx once the first page is drawn: the join and push modules are not
 * part of the first page's script.
 */
import { joinOutbox } from "../local/joins";
import { removalOutbox } from "../notices/push";
import { responseOutbox } from "../surveys/outbox";
import { startSync } from "../sync/triggers";

export function startOutboxes(): void {
  startSync([responseOutbox, joinOutbox, removalOutbox]);
}
