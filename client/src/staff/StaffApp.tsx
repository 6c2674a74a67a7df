/**
 * 職員コンソール: a chunk of its own, loaded only when a staff page is opened (app/App.tsx), and
 * never precached by the service worker, so residents never download it. It works online only;
 * nothing of it is kept on the device beyond the session cookie.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StaffSession } from "../../../shared/accounts/schemas";
import { PasswordChangePage } from "../accounts/staff/PasswordChangePage";
import { ResetPage } from "../accounts/staff/ResetPage";
import { SetupPage } from "../accounts/staff/SetupPage";
import { T, useT } from "../app/i18n/T";
import { useLocation } from "../app/router";
import { focusOnArrival } from "../app/shell/arrival";
import { Loading } from "../app/shell/LoadState";
import { StaffApiContext, staffApi } from "./api";
import { ConsoleNav, SessionBar } from "./ConsoleNav";
import { loadStaffStrings } from "./i18n";
import { LoginPage } from "./LoginPage";
import { staffPage } from "./pages";
import { useStaffSession } from "./session";
import "./staff.css";

export default function StaffApp() {
  const { i18n } = useTranslation();
  const [strings, setStrings] = useState<"loading" | "ready" | "failed">("loading");
  // Once the console has shown, a change of language keeps it (and what a page holds, such as its
  // filters) on screen while the new strings load, rather than starting it again.
  const shown = useRef(false);
  if (strings === "ready") shown.current = true;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the staff strings when the language changes
  useEffect(() => {
    let current = true;
    setStrings("loading");
    loadStaffStrings().then(
      () => current && setStrings("ready"),
      () => current && setStrings("failed"),
    );
    return () => {
      current = false;
    };
  }, [i18n.language]);

  if (strings === "loading" && !shown.current) return <Loading />;
  if (strings === "failed")
    return (
      <div role="alert" className="staff">
        <p>
          <T k="errors.network" />
        </p>
      </div>
    );
  return <StaffConsole />;
}

function StaffConsole() {
  const { state, check, login, logout, ended } = useStaffSession();
  const { plain } = useT();
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = `${plain("staff:title")} | ${plain("app.name")}`;
  }, [plain]);

  if (state.status === "checking") return <Loading />;
  if (state.status === "unreachable")
    return (
      <div role="alert" className="staff">
        <p>
          <T k="staff:needsConnection" />
        </p>
        <button type="button" className="button primary" onClick={() => void check()}>
          <T k="staff:retry" />
        </button>
      </div>
    );
  // The one-time links' pages need no session: the first run's setup, and a password reset.
  if (pathname === "/staff/setup") return <SetupPage login={login} />;
  if (pathname === "/staff/reset") return <ResetPage login={login} />;
  if (state.status === "anonymous") return <LoginPage login={login} notice={state.errorKey} />;
  return <SignedIn session={state.session} ended={ended} onChanged={check} onLogout={() => void logout(state.session)} />;
}

function SignedIn({
  session,
  ended,
  onChanged,
  onLogout,
}: {
  session: StaffSession;
  ended: () => void;
  /** The temporary password was changed: the session is read again, and the console opens. */
  onChanged: () => void;
  onLogout: () => void;
}) {
  const { pathname } = useLocation();
  const staff = useMemo(() => staffApi(session, ended), [session, ended]);
  // Each console page (and the console itself, after the login page) puts focus on its heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page (or the forced password change) changes
  useEffect(() => focusOnArrival(document.querySelector<HTMLElement>("#main h1")), [pathname, session.mustChangePassword]);
  return (
    <StaffApiContext value={staff}>
      <div className="staff">
        <SessionBar session={session} onLogout={onLogout} />
        {session.mustChangePassword ? (
          <PasswordChangePage forced onChanged={onChanged} />
        ) : (
          <>
            <ConsoleNav pathname={pathname} />
            {staffPage(pathname, session)}
          </>
        )}
      </div>
    </StaffApiContext>
  );
}
