/**
 * A letter's code, from its short link (/c/CODE) or typed by hand on the コードを入力 page, to its
 * survey: checked here first (the check character catches typos before anything is sent), then
 * found by the server (POST /api/surveys/codes/resolve). Without a signal the server cannot be asked:
 * the open sampled surveys saved on this phone are offered instead, the code to be checked on sending.
 */
import { normalizeInvitationCode } from "../../../shared/surveys/invitation-code";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";
import { savedOpenSampledSurveys } from "../db/saved-surveys";
import type { SavedSurvey } from "../db/schemas";

export type CodeOutcome =
  | { status: "valid"; surveyId: string; code: string }
  | { status: "used"; ward: string | null }
  /** Not a code at all: the check character or the letters are wrong. */
  | { status: "invalid" }
  /** Well-formed, but no survey takes it. */
  | { status: "unknown" }
  | { status: "offline"; code: string; saved: SavedSurvey[] }
  | { status: "failed"; errorKey: string };

/** What a resident typed, as a code: a whole link pasted in is cut to its code. */
export const typedCode = (typed: string): string | null => normalizeInvitationCode(typed.trim().replace(/^.*\/c\//s, ""));

export async function resolveCode(typed: string): Promise<CodeOutcome> {
  const code = typedCode(typed);
  if (!code) return { status: "invalid" };
  let response: Response;
  try {
    response = (await api.api.surveys.codes.resolve.$post({ json: { code } })) as unknown as Response;
  } catch {
    return { status: "offline", code, saved: await savedOpenSampledSurveys() };
  }
  if (response.status !== 200) return { status: "failed", errorKey: await errorKeyOf(response) };
  const found = (await response.json()) as { status: "valid" | "used" | "unknown"; surveyId?: string; ward?: string | null };
  if (found.status === "valid" && found.surveyId) return { status: "valid", surveyId: found.surveyId, code };
  if (found.status === "used") return { status: "used", ward: found.ward ?? null };
  return { status: "unknown" };
}

/** The survey page for a code: the code goes in the query, as the flow's code screen reads it. */
export const surveyPathFor = (surveyId: string, code: string): string => `/surveys/${surveyId}?code=${encodeURIComponent(code)}`;
