/**
 * The ward's 問い合わせ先 printed on its letters: section, phone, hours and an optional e-mail, kept per
 * ward on the server (each ward's staff edit their own). Until saved, the ward office's main line
 * stands in, and the form says so. Hands the contact up, so the letters print what is shown here.
 */
import { type FormEvent, useEffect, useId, useState } from "react";
import type { LetterContact } from "../../../../shared/wards/letter-contact";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { LoadState } from "../../app/shell/LoadState";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";

const fields = ["section", "phone", "hours", "email"] as const;
type Field = (typeof fields)[number];

export function LetterContactEditor({ ward, onContact }: { ward: string; onContact: (contact: LetterContact) => void }) {
  const { api } = useStaffApi();
  const id = useId();
  const [values, setValues] = useState<Record<Field, string> | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<StatusText | null>(null);

  const show = (contact: LetterContact) => {
    setValues({ section: contact.section, phone: contact.phone, hours: contact.hours, email: contact.email ?? "" });
    setSaved(contact.saved);
    onContact(contact);
  };
  // Loaded once per ward, with a retry when it failed (the fields come once it is here).
  const { state, retry } = useLoader<LetterContact>(
    async () => expectStatus(await api.wards.contact.$get({ query: { ward } }), 200).json(),
    `letter-contact:${ward}`,
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown once each time it is loaded
  useEffect(() => {
    if (state.status === "ready") show(state.data);
  }, [state]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    setBusy(true);
    setMessage(null);
    try {
      const json = { section: values.section, phone: values.phone, hours: values.hours, email: values.email.trim() || null };
      show(await expectStatus(await api.wards.contact.$put({ query: { ward }, json }), 200).json());
      setMessage({ key: "staff:actions.letters.contact.saved" });
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby={`${id}-heading`} className="letter-contact-form" noValidate>
      <h3 id={`${id}-heading`}>
        <T k="staff:actions.letters.contact.heading" />
      </h3>
      <p className="hint">
        <T k={saved ? "staff:actions.letters.contact.intro" : "staff:actions.letters.contact.notSaved"} />
      </p>
      {!values && state.status !== "ready" && (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      )}
      {values &&
        fields.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>
              <T k={`staff:actions.letters.contact.${field}`} />
            </label>
            <input
              id={`${id}-${field}`}
              type={field === "email" ? "email" : field === "phone" ? "tel" : "text"}
              required={field !== "email"}
              maxLength={field === "email" ? 254 : 100}
              value={values[field]}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            />
          </div>
        ))}
      {values && (
        <button type="submit" className="button" disabled={busy}>
          <T k="staff:actions.letters.contact.save" />
        </button>
      )}
      <StatusMessage message={message} />
    </form>
  );
}
