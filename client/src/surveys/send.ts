/** Sending one outbox item, used by the page and by the service worker's Background Sync. */
import type { AnswerIssue, Receipt } from "../../../shared/surveys/answers";
import { api } from "../app/api";
import type { OutboxItem } from "../db/schemas";

export type SendOutcome =
  | { kind: "sent"; receipt: Receipt }
  | { kind: "refused"; code: string; issues?: AnswerIssue[] }
  | { kind: "retry" };

/** A receipt, a refusal to keep under "needs attention", or "try again later" (no connection, 5xx, 408, 429). */
export async function sendOne(item: OutboxItem): Promise<SendOutcome> {
  try {
    const response = await api.api.surveys[":id"].responses.$post({ param: { id: item.surveyId }, json: item.payload });
    // Refusals come from the catalog, not from the route's typed answers, so the status is read as a number.
    const status: number = response.status;
    if (response.status === 200 || response.status === 201) return { kind: "sent", receipt: await response.json() };
    if (status === 408 || status === 429 || status >= 500) return { kind: "retry" };
    const body = (await (response as Response).json().catch(() => null)) as {
      error?: { code?: string; details?: { issues?: AnswerIssue[] } };
    } | null;
    const issues = body?.error?.details?.issues;
    return { kind: "refused", code: body?.error?.code ?? "internal.error", ...(issues ? { issues } : {}) };
  } catch {
    return { kind: "retry" };
  }
}
