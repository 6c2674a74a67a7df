/** Adding a child: a nickname, whether the date is a due date or a birth date, the date, and twins or more. */
import { type FormEvent, useId, useState } from "react";
import { isDay } from "../../../shared/childcare/dates";
import type { Child } from "../../../shared/childcare/timeline";
import { T } from "../app/i18n/T";
import { saveChild } from "../db/childcare";

/** What the family section announces after a change. */
export type ChildMessage = { key: string; values?: Record<string, string>; error?: boolean };

export function AddChildForm({ onMessage }: { onMessage: (message: ChildMessage) => void }) {
  const id = useId();
  const [nickname, setNickname] = useState("");
  const [kind, setKind] = useState<Child["kind"]>("due");
  const [date, setDate] = useState("");
  const [multiple, setMultiple] = useState(false);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!nickname.trim()) return onMessage({ key: "childcare.nicknameMissing", error: true });
    if (!isDay(date)) return onMessage({ key: "childcare.dateInvalid", error: true });
    await saveChild({
      id: crypto.randomUUID(),
      nickname: nickname.trim(),
      kind,
      date,
      ...(kind === "due" && multiple ? { multiple } : {}),
      addedAt: Date.now(),
    });
    onMessage({ key: "childcare.added", values: { name: nickname.trim() } });
    setNickname("");
    setDate("");
    setMultiple(false);
  };

  return (
    <form onSubmit={(event) => void add(event)} noValidate aria-labelledby={`${id}-add`}>
      <h3 id={`${id}-add`}>
        <T k="childcare.addHeading" />
      </h3>
      <div className="field">
        <label htmlFor={`${id}-nickname`}>
          <T k="childcare.nickname" />
        </label>
        <input id={`${id}-nickname`} value={nickname} maxLength={20} autoComplete="off" onChange={(e) => setNickname(e.target.value)} />
      </div>
      <fieldset className="choice">
        <legend className="question-text">
          <T k="childcare.kindLabel" />
        </legend>
        {(["due", "born"] as const).map((k) => (
          <label key={k} className="choice-option">
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              <T k={`childcare.kinds.${k}`} />
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-date`}>
          <T k="childcare.date" />
        </label>
        <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      {kind === "due" && (
        <label className="choice-option">
          <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
          <span>
            <T k="childcare.multiple" />
          </span>
        </label>
      )}
      <button type="submit" className="button primary">
        <T k="childcare.add" />
      </button>
    </form>
  );
}
