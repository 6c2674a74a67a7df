/**
 * The invitation code screen of a sampled survey (the code printed on the letter): while the server
 * checks it, a status; a used code, the explanation and whom to call (UsedCode.tsx).
 */
import { T } from "../app/i18n/T";
import { UsedCode } from "./UsedCode";

interface Props {
  value: string;
  errorKey: string | null;
  check: "idle" | "checking" | "used";
  ward: string | null;
  onChange: (value: string) => void;
}

export function CodeField({ value, errorKey, check, ward, onChange }: Props) {
  return (
    <div className="field">
      <label htmlFor="invitation-code">
        <T k="surveys.code.label" />
      </label>
      <p id="invitation-code-hint" className="hint">
        <T k="surveys.code.hint" />
      </p>
      <input
        id="invitation-code"
        className="code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby="invitation-code-hint"
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
