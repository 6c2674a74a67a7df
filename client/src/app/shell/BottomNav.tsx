import { T, useT } from "../i18n/T";
import { Link, type Section } from "../router";
import { Icon, type IconName } from "./icons";

const tabs: { path: Section; key: IconName }[] = [
  { path: "/surveys", key: "surveys" },
  { path: "/places", key: "places" },
  { path: "/community", key: "community" },
  { path: "/childcare", key: "childcare" },
  { path: "/settings", key: "settings" },
];

export function BottomNav({ current }: { current: Section | null }) {
  const { plain } = useT();
  return (
    <nav className="bottom-nav" aria-label={plain("nav.label")}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.path}>
            <Link to={tab.path} aria-current={current === tab.path ? "page" : undefined}>
              <Icon name={tab.key} />
              <span>
                <T k={`nav.${tab.key}`} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
