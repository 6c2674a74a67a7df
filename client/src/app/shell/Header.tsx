import { wardName } from "../../../../shared/wards/names";
import { useSettings } from "../../settings/SettingsContext";
import { RubyText } from "../i18n/ruby";
import { T, useT } from "../i18n/T";
import { Link } from "../router";

export function Header() {
  const { settings } = useSettings();
  const { locale } = useT();
  // The ward's name comes with the app (shared/wards/data.ts): the header asks the server for nothing.
  return (
    <header className="app-header">
      <p className="app-name">
        <T k="app.name" />
      </p>
      {settings.ward ? (
        <Link to="/settings" className="header-ward">
          <span className="visually-hidden">
            <T k="header.yourWard" />:{" "}
          </span>
          <RubyText text={wardName(settings.ward, locale)} />
        </Link>
      ) : (
        <Link to="/settings" className="header-ward">
          <T k="header.chooseWard" />
        </Link>
      )}
    </header>
  );
}
