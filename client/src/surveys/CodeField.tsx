/** The invitation code screen of a sampled survey (the code printed on the letter). */
import { T } from "../app/i18n/T";

export function CodeField({ value, errorKey, onChange }: { value: string; errorKey: string | null; onChange: (value: string) => void }) {
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
        aria-invalid={errorKey ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {errorKey && (
        <p className="error" role="alert">
          <T k={errorKey} />
        </p>
      )}
    </div>
  );
}
