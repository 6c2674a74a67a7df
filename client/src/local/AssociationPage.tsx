/**
 * One 町会: what it does (防災 first: why it matters when disaster comes), the fee, how to join, and
 * a join request form (JoinForm.tsx). The association is read from this device (the ward's local data).
 */
import { type Association, associationActivities } from "../../../shared/local/schemas";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { useStored } from "../db/live";
import { localAssociation } from "../db/local";
import { JoinForm } from "./JoinForm";
import { japaneseLang, LocalText, OriginalName, titleLangOf, titleOf } from "./localLanguage";

export function AssociationPage({ associationId }: { associationId: string }) {
  const association = useStored(() => localAssociation(associationId), [associationId], null);
  if (association === undefined)
    return (
      <p role="status" aria-busy="true">
        <T k="common.loading" />
      </p>
    );
  if (association === null)
    return (
      <Page titleKey="community.associationNotFound">
        <p>
          <Link to="/community">
            <T k="community.back" />
          </Link>
        </p>
      </Page>
    );
  return <AssociationDetail association={association} />;
}

function AssociationDetail({ association }: { association: Association }) {
  const { locale } = useT();
  const yen = new Intl.NumberFormat(locale === "ja-easy" ? "ja" : locale, { style: "currency", currency: "JPY" });
  const activities = associationActivities.filter((a) => association.activities.includes(a));
  return (
    <Page title={titleOf(association, association.name, locale)} titleLang={titleLangOf(association, association.name, locale)}>
      <OriginalName item={association} name={association.name} />
      <p>
        <T k="community.covers" values={{ chome: association.chome.join("・") }} />
      </p>
      <section aria-labelledby="disaster-heading" className="notice">
        <h2 id="disaster-heading" className="notice-label">
          <T k="community.whyHeading" />
        </h2>
        <p>
          <T k="community.why" />
        </p>
      </section>
      <h2>
        <T k="community.activitiesHeading" />
      </h2>
      <ul>
        {activities.map((a) => (
          <li key={a}>
            <strong>
              <T k={`community.activities.${a}`} />
            </strong>
          </li>
        ))}
      </ul>
      <h2>
        <T k="community.feeHeading" />
      </h2>
      <p>
        <T k="community.fee" values={{ min: yen.format(association.feeMinYen), max: yen.format(association.feeMaxYen) }} />
      </p>
      {association.howToJoin && (
        <>
          <h2>
            <T k="community.howToJoin" />
          </h2>
          <p lang={japaneseLang(locale)}>{association.howToJoin}</p>
        </>
      )}
      {association.notes && <LocalText item={association} text={association.notes} />}
      <JoinForm association={association} />
      <p>
        <Link to="/community">
          <T k="community.back" />
        </Link>
      </p>
    </Page>
  );
}
