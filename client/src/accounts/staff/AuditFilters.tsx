/**
 * The audit log's filters as one form: the person (login name), the action (its label), the days
 * (calendar days in Japan) and, for a city administrator, the ward. Applied on submit, never as typed.
 */
import { type FormEvent, useId, useState } from "react";
import { auditActionKey, auditActions } from "../../../../shared/accounts/audit";
import { wardRecords } from "../../../../shared/wards/data";
import { wardName } from "../../../../shared/wards/names";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { FormProblem } from "../../staff/FormActions";

export interface AuditFilter {
  login: string;
  action: string;
  from: string;
  to: string;
  ward: string;
}
export const noFilter: AuditFilter = { login: "", action: "", from: "", to: "", ward: "" };

export function AuditFilters({
  admin,
  applied,
  onApply,
}: {
  admin: boolean;
  applied: AuditFilter;
  onApply: (filter: AuditFilter) => void;
}) {
  const { plain, locale } = useT();
  const id = useId();
  const [draft, setDraft] = useState(applied);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (field: keyof AuditFilter) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) return setProblem("staff:audit.badDates");
    setProblem(null);
    onApply({ ...draft, login: draft.login.trim().toLowerCase() });
  };
  const reset = () => {
    setDraft(noFilter);
    setProblem(null);
    onApply(noFilter);
  };
  return (
    <form onSubmit={submit} noValidate aria-describedby={problem ? `${id}-problem` : undefined}>
      <fieldset>
        <legend>
          <T k="staff:audit.filters" />
        </legend>
        <div className="filters">
          <div className="field">
            <label htmlFor={`${id}-login`}>
              <T k="staff:audit.login" />
            </label>
            <input id={`${id}-login`} value={draft.login} onChange={set("login")} maxLength={64} autoComplete="off" spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-action`}>
              <T k="staff:audit.action" />
            </label>
            <select id={`${id}-action`} value={draft.action} onChange={set("action")}>
              <option value="">{plain("staff:audit.anyAction")}</option>
              {auditActions.map((action) => (
                <option key={action} value={action}>
                  {plain(`staff:${auditActionKey(action)}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>
              <T k="staff:audit.fromDate" />
            </label>
            <input id={`${id}-from`} type="date" value={draft.from} onChange={set("from")} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>
              <T k="staff:audit.toDate" />
            </label>
            <input id={`${id}-to`} type="date" value={draft.to} onChange={set("to")} />
          </div>
          {admin && (
            <div className="field">
              <label htmlFor={`${id}-ward`}>
                <T k="staff:audit.ward" />
              </label>
              <select id={`${id}-ward`} value={draft.ward} onChange={set("ward")}>
                <option value="">{plain("staff:audit.anyWard")}</option>
                {wardRecords.map((w) => (
                  <option key={w.code} value={w.code}>
                    {plainText(wardName(w, locale))}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <FormProblem id={`${id}-problem`} problem={problem} />
        <div className="actions">
          <button type="submit" className="button primary">
            <T k="staff:audit.apply" />
          </button>
          <button type="button" className="button" onClick={reset}>
            <T k="staff:audit.reset" />
          </button>
        </div>
      </fieldset>
    </form>
  );
}
