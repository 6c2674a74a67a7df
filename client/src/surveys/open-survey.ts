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
import { answeredSurveyIds, draftFor, saveDraft } from "../db/surveys";

/** The survey as the server has it now, or null (offline, or any failure: the draft's own copy will do). */
async function currentSurvey(surveyId: string): Promise<Survey | null> {
  try {
    const response = await api.api.surveys[":id"].$get({ param: { id: surveyId } });
    return response.status === 200 ? await response.json() : null;
  } catch {
    return null;
  }
}

export type Opening =
  | { status: "loading" }
  | { status: "failed"; errorKey: string }
  | { status: "closed"; survey: Survey }
  | { status: "answered" }
  /** `revised`: the ward changed the survey's words since this draft was begun (the draft now has the new ones). */
  | { status: "ready"; draft: Draft; revised?: boolean };

export async function openSurvey(surveyId: string, codeFromLink: string | null): Promise<Opening> {
  const code = codeFromLink ? (normalizeInvitationCode(codeFromLink) ?? codeFromLink) : undefined;
  const existing = await draftFor(surveyId);
  if (existing) {
    const draft = code && !existing.invitationCode ? { ...existing, invitationCode: code } : existing;
    // Online, a draft takes the survey's current words; the resident is told they changed. Offline, it keeps its own.
    const current = await currentSurvey(surveyId);
    if (current && current.status === "open" && current.version > draft.survey.version) {
      const revised = { ...draft, survey: current, updatedAt: Date.now() };
      await saveDraft(revised);
      return { status: "ready", draft: revised, revised: true };
    }
    return { status: "ready", draft };
  }
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
