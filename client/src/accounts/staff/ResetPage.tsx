/** パスワードの再設定: a reset link (made by a city administrator, used once) opens this page; the new password logs the staff member in. */
import { type FormEvent, useId, useState } from "react";
import { api } from "../../app/api";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { navigate, useLocation } from "../../app/router";
import { FormProblem } from "../../staff/FormActions";
import { linkToken, NewPasswordFields, newPasswordProblem } from "./PasswordFields";

export function ResetPage({ login }: { login: (name: string, password: string) => Promise<string | null> }) {
  const { hash } = useLocation();
  const [token] = useState(() => linkToken(hash));
  const [problem, setProblem] = useState<string | null>(token ? null : "staff:accounts.linkIncomplete");
  const [busy, setBusy] = useState(false);
  const problemId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const invalid = token ? newPasswordProblem(form) : "staff:accounts.linkIncomplete";
    setProblem(invalid);
    if (invalid || !token) return;
    const password = String(form.get("password"));
    setBusy(true);
    try {
      const response = await api.api.staff.reset.$post({ json: { token, password } });
      if (response.status !== 200) throw response;
      const failed = await login((await response.json()).login, password);
      if (failed) setProblem(failed);
      else navigate("/staff", { replace: true });
    } catch (failure) {
      setProblem(await errorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="staff staff-login">
      <h1 tabIndex={-1}>
        <T k="staff:accounts.resetHeading" />
      </h1>
      <p>
        <T k="staff:accounts.resetIntro" />
      </p>
      <form onSubmit={(event) => void submit(event)} aria-describedby={problem ? problemId : undefined} noValidate>
        <NewPasswordFields />
        <FormProblem id={problemId} problem={problem} />
        <button type="submit" className="button primary" disabled={busy}>
          <T k={busy ? "staff:login.submitting" : "staff:accounts.resetSubmit"} />
        </button>
      </form>
    </div>
  );
}
