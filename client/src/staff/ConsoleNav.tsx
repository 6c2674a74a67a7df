/** The console's top: who is signed in (and for which ward), the language, their password and the logout, and the navigation between its pages. */
import type { StaffSession } from "../../../shared/accounts/schemas";
import { wardLabel } from "../accounts/staff/wards";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { ConsoleLanguage } from "./ConsoleLanguage";

const sections = [
  "/staff",
  "/staff/matching",
  "/staff/indicators",
  "/staff/local",
  "/staff/areas",
  "/staff/notices",
  "/staff/population",
  "/staff/audit",
  "/staff/users",
] as const;

export function SessionBar({ session, onLogout }: { session: StaffSession; onLogout: () => void }) {
  const { plain, locale } = useT();
  const ward = session.user.ward && plainText(wardLabel(session.user.ward, locale));
  const scope = ward ? plain("staff:session.ward", { ward }) : plain("staff:session.allWards");
  return (
    <div className="staff-session">
      <p>
        <T k="staff:session.signedInAs" values={{ name: session.user.displayName, scope }} />
      </p>
      <ConsoleLanguage />
      <p className="actions-row">
        {!session.mustChangePassword && (
          <Link to="/staff/password">
            <T k="staff:session.password" />
          </Link>
        )}
        <button type="button" className="button" onClick={onLogout}>
          <T k="staff:session.logout" />
        </button>
      </p>
    </div>
  );
}

export function ConsoleNav({ pathname }: { pathname: string }) {
  const { plain } = useT();
  // The surveys section holds every page of a survey (results, builder, paper entry, free text).
  const current = (to: string) => (to === "/staff" ? pathname === to || pathname.startsWith("/staff/surveys") : pathname === to);
  return (
    <nav className="staff-nav" aria-label={plain("staff:nav.label")}>
      {sections.map((to) => (
        <Link key={to} to={to} aria-current={current(to) ? "page" : undefined}>
          <T k={`staff:nav.${to === "/staff" ? "surveys" : to.slice(7)}`} />
        </Link>
      ))}
    </nav>
  );
}
