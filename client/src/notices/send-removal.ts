/**
 * How the removal of a push subscription's server record is sent: the outbox kind the page (push.ts)
 * and the service worker (sw/sync.ts) share. Once the server answered, it leaves the device.
 */
import type { InferRequestType } from "hono/client";
import type { api } from "../app/api";
import type { PushRemovalItem } from "../db/schemas";
import type { OutboxKind } from "../sync/engine";
import { sendJson } from "../sync/send";

type Body = InferRequestType<typeof api.api.push.subscription.$delete>["json"];

export const removalKind: Omit<OutboxKind<PushRemovalItem>, "store"> = {
  lock: "machikoe-push-removals",
  keep: false,
  send: (item) => sendJson("DELETE", "/api/push/subscription", item.payload satisfies Body),
};
