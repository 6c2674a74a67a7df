/**
 * The answering flow's state: which screens there are (the invitation code, each visible question,
 * the profile, the review), where the resident is, checking before moving on (a letter's code with
 * the server, code-check.ts, unless offline), and sending. Every
 * change is saved to the draft in IndexedDB at once, so a reload resumes on the same screen.
 * Sending moves the draft to the outbox and tries it at once (sync/triggers.ts).
 */
import { useState } from "react";
import { randomSecret } from "../../../shared/ids";
import { checkAnswers, visibleQuestions, withoutHiddenAnswers } from "../../../shared/surveys/answers";
import { normalizeInvitationCode } from "../../../shared/surveys/invitation-code";
import { deviceId } from "../db/meta";
import type { Draft } from "../db/schemas";
import { queueResponse, saveDraft } from "../db/surveys";
import { sendSoon } from "../sync/triggers";
import { checkCode } from "./code-check";
import { responseOutbox } from "./outbox";

/** The screens of a draft, in order: "code", "q:<id>" for each visible question, "profile", "review". */
export function screensOf(draft: Draft): string[] {
  const { survey } = draft;
  return [
    ...(survey.kind === "sampled" ? ["code"] : []),
    ...visibleQuestions(survey.definition, draft.answers).map((q) => `q:${q.id}`),
    ...(survey.definition.profile.length > 0 ? ["profile"] : []),
    "review",
  ];
}

export function useSurveyFlow(initial: Draft, onSent: (id: string) => void) {
  const [draft, setDraft] = useState(initial);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [codeInput, setCodeInputState] = useState(initial.invitationCode ?? "");
  /** The code screen's check: running, or the server said the code was used (UsedCode.tsx shows whom to call). */
  const [codeCheck, setCodeCheck] = useState<"idle" | "checking" | "used">("idle");
  const { survey } = draft;
  const definition = survey.definition;
  const screens = screensOf(draft);
  const screen = screens.includes(draft.screen) ? draft.screen : (screens[0] as string);
  const index = screens.indexOf(screen);

  const update = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    void saveDraft(next);
  };
  const go = (to: string) => {
    setErrorKey(null);
    update({ screen: to });
  };
  const setCodeInput = (value: string) => {
    setCodeInputState(value);
    setCodeCheck("idle");
  };
  const next = async () => {
    if (screen === "code") {
      if (codeCheck === "checking") return;
      const code = normalizeInvitationCode(codeInput);
      if (!code) return setErrorKey("surveys.code.invalid");
      setCodeInputState(code);
      setErrorKey(null);
      setCodeCheck("checking");
      const outcome = await checkCode(survey.id, code);
      setCodeCheck(outcome === "used" ? "used" : "idle");
      if (outcome === "used") return;
      if (outcome === "unknown") return setErrorKey("surveys.code.unknown");
      if (typeof outcome === "object") return setErrorKey(outcome.errorKey);
      // Valid, or no signal: then the server checks it when the answers are sent.
      return update({ invitationCode: code, screen: screens[index + 1] as string });
    }
    if (screen.startsWith("q:")) {
      const id = screen.slice(2);
      const issue = checkAnswers(definition, withoutHiddenAnswers(definition, draft.answers), draft.profile).find((i) => i.question === id);
      if (issue) return setErrorKey(`surveys.issues.${issue.code}`);
    }
    go(screens[index + 1] as string);
  };
  const back = () => index > 0 && go(screens[index - 1] as string);

  const send = async () => {
    const answers = withoutHiddenAnswers(definition, draft.answers);
    if (checkAnswers(definition, answers, draft.profile).length > 0) return setErrorKey("surveys.review.fixFirst");
    await queueResponse({
      id: draft.id,
      surveyId: survey.id,
      surveyTitle: definition.title,
      resultsPublic: survey.kind === "poll" && survey.resultsPublic,
      ward: survey.ward,
      payload: {
        id: draft.id,
        answers,
        profile: draft.profile,
        ...(survey.kind === "sampled" && draft.invitationCode ? { invitationCode: draft.invitationCode } : {}),
        ...(survey.kind === "poll" ? { deviceId: await deviceId() } : {}),
        // Kept in the outbox with the answers, so every retry carries it: a repeat that shows it gets the receipt.
        secret: randomSecret(),
      },
    });
    onSent(draft.id);
    void sendSoon(responseOutbox);
  };

  return { draft, screens, screen, index, errorKey, setErrorKey, codeInput, setCodeInput, codeCheck, update, go, next, back, send };
}
