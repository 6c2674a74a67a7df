/**
 * One 町会: what it does (防災 first: why it matters when disaster comes), the fee, how to join, and
 * a join request form. The request is kept on the phone and sent when there is a connection, once.
 */
import { type FormEvent, useEffect, useId, useState } from "react";
import { uuidv7 } from "../../../shared/ids";
import { type Association, associationActivities } from "../../../shared/local/schemas";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { localAssociation, queueJoin } from "../db";
import { flushJoins, useJoins } from "./joins";

export function AssociationPage({ associationId }: { associationId: string }) {
  const [association, setAssociation] = useState<Association | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    localAssociation(associationId).then(
      (found) => current && setAssociation(found),
      () => current && setAssociation(null),
    );
    return () => {
      current = false;
    };
  }, [associationId]);
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
    <Page title={association.name}>
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
          <p>{association.howToJoin}</p>
        </>
      )}
      {association.notes && <p>{association.notes}</p>}
      <JoinForm association={association} />
      <p>
        <Link to="/community">
          <T k="community.back" />
        </Link>
      </p>
    </Page>
  );
}

interface Fields {
  name: string;
  contact: string;
  address: string;
  message: string;
  consent: boolean;
}

function JoinForm({ association }: { association: Association }) {
  const id = useId();
  const joins = useJoins();
  const [fields, setFields] = useState<Fields>({ name: "", contact: "", address: "", message: "", consent: false });
  const [problem, setProblem] = useState<string | null>(null);
  const mine = joins?.find((j) => j.associationId === association.id);
  if (mine)
    return (
      <section aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>
          <T k="community.joinHeading" />
        </h2>
        <p role="status" className={mine.state === "attention" ? "error" : undefined}>
          <T k={`community.joinStates.${mine.state}`} />
        </p>
      </section>
    );
  const set = (key: keyof Fields) => (value: string | boolean) => setFields({ ...fields, [key]: value });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.name.trim() || !fields.contact.trim() || !fields.address.trim()) return setProblem("community.joinMissing");
    if (!fields.consent) return setProblem("community.consentMissing");
    setProblem(null);
    const requestId = uuidv7();
    await queueJoin({
      id: requestId,
      associationId: association.id,
      associationName: association.name,
      payload: {
        id: requestId,
        name: fields.name.trim(),
        contact: fields.contact.trim(),
        address: fields.address.trim(),
        message: fields.message.trim(),
        consent: true,
      },
    }).catch(() => setProblem("community.joinNotSaved"));
    void flushJoins();
  };
  const text = (key: "name" | "contact" | "address", autoComplete: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>
        <T k={`community.join.${key}`} />
      </label>
      <input id={`${id}-${key}`} value={fields[key]} autoComplete={autoComplete} onChange={(e) => set(key)(e.target.value)} />
    </div>
  );
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <T k="community.joinHeading" />
      </h2>
      <p>
        <T k="community.joinIntro" />
      </p>
      {text("name", "name")}
      {text("contact", "tel")}
      {text("address", "street-address")}
      <div className="field">
        <label htmlFor={`${id}-message`}>
          <T k="community.join.message" />
        </label>
        <textarea id={`${id}-message`} rows={3} value={fields.message} onChange={(e) => set("message")(e.target.value)} />
      </div>
      <p className="hint" id={`${id}-consent-text`}>
        <T k="community.consentText" />
      </p>
      <label className="choice-option">
        <input
          type="checkbox"
          checked={fields.consent}
          onChange={(e) => set("consent")(e.target.checked)}
          aria-describedby={`${id}-consent-text`}
        />
        <span>
          <T k="community.consent" />
        </span>
      </label>
      {problem && (
        <p role="alert" className="error">
          <T k={problem} />
        </p>
      )}
      <button type="submit" className="button primary">
        <T k="community.joinSubmit" />
      </button>
    </form>
  );
}
