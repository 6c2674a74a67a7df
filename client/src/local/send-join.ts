/** How a 町会 join request is sent: the outbox kind the page (joins.ts) and the service worker (sw/sync.ts) share. */
import type { InferRequestType } from "hono/client";
import type { api } from "../app/api";
import type { JoinOutboxItem } from "../db/join-schemas";
import type { OutboxKind } from "../sync/engine";
import { sendJson } from "../sync/send";

type Body = InferRequestType<(typeof api.api.associations)[":id"]["join-requests"]["$post"]>["json"];

export const joinKind: Omit<OutboxKind<JoinOutboxItem>, "store"> = {
  lock: "machikoe-joins",
  keep: true, // the association page shows the request's state
  send: (item) =>
    sendJson("POST", `/api/associations/${encodeURIComponent(item.associationId)}/join-requests`, item.payload satisfies Body),
};
