/** A city administrator makes an account: login name, display name, role and ward; the server answers its temporary password once. */
import { type FormEvent, useId, useState } from "react";
import { NewStaffUserInput } from "../../../../shared/accounts/schemas";
import { wardRecords } from "../../../../shared/wards/data";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { FormProblem } from "../../staff/FormActions";
import { expectStatus } from "../../staff/staffFetch";
import { type Placement, PlacementFields } from "./PlacementFields";

export function NewAccountForm({ onCreated }: { onCreated: (login: string, temporaryPassword: string) => void }) {
  const { api } = useStaffApi();
  const [placement, setPlacement] = useState<Placement>({ role: "ward_staff", ward: wardRecords[0]?.code ?? null });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loginId = useId();
  const ruleId = useId();
  const nameId = useId();
  const problemId = useId();
  const headingId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = NewStaffUserInput.safeParse({
      login: String(form.get("login") ?? "").trim(),
      displayName: String(form.get("displayName") ?? ""),
      ...placement,
    });
    if (!input.success) {
      const field = input.error.issues[0]?.path[0];
      setProblem(field === "displayName" ? "staff:accounts.nameMissing" : "staff:accounts.loginInvalid");
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const made = await expectStatus(await api.users.$post({ json: input.data }), 201).json();
      formElement.reset();
      onCreated(made.user.login, made.temporaryPassword);
    } catch (failure) {
      setProblem(await errorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        <T k="staff:accounts.createHeading" />
      </h2>
      <form onSubmit={(event) => void submit(event)} aria-describedby={problem ? problemId : undefined} noValidate>
        <div className="field">
          <label htmlFor={loginId}>
            <T k="staff:users.login" />
          </label>
          <input id={loginId} name="login" autoComplete="off" autoCapitalize="none" spellCheck={false} aria-describedby={ruleId} required />
          <p id={ruleId} className="hint">
            <T k="staff:accounts.loginRule" />
          </p>
        </div>
        <div className="field">
          <label htmlFor={nameId}>
            <T k="staff:users.name" />
          </label>
          <input id={nameId} name="displayName" autoComplete="off" required />
        </div>
        <PlacementFields value={placement} onChange={setPlacement} />
        <FormProblem id={problemId} problem={problem} />
        <button type="submit" className="button primary" disabled={busy}>
          <T k="staff:accounts.createSubmit" />
        </button>
      </form>
    </section>
  );
}
