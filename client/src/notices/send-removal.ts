/**
 * How the removal of a push subscription's server record is sent: the outbox kind the page (push.ts)
 * and the service worker (sw/sync.ts) share. Once the server answered, it leaves the device.
 */
import { api } from "../app/api";
import type { PushRemovalItem } from "../db/schemas";
import type { OutboxKind } from "../sync/engine";

export const removalKind: Omit<OutboxKind<PushRemovalItem>, "store"> = {
  lock: "machikoe-push-removals",
  keep: false,
  send: async (item) => (await api.api.push.subscription.$delete({ json: item.payload })) as unknown as Response,
};
