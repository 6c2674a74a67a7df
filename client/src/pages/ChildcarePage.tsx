import { T } from "../i18n/T";
import { ComingSoon, Page } from "../shell/Page";

export function ChildcarePage() {
  return (
    <Page titleKey="childcare.title">
      <p className="lead">
        <T k="childcare.intro" />
      </p>
      <ComingSoon textKey="childcare.soon" />
    </Page>
  );
}
