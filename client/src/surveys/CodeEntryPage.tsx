/**
 * コードを入力 (/surveys/code) and a letter's short link (/c/CODE): the code printed on the letter, typed
 * by hand (lower case, spaces, hyphens and full-width letters are all fine) or carried by the link,
 * leads to its survey with the code filled in — the link carries no survey id, the server finds it
 * by the code's hash. A used code says whom to call; offline, the surveys saved on this phone are
 * offered (CodeOffline.tsx), and the page tries again when the signal comes back.
 */
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { T } from "../app/i18n/T";
import { navigate } from "../app/router";
import { Page } from "../app/shell/Page";
import { CodeField } from "./CodeField";
import { CodeOffline } from "./CodeOffline";
import { type CodeOutcome, resolveCode, surveyPathFor } from "./resolve-code";

const messages: Partial<Record<CodeOutcome["status"], string>> = {
  invalid: "surveys.code.invalid",
  unknown: "surveys.enterCode.unknown",
};

export function CodeEntryPage({ codeFromLink }: { codeFromLink: string | null }) {
  const [value, setValue] = useState(codeFromLink ?? "");
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<CodeOutcome | null>(null);
  const typed = useRef(value);
  typed.current = value;

  const check = useCallback(async (text: string) => {
    setChecking(true);
    const result = await resolveCode(text);
    setChecking(false);
    if (result.status === "valid") navigate(surveyPathFor(result.surveyId, result.code), { replace: true });
    else setOutcome(result);
  }, []);

  // The short link checks its code at once; offline, again as soon as the signal is back.
  useEffect(() => {
    if (codeFromLink) void check(codeFromLink);
  }, [codeFromLink, check]);
  const offline = outcome?.status === "offline";
  useEffect(() => {
    if (!offline) return;
    const again = () => void check(typed.current);
    window.addEventListener("online", again);
    return () => window.removeEventListener("online", again);
  }, [offline, check]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void check(value);
  };
  const errorKey = outcome?.status === "failed" ? outcome.errorKey : outcome ? messages[outcome.status] : undefined;

  return (
    <Page titleKey="surveys.enterCode.title">
      <p className="lead">
        <T k="surveys.enterCode.intro" />
      </p>
      <form onSubmit={submit} noValidate>
        <CodeField
          id="letter-code"
          hintKey="surveys.enterCode.hint"
          value={value}
          errorKey={errorKey ?? null}
          check={checking ? "checking" : outcome?.status === "used" ? "used" : "idle"}
          ward={outcome?.status === "used" ? outcome.ward : null}
          onChange={(next) => {
            setValue(next);
            setOutcome(null);
          }}
        />
        <button type="submit" className="button primary" disabled={checking}>
          <T k="surveys.enterCode.submit" />
        </button>
      </form>
      {outcome?.status === "offline" && <CodeOffline code={outcome.code} saved={outcome.saved} onRetry={() => void check(value)} />}
    </Page>
  );
}
