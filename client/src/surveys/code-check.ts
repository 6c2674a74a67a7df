/**
 * Asking the server whether a letter's code is still good before the first question (POST
 * /api/surveys/:id/invitations/check), which uses nothing up. Offline the answer is "offline": the
 * resident goes on, and the code is checked when the answers are sent.
 */
import type { CodeCheckStatus } from "../../../shared/surveys/code-check";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";

export type CodeCheckOutcome = CodeCheckStatus | "offline" | { errorKey: string };

export async function checkCode(surveyId: string, code: string): Promise<CodeCheckOutcome> {
  const response = await api.api.surveys[":id"].invitations.check.$post({ param: { id: surveyId }, json: { code } }).catch(() => null);
  if (response === null) return "offline";
  if (response.status === 200) return (await response.json()).status;
  return { errorKey: await errorKeyOf(response) };
}
