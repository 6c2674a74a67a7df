/**
 * パスワードの変更: any staff member's own password, with the current one. An account with a
 * temporary password sees only this page (the server refuses it everything else until then).
 */
import { type FormEvent, useId, useState } from "react";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { FormProblem } from "../../staff/FormActions";
import { expectStatus } from "../../staff/staffFetch";
import { NewPasswordFields, newPasswordProblem } from "./PasswordFields";

export function PasswordChangePage({ forced = false, onChanged }: { forced?: boolean; onChanged?: () => void }) {
  const { api } = useStaffApi();
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const currentId = useId();
  const problemId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const invalid = newPasswordProblem(form);
    setProblem(invalid);
    setMessage(null);
    if (invalid) return;
    setBusy(true);
    try {
      expectStatus(
        await api.password.$post({ json: { current: String(form.get("current") ?? ""), next: String(form.get("password")) } }),
        204,
      );
      formElement.reset();
      setMessage({ key: "staff:accounts.passwordChanged" });
      onChanged?.();
    } catch (failure) {
      setProblem(await errorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="staff-login">
      <h1 tabIndex={-1}>
        <T k="staff:accounts.changeHeading" />
      </h1>
      <p>
        <T k={forced ? "staff:accounts.changeForced" : "staff:accounts.changeIntro"} />
      </p>
      <StatusMessage message={message} />
      <form onSubmit={(event) => void submit(event)} aria-describedby={problem ? problemId : undefined} noValidate>
        <label htmlFor={currentId}>
          <T k={forced ? "staff:accounts.temporaryPassword" : "staff:accounts.currentPassword"} />
        </label>
        <input id={currentId} name="current" type="password" autoComplete="current-password" required />
        <NewPasswordFields />
        <FormProblem id={problemId} problem={problem} />
        <button type="submit" className="button primary" disabled={busy}>
          <T k={busy ? "staff:login.submitting" : "staff:accounts.changeSubmit"} />
        </button>
      </form>
    </div>
  );
}
