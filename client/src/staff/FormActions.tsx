/** A console form's foot: the problem that stops it (named by the form's aria-describedby), and its save and cancel buttons. */
import { T } from "../app/i18n/T";

export function FormActions({
  save = "staff:matching.save",
  cancel = "staff:matching.cancel",
  onSave,
  onCancel,
  busy,
}: {
  /** Locale keys of the buttons' words. */
  save?: string;
  cancel?: string;
  /** Without it, the save button submits the form. */
  onSave?: () => void;
  /** Without it, there is no cancel button. */
  onCancel?: () => void;
  busy?: boolean;
}) {
  return (
    <div className="actions">
      <button type={onSave ? "button" : "submit"} className="button primary" disabled={busy} onClick={onSave}>
        <T k={save} />
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          <T k={cancel} />
        </button>
      )}
    </div>
  );
}

/** Why a form was not sent; its id is what the form's aria-describedby points at. */
export function FormProblem({ id, problem }: { id: string; problem: string | null }) {
  if (!problem) return null;
  return (
    <p id={id} role="alert" className="error">
      <T k={problem} />
    </p>
  );
}
