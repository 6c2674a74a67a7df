import { T } from "./i18n/T";
import { Link } from "./router";
import { Page } from "./shell/Page";

export function NotFoundPage() {
  return (
    <Page titleKey="notFound.title">
      <p>
        <Link to="/surveys" className="button">
          <T k="notFound.back" />
        </Link>
      </p>
    </Page>
  );
}
