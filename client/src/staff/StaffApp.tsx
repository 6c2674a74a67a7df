/**
 * 職員コンソール: a chunk of its own, loaded only when a staff page is opened (App.tsx), and never
 * precached by the service worker, so residents never download it. It works online only; nothing
 * of it is kept on the device beyond the session cookie.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StaffSession } from "../../../shared/accounts/schemas";
import { StaffAuditPage } from "../accounts/staff/StaffAuditPage";
import { StaffUsersPage } from "../accounts/staff/StaffUsersPage";
import { T, useT } from "../app/i18n/T";
import { Link, navigate, useLocation } from "../app/router";
import { Loading } from "../app/shell/LoadState";
import { StaffLocalPage } from "../local/staff/StaffLocalPage";
import { StaffNoticesPage } from "../notices/staff/StaffNoticesPage";
import { StaffIndicatorsPage } from "../planning/staff/StaffIndicatorsPage";
import { StaffMatchingPage } from "../planning/staff/StaffMatchingPage";
import { StaffPopulationPage } from "../planning/staff/StaffPopulationPage";
import { EditSurvey } from "../surveys/staff/EditSurvey";
import { StaffCommentsPage } from "../surveys/staff/StaffCommentsPage";
import { StaffPaperPage } from "../surveys/staff/StaffPaperPage";
import { StaffResultsPage } from "../surveys/staff/StaffResultsPage";
import { emptySurvey, StaffSurveyEditor } from "../surveys/staff/StaffSurveyEditor";
import { StaffSurveysPage } from "../surveys/staff/StaffSurveysPage";
import { loadStaffStrings } from "./i18n";
import { useStaffSession } from "./session";
import "./staff.css";

const surveyPath = /^\/staff\/surveys\/([0-9a-f-]{36})(\/edit|\/paper|\/comments)?$/;

export default function StaffApp() {
  const { i18n } = useTranslation();
  const [strings, setStrings] = useState<"loading" | "ready" | "failed">("loading");
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

  if (strings === "loading") return <Loading />;
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
  const { pathname } = useLocation();
  const { plain } = useT();

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
  if (state.status === "anonymous") return <LoginPage login={login} notice={state.errorKey} />;

  const match = pathname.match(surveyPath);
  const id = match?.[1];
  const session = state.session;
  let page: ReactNode;
  if (pathname === "/staff/surveys/new") {
    page = (
      <StaffSurveyEditor
        session={session}
        start={emptySurvey(session.user.ward)}
        onSaved={(saved) => navigate(`/staff/surveys/${saved}`)}
      />
    );
  } else if (id && match?.[2] === "/edit") page = <EditSurvey session={session} surveyId={id} onEnded={ended} />;
  else if (id && match?.[2] === "/paper") page = <StaffPaperPage session={session} surveyId={id} onEnded={ended} />;
  else if (id && match?.[2] === "/comments") page = <StaffCommentsPage session={session} surveyId={id} onEnded={ended} />;
  else if (id) page = <StaffResultsPage session={session} surveyId={id} onEnded={ended} />;
  else if (pathname === "/staff/audit") page = <StaffAuditPage onEnded={ended} />;
  else if (pathname === "/staff/users") page = <StaffUsersPage session={session} onEnded={ended} />;
  else if (pathname === "/staff/matching") page = <StaffMatchingPage session={session} onEnded={ended} />;
  else if (pathname === "/staff/local") page = <StaffLocalPage session={session} onEnded={ended} />;
  else if (pathname === "/staff/notices") page = <StaffNoticesPage session={session} onEnded={ended} />;
  else if (pathname === "/staff/indicators") page = <StaffIndicatorsPage session={session} onEnded={ended} />;
  else if (pathname === "/staff/population") page = <StaffPopulationPage session={session} onEnded={ended} />;
  else page = <StaffSurveysPage onEnded={ended} />;
  return (
    <div className="staff">
      <SessionBar session={session} onLogout={() => void logout(session)} />
      <nav className="staff-nav" aria-label={plain("staff:nav.label")}>
        {(
          [
            "/staff",
            "/staff/matching",
            "/staff/indicators",
            "/staff/local",
            "/staff/notices",
            "/staff/population",
            "/staff/audit",
            "/staff/users",
          ] as const
        ).map((to) => (
          <Link
            key={to}
            to={to}
            aria-current={
              (to === "/staff" ? pathname === to || pathname.startsWith("/staff/surveys") : pathname === to) ? "page" : undefined
            }
          >
            <T k={`staff:nav.${to === "/staff" ? "surveys" : to.slice(7)}`} />
          </Link>
        ))}
      </nav>
      {page}
    </div>
  );
}

function SessionBar({ session, onLogout }: { session: StaffSession; onLogout: () => void }) {
  const { plain } = useT();
  const scope = session.user.ward ? plain("staff:session.ward", { ward: session.user.ward }) : plain("staff:session.allWards");
  return (
    <div className="staff-session">
      <p>
        <T k="staff:session.signedInAs" values={{ name: session.user.displayName, scope }} />
      </p>
      <button type="button" className="button" onClick={onLogout}>
        <T k="staff:session.logout" />
      </button>
    </div>
  );
}

function LoginPage({ login, notice }: { login: (name: string, password: string) => Promise<string | null>; notice: string | undefined }) {
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

  return (
    <div className="staff staff-login">
      <h1 tabIndex={-1}>
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
        {error && (
          <p id={errorId} role="alert" className="error">
            <T k={error} />
          </p>
        )}
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
