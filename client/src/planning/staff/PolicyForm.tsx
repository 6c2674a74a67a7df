/** One policy's title, plan chapter and themes; a title and at least one theme are needed. */
import { type FormEvent, useId, useState } from "react";
import type { PolicyInput } from "../../../../shared/planning/matching";
import { type Theme, themes } from "../../../../shared/surveys/model";
import { T } from "../../app/i18n/T";
import { FormActions, FormProblem } from "../../staff/FormActions";

export function PolicyForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: PolicyInput;
  onSave: (input: PolicyInput) => void;
  onCancel: () => void;
}) {
  const [input, setInput] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!input.title.trim()) return setProblem("staff:matching.titleMissing");
    if (input.themes.length === 0) return setProblem("staff:matching.themesMissing");
    setProblem(null);
    onSave({ ...input, title: input.title.trim(), chapter: input.chapter.trim() });
  };
  const toggle = (theme: Theme) =>
    setInput({ ...input, themes: input.themes.includes(theme) ? input.themes.filter((t) => t !== theme) : [...input.themes, theme] });
  return (
    <form className="policy-form" onSubmit={submit} noValidate aria-describedby={problem ? `${id}-problem` : undefined}>
      <div className="field wide">
        <label htmlFor={`${id}-title`}>
          <T k="staff:matching.policyTitle" />
        </label>
        <input id={`${id}-title`} value={input.title} maxLength={200} onChange={(e) => setInput({ ...input, title: e.target.value })} />
      </div>
      <div className="field small">
        <label htmlFor={`${id}-chapter`}>
          <T k="staff:matching.chapter" />
        </label>
        <input
          id={`${id}-chapter`}
          value={input.chapter}
          maxLength={40}
          onChange={(e) => setInput({ ...input, chapter: e.target.value })}
        />
      </div>
      <fieldset className="themes">
        <legend>
          <T k="staff:matching.themes" />
        </legend>
        {themes.map((theme) => (
          <label key={theme} className="check">
            <input type="checkbox" checked={input.themes.includes(theme)} onChange={() => toggle(theme)} />
            <T k={`staff:editor.themeNames.${theme}`} />
          </label>
        ))}
      </fieldset>
      <FormProblem id={`${id}-problem`} problem={problem} />
      <FormActions onCancel={onCancel} />
    </form>
  );
}
