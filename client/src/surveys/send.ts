/** How a survey response is sent: the outbox kind the page (outbox.ts) and the service worker (sw/sync.ts) share. */
import type { InferRequestType } from "hono/client";
import type { api } from "../app/api";
import type { OutboxItem } from "../db/schemas";
import type { OutboxKind } from "../sync/engine";
import { sendJson } from "../sync/send";

type Body = InferRequestType<(typeof api.api.surveys)[":id"]["responses"]["$post"]>["json"];

export const responseKind: Omit<OutboxKind<OutboxItem>, "store"> = {
  lock: "machikoe-outbox",
  keep: true, // sent ones stay as "my answers"
  send: (item) => sendJson("POST", `/api/surveys/${encodeURIComponent(item.surveyId)}/responses`, item.payload satisfies Body),
};
