/**
 * Opening a survey to answer: the draft on this device (resumed on its screen), or — unless this
 * device already answered — a new draft from the server's survey, with its response id made now
 * and kept through every retry. Without a signal, the survey saved from the list (keep-offline.ts)
 * does instead; a survey never saved on this phone says so plainly.
 */
import { uuidv7 } from "../../../shared/ids";
import { normalizeInvitationCode } from "../../../shared/surveys/invitation-code";
import type { Survey } from "../../../shared/surveys/model";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";
import { markOpened, savedSurvey } from "../db/saved-surveys";
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
  /** Offline, and the survey was never saved on this phone (a first visit without signal). */
  | { status: "notOnDevice" }
  /** `revised`: the ward changed the survey's words since this draft was begun (the draft now has the new ones). */
  | { status: "ready"; draft: Draft; revised?: boolean };

export async function openSurvey(surveyId: string, codeFromLink: string | null): Promise<Opening> {
  const code = codeFromLink ? (normalizeInvitationCode(codeFromLink) ?? codeFromLink) : undefined;
  const existing = await draftFor(surveyId);
  if (existing) {
    await markOpened(surveyId);
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
  const saved = await savedSurvey(surveyId);
  let survey: Survey;
  try {
    const response = await api.api.surveys[":id"].$get({ param: { id: surveyId } });
    if (response.status !== 200) return { status: "failed", errorKey: await errorKeyOf(response) };
    survey = await response.json();
  } catch {
    // No signal: the copy saved from the list, if this phone has one.
    if (!saved) return { status: "notOnDevice" };
    survey = saved.survey;
  }
  if (survey.status !== "open" || Date.parse(survey.closesAt) <= Date.now()) return { status: "closed", survey };
  await markOpened(surveyId);
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
      ...(saved && saved.areas.length > 0 ? { areas: saved.areas } : {}),
      screen: first,
      updatedAt: Date.now(),
    },
  };
}
