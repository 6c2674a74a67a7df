import { T } from "../i18n/T";
import { ComingSoon, Page } from "../shell/Page";

export function PlacesPage() {
  return (
    <Page titleKey="places.title">
      <p className="lead">
        <T k="places.intro" />
      </p>
      <ComingSoon textKey="places.soon" />
    </Page>
  );
}
