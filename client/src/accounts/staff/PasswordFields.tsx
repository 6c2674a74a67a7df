/** A new password, typed twice, with its rule; and the problem (a locale key) that stops a form from sending it. */
import { useId } from "react";
import { NewPassword } from "../../../../shared/accounts/schemas";
import { T } from "../../app/i18n/T";

export function NewPasswordFields() {
  const passwordId = useId();
  const againId = useId();
  const ruleId = useId();
  return (
    <>
      <label htmlFor={passwordId}>
        <T k="staff:accounts.newPassword" />
      </label>
      <input id={passwordId} name="password" type="password" autoComplete="new-password" aria-describedby={ruleId} required />
      <p id={ruleId} className="hint">
        <T k="staff:accounts.passwordRule" />
      </p>
      <label htmlFor={againId}>
        <T k="staff:accounts.passwordAgain" />
      </label>
      <input id={againId} name="again" type="password" autoComplete="new-password" required />
    </>
  );
}

/** Why the new password in a form cannot be sent (too short, or typed differently twice), or null. */
export function newPasswordProblem(form: FormData): string | null {
  const password = String(form.get("password") ?? "");
  if (!NewPassword.safeParse(password).success) return "staff:accounts.passwordTooShort";
  if (password !== String(form.get("again") ?? "")) return "staff:accounts.passwordMismatch";
  return null;
}

/** The token of a one-time link, from the page's fragment (#token=…), which never reaches the server's logs. */
export function linkToken(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token");
}
