/** The staff session as the console holds it: who is logged in and the CSRF token for changes. */
import { useCallback, useEffect, useState } from "react";
import type { StaffSession } from "../../../shared/accounts/schemas";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";
import { staffApi } from "./api";

export type SessionState =
  | { status: "checking" }
  | { status: "anonymous"; errorKey?: string }
  | { status: "active"; session: StaffSession }
  | { status: "unreachable"; errorKey: string };

export function useStaffSession() {
  const [state, setState] = useState<SessionState>({ status: "checking" });

  const check = useCallback(async () => {
    setState({ status: "checking" });
    try {
      const response = await api.api.staff.session.$get();
      if (response.status === 200) setState({ status: "active", session: await response.json() });
      else if (response.status === 401) setState({ status: "anonymous" });
      else setState({ status: "unreachable", errorKey: await errorKeyOf(response) });
    } catch (error) {
      setState({ status: "unreachable", errorKey: await errorKeyOf(error) });
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  const login = useCallback(async (name: string, password: string): Promise<string | null> => {
    try {
      const response = await api.api.staff.login.$post({ json: { login: name, password } });
      if (response.status === 200) {
        setState({ status: "active", session: await response.json() });
        return null;
      }
      return errorKeyOf(response);
    } catch (error) {
      return errorKeyOf(error);
    }
  }, []);

  const logout = useCallback(async (session: StaffSession) => {
    await staffApi(session, () => {})
      .api.logout.$post()
      .catch(() => null);
    setState({ status: "anonymous" });
  }, []);

  /** A call answered 401: the session ended (idle, or ended by an administrator). */
  const ended = useCallback(() => setState({ status: "anonymous", errorKey: "errors.staff.unauthenticated" }), []);

  return { state, check, login, logout, ended };
}
