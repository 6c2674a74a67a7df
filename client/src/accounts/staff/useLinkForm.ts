/**
 * The flow both one-time-link pages share (the first run's setup, a password reset): the token read
 * from the link's fragment, the problem shown under the form, and sending — the link is used, the
 * account logs in, and the console opens; any refusal is shown and what was typed stays in the form.
 */
import { useState } from "react";
import { errorKeyOf } from "../../app/errors";
import { navigate, useLocation } from "../../app/router";
import { linkToken } from "./PasswordFields";

type Login = (name: string, password: string) => Promise<string | null>;

export function useLinkForm(login: Login) {
  const { hash } = useLocation();
  const [token] = useState(() => linkToken(hash));
  const [problem, setProblem] = useState<string | null>(token ? null : "staff:accounts.linkIncomplete");
  const [busy, setBusy] = useState(false);

  /** Uses the link (`use` answers the account's login name and password), then logs in and opens the console. */
  const send = async (use: (token: string) => Promise<{ login: string; password: string }>) => {
    if (!token) return setProblem("staff:accounts.linkIncomplete");
    setBusy(true);
    try {
      const { login: name, password } = await use(token);
      const failed = await login(name, password);
      if (failed) setProblem(failed);
      else navigate("/staff", { replace: true });
    } catch (failure) {
      setProblem(await errorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return { token, problem, setProblem, busy, send };
}
