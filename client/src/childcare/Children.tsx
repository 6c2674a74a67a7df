/**
 * The family's children on the timeline page: each with its date, 「生まれました」 to turn a due date
 * into a birth date, and removal after a confirmation; then the form to add one (AddChildForm.tsx).
 */
import { useId, useState } from "react";
import { isDay } from "../../../shared/childcare/dates";
import { jstToday } from "../../../shared/time";
import { T, useT } from "../app/i18n/T";
import { removeChild, saveChild } from "../db/childcare";
import type { ChildRecord } from "../db/schemas";
import { AddChildForm, type ChildMessage } from "./AddChildForm";

/** What the last action did, or why it could not. */

export function Children({ family, format }: { family: ChildRecord[]; format: (day: string) => string }) {
  const { plain } = useT();
  const id = useId();
  const [message, setMessage] = useState<ChildMessage | null>(null);
  const [bornFor, setBornFor] = useState<string | null>(null);
  const [bornDate, setBornDate] = useState("");

  const remove = async (child: ChildRecord) => {
    if (!window.confirm(plain("childcare.confirmRemove", { name: child.nickname }))) return;
    await removeChild(child.id);
    setMessage({ key: "childcare.removed", values: { name: child.nickname } });
  };
  const saveBorn = async (child: ChildRecord) => {
    if (!isDay(bornDate)) return setMessage({ key: "childcare.dateInvalid", error: true });
    const { multiple: _multiple, ...rest } = child;
    await saveChild({ ...rest, kind: "born", date: bornDate });
    setBornFor(null);
  };

  return (
    <section aria-labelledby={`${id}-children`}>
      <h2 id={`${id}-children`}>
        <T k="childcare.childrenHeading" />
      </h2>
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : undefined}>
          <T k={message.key} values={message.values} />
        </p>
      )}
      {family.length > 0 && (
        <ul className="card-list">
          {family.map((child) => (
            <li key={child.id} className="card">
              <p className="card-title">
                <T
                  k={child.kind === "due" ? "childcare.childDue" : "childcare.childBorn"}
                  values={{ name: child.nickname, date: format(child.date) }}
                />
              </p>
              {bornFor === child.id ? (
                <div className="field">
                  <label htmlFor={`${id}-${child.id}-born`}>
                    <T k="childcare.bornDate" values={{ name: child.nickname }} />
                  </label>
                  <input id={`${id}-${child.id}-born`} type="date" value={bornDate} onChange={(e) => setBornDate(e.target.value)} />
                  <button type="button" className="button primary" onClick={() => void saveBorn(child)}>
                    <T k="childcare.saveBorn" />
                  </button>
                </div>
              ) : (
                <div className="actions-row">
                  {child.kind === "due" && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setBornFor(child.id);
                        setBornDate(jstToday());
                      }}
                    >
                      <T k="childcare.changeToBorn" values={{ name: child.nickname }} />
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => void remove(child)}>
                    <T k="childcare.remove" values={{ name: child.nickname }} />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <AddChildForm onMessage={setMessage} />
    </section>
  );
}
