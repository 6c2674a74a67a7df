import { T } from "../i18n/T";
import { ComingSoon, Page } from "../shell/Page";

export function SurveysPage() {
  return (
    <Page titleKey="surveys.title">
      <p className="lead">
        <T k="surveys.intro" />
      </p>
      <ComingSoon textKey="surveys.soon" />
    </Page>
  );
}
