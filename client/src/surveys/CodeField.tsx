/**
 * The field for the code printed on a letter, on a sampled survey's code screen and on コードを入力
 * (CodeEntryPage.tsx, with its own id and hint): while the server checks it, a status; a used code, the
 * explanation and whom to call (UsedCode.tsx).
 */
import { T } from "../app/i18n/T";
import { UsedCode } from "./UsedCode";

interface Props {
  /** The input's id (the hint's is this with -hint). */
  id?: string;
  hintKey?: string;
  value: string;
  errorKey: string | null;
  check: "idle" | "checking" | "used";
  ward: string | null;
  onChange: (value: string) => void;
}

export function CodeField({ id = "invitation-code", hintKey = "surveys.code.hint", value, errorKey, check, ward, onChange }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k="surveys.code.label" />
      </label>
      <p id={`${id}-hint`} className="hint">
        <T k={hintKey} />
      </p>
      <input
        id={id}
        className="code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        aria-invalid={errorKey || check === "used" ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <p role="status" className="hint">
        {check === "checking" && <T k="surveys.code.checking" />}
      </p>
      <div role="alert">
        {errorKey && (
          <p className="error">
            <T k={errorKey} />
          </p>
        )}
        {check === "used" && <UsedCode ward={ward} />}
      </div>
    </div>
  );
}
