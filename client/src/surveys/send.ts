/** How a survey response is sent: the outbox kind the page (outbox.ts) and the service worker (sw/sync.ts) share. */
import { api } from "../app/api";
import type { OutboxItem } from "../db/schemas";
import type { OutboxKind } from "../sync/engine";

export const responseKind: Omit<OutboxKind<OutboxItem>, "store"> = {
  lock: "machikoe-outbox",
  keep: true, // sent ones stay as "my answers"
  send: async (item) =>
    (await api.api.surveys[":id"].responses.$post({ param: { id: item.surveyId }, json: item.payload })) as unknown as Response,
};
