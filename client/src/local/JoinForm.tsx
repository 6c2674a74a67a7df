/**
 * The 町会 join request form, or the state of the request already made from this device. The
 * request is kept on the phone with its id and sent when there is a connection, once (joins.ts).
 */
import { type FormEvent, useId, useState } from "react";
import { uuidv7 } from "../../../shared/ids";
import type { Association } from "../../../shared/local/schemas";
import { T } from "../app/i18n/T";
import { queueJoin } from "../db/local";
import { sendSoon } from "../sync/triggers";
import { joinOutbox, useJoins } from "./joins";

interface Fields {
  name: string;
  contact: string;
  address: string;
  message: string;
  consent: boolean;
}

export function JoinForm({ association }: { association: Association }) {
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
    void sendSoon(joinOutbox);
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
        <p className="hint care" id={`${id}-message-care`}>
          <T k="community.join.sensitive" />
        </p>
        <textarea
          id={`${id}-message`}
          rows={3}
          value={fields.message}
          aria-describedby={`${id}-message-care`}
          onChange={(e) => set("message")(e.target.value)}
        />
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
