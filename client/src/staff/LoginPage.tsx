/** 職員ログイン: the console's one page without a session; a notice says why a session ended. */
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { T } from "../app/i18n/T";
import { Link } from "../app/router";
import { focusOnArrival } from "../app/shell/arrival";
import { FormProblem } from "./FormActions";

export function LoginPage({
  login,
  notice,
}: {
  login: (name: string, password: string) => Promise<string | null>;
  notice: string | undefined;
}) {
  const [error, setError] = useState<string | undefined>(notice);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const passwordId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const failed = await login(String(form.get("login") ?? ""), String(form.get("password") ?? ""));
    setBusy(false);
    setError(failed ?? undefined);
  };

  const heading = useRef<HTMLHeadingElement>(null);
  // After a logout (or a session that ended) the login page is a new page: its heading takes focus.
  useEffect(() => focusOnArrival(heading.current), []);

  return (
    <div className="staff staff-login">
      <h1 ref={heading} tabIndex={-1}>
        <T k="staff:login.heading" />
      </h1>
      <p>
        <T k="staff:login.intro" />
      </p>
      <form onSubmit={(event) => void submit(event)} aria-describedby={error ? errorId : undefined} noValidate>
        <label htmlFor={nameId}>
          <T k="staff:login.login" />
        </label>
        <input id={nameId} name="login" autoComplete="username" autoCapitalize="none" spellCheck={false} required />
        <label htmlFor={passwordId}>
          <T k="staff:login.password" />
        </label>
        <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
        <FormProblem id={errorId} problem={error ?? null} />
        <button type="submit" className="button primary" disabled={busy}>
          <T k={busy ? "staff:login.submitting" : "staff:login.submit"} />
        </button>
      </form>
      <p>
        <Link to="/surveys">
          <T k="staff:login.toResident" />
        </Link>
      </p>
    </div>
  );
}
