/**
 * 初回設定: the first run's setup link (printed at start while no staff account exists) opens this
 * page, where the first city administrator chooses a login and a password; then they are logged in.
 */
import { type FormEvent, useId } from "react";
import { StaffLogin } from "../../../../shared/accounts/schemas";
import { api } from "../../app/api";
import { T } from "../../app/i18n/T";
import { FormProblem } from "../../staff/FormActions";
import { NewPasswordFields, newPasswordProblem } from "./PasswordFields";
import { useLinkForm } from "./useLinkForm";

export function SetupPage({ login }: { login: (name: string, password: string) => Promise<string | null> }) {
  const { token, problem, setProblem, busy, send } = useLinkForm(login);
  const loginId = useId();
  const loginRuleId = useId();
  const nameId = useId();
  const problemId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const invalid = !token
      ? "staff:accounts.linkIncomplete"
      : !StaffLogin.safeParse(name).success
        ? "staff:accounts.loginInvalid"
        : newPasswordProblem(form);
    setProblem(invalid);
    if (invalid) return;
    await send(async (linkToken) => {
      const response = await api.api.staff.setup.$post({
        json: { token: linkToken, login: name, displayName: String(form.get("displayName") ?? "").trim() || name, password },
      });
      if (response.status !== 201) throw response;
      return { login: name, password };
    });
  };

  return (
    <div className="staff staff-login">
      <h1 tabIndex={-1}>
        <T k="staff:accounts.setupHeading" />
      </h1>
      <p>
        <T k="staff:accounts.setupIntro" />
      </p>
      <form onSubmit={(event) => void submit(event)} aria-describedby={problem ? problemId : undefined} noValidate>
        <label htmlFor={loginId}>
          <T k="staff:login.login" />
        </label>
        <input
          id={loginId}
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={loginRuleId}
          required
        />
        <p id={loginRuleId} className="hint">
          <T k="staff:accounts.loginRule" />
        </p>
        <label htmlFor={nameId}>
          <T k="staff:users.name" />
        </label>
        <input id={nameId} name="displayName" autoComplete="name" required />
        <NewPasswordFields />
        <FormProblem id={problemId} problem={problem} />
        <button type="submit" className="button primary" disabled={busy}>
          <T k={busy ? "staff:login.submitting" : "staff:accounts.setupSubmit"} />
        </button>
      </form>
    </div>
  );
}
