/**
 * The letter's code on the paper-entry form, checked as it is typed: once the 16 characters are in, a
 * typo is caught on the spot (the code's check character), and a well-formed code is asked of the
 * server (nothing is used up): not yet entered, already answered, or not this survey's. The finding
 * is announced politely (a live region, not a second status: the form has one) and tied to the field.
 */
import { type Ref, useEffect, useId, useState } from "react";
import type { CodeCheckStatus } from "../../../../shared/surveys/code-check";
import { normalizeInvitationCode } from "../../../../shared/surveys/invitation-code";
import { T } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";

type Finding = CodeCheckStatus | "typo" | null;
const findingKey: Record<Exclude<Finding, null>, string> = {
  valid: "staff:paper.codeValid",
  used: "staff:paper.codeUsed",
  unknown: "staff:paper.codeUnknown",
  typo: "staff:paper.codeTypo",
};

export function PaperCode({
  surveyId,
  sampled,
  code,
  onCode,
  inputRef,
}: {
  surveyId: string;
  sampled: boolean;
  code: string;
  onCode: (code: string) => void;
  inputRef: Ref<HTMLInputElement>;
}) {
  const { api } = useStaffApi();
  const id = useId();
  const [finding, setFinding] = useState<Finding>(null);

  useEffect(() => {
    const raw = code.normalize("NFKC").replace(/[\s\-‐－ー]/g, "");
    const normalized = sampled ? normalizeInvitationCode(code) : null;
    if (!sampled) return;
    if (!normalized) {
      setFinding(raw.length >= 16 ? "typo" : null);
      return;
    }
    let current = true;
    setFinding(null);
    api.surveys[":id"].paper["code-check"]
      .$post({ param: { id: surveyId }, json: { code: normalized } })
      .then(async (response) => {
        if (current && response.status === 200) setFinding((await response.json()).status);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, code, surveyId, sampled]);

  const bad = finding !== null && finding !== "valid";
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k={sampled ? "staff:paper.code" : "staff:paper.codeOptional"} />
      </label>
      <input
        id={id}
        ref={inputRef}
        name="code"
        value={code}
        onChange={(event) => onCode(event.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required={sampled}
        aria-invalid={bad || undefined}
        aria-describedby={`${id}-check`}
      />
      <p id={`${id}-check`} aria-live="polite" className={bad ? "error" : finding ? "ok" : "hint"}>
        {finding && <T k={findingKey[finding]} />}
      </p>
    </div>
  );
}
