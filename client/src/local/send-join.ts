/** How a 町会 join request is sent: the outbox kind the page (joins.ts) and the service worker (sw/sync.ts) share. */
import { api } from "../app/api";
import type { JoinOutboxItem } from "../db/schemas";
import type { OutboxKind } from "../sync/engine";

export const joinKind: Omit<OutboxKind<JoinOutboxItem>, "store"> = {
  lock: "machikoe-joins",
  keep: true, // the association page shows the request's state
  send: async (item) =>
    (await api.api.associations[":id"]["join-requests"].$post({
      param: { id: item.associationId },
      json: item.payload,
    })) as unknown as Response,
};
