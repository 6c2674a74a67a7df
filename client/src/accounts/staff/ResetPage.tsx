/** パスワードの再設定: a reset link (made by a city administrator, used once) opens this page; the new password logs the staff member in. */
import { type FormEvent, useId } from "react";
import { api } from "../../app/api";
import { T } from "../../app/i18n/T";
import { FormProblem } from "../../staff/FormActions";
import { NewPasswordFields, newPasswordProblem } from "./PasswordFields";
import { useLinkForm } from "./useLinkForm";

export function ResetPage({ login }: { login: (name: string, password: string) => Promise<string | null> }) {
  const { token, problem, setProblem, busy, send } = useLinkForm(login);
  const problemId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const invalid = token ? newPasswordProblem(form) : "staff:accounts.linkIncomplete";
    setProblem(invalid);
    if (invalid) return;
    const password = String(form.get("password"));
    await send(async (linkToken) => {
      const response = await api.api.staff.reset.$post({ json: { token: linkToken, password } });
      if (response.status !== 200) throw response;
      return { login: (await response.json()).login, password };
    });
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
