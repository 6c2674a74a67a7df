import { wardName } from "../../../../shared/wards/names";
import { useSettings } from "../../settings/SettingsContext";
import { useWards } from "../../wards/useWards";
import { RubyText } from "../i18n/ruby";
import { T, useT } from "../i18n/T";
import { Link } from "../router";

export function Header() {
  const { settings } = useSettings();
  const { locale } = useT();
  const { state } = useWards();
  const ward = state.status === "ready" ? state.data.find((w) => w.code === settings.ward) : undefined;
  return (
    <header className="app-header">
      <p className="app-name">
        <T k="app.name" />
      </p>
      {ward ? (
        <Link to="/settings" className="header-ward">
          <span className="visually-hidden">
            <T k="header.yourWard" />:{" "}
          </span>
          <RubyText text={wardName(ward, locale)} />
        </Link>
      ) : (
        <Link to="/settings" className="header-ward">
          <T k="header.chooseWard" />
        </Link>
      )}
    </header>
  );
}
