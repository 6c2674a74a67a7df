/**
 * Opening a survey to answer: the draft on this device (resumed on its screen), or — unless this
 * device already answered — a new draft from the server's survey, with its response id made now
 * and kept through every retry.
 */
import { uuidv7 } from "../../../shared/ids";
import { normalizeInvitationCode } from "../../../shared/surveys/invitation-code";
import type { Survey } from "../../../shared/surveys/model";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";
import type { Draft } from "../db/schemas";
import { answeredSurveyIds, draftFor } from "../db/surveys";

export type Opening =
  | { status: "loading" }
  | { status: "failed"; errorKey: string }
  | { status: "closed"; survey: Survey }
  | { status: "answered" }
  | { status: "ready"; draft: Draft };

export async function openSurvey(surveyId: string, codeFromLink: string | null): Promise<Opening> {
  const code = codeFromLink ? (normalizeInvitationCode(codeFromLink) ?? codeFromLink) : undefined;
  const existing = await draftFor(surveyId);
  if (existing) return { status: "ready", draft: code && !existing.invitationCode ? { ...existing, invitationCode: code } : existing };
  if ((await answeredSurveyIds()).has(surveyId)) return { status: "answered" };
  try {
    const response = await api.api.surveys[":id"].$get({ param: { id: surveyId } });
    if (response.status !== 200) return { status: "failed", errorKey: await errorKeyOf(response) };
    const survey = await response.json();
    if (survey.status !== "open" || Date.parse(survey.closesAt) <= Date.now()) return { status: "closed", survey };
    const first = survey.kind === "sampled" ? "code" : `q:${survey.definition.questions[0]?.id}`;
    return {
      status: "ready",
      draft: {
        id: uuidv7(),
        surveyId,
        survey,
        answers: {},
        profile: {},
        ...(code ? { invitationCode: code } : {}),
        screen: first,
        updatedAt: Date.now(),
      },
    };
  } catch (error) {
    return { status: "failed", errorKey: await errorKeyOf(error) };
  }
}
