/**
 * The survey builder: every question type, conditions and theme tags of the survey model; Japanese
 * beside a second language (a missing translation is flagged and falls back to Japanese); a
 * preview as a resident sees it on a phone. A draft takes any change; an open survey takes wording
 * only (the server says which change it refused and why).
 */
import { useState } from "react";
import type { Locale } from "../../../../shared/locales/locales";
import { definitionProblems } from "../../../../shared/surveys/editing";
import { SurveyDefinition } from "../../../../shared/surveys/model";
import type { SurveyEdit, SurveyInput } from "../../../../shared/surveys/staff/editor";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { navigate } from "../../app/router";
import { ActionStatus } from "../../staff/ActionStatus";
import { useStaffApi } from "../../staff/api";
import { FormActions } from "../../staff/FormActions";
import { TextPair } from "./EditorFields";
import type { EditorStart } from "./editing";
import { QuestionList } from "./QuestionList";
import { SurveyPreview } from "./SurveyPreview";
import { ProfileChoice, SurveySettings } from "./SurveySettings";

type Problem = { key: string; detail?: string } | null;

export function StaffSurveyEditor({ start, onSaved }: { start: EditorStart; onSaved: (id: string) => void }) {
  const [input, setInput] = useState<SurveyInput>(start.input);
  const [second, setSecond] = useState<Locale>("en");
  const { save, saving, saved, setSaved, error } = useSave(start, input, onSaved);
  const definition = input.definition;
  const setDefinition = (change: (d: SurveyDefinition) => void) => {
    const next = structuredClone(definition);
    change(next);
    setInput({ ...input, definition: next });
    setSaved(false);
  };
  const open = start.status === "open";

  return (
    <div className="editor">
      <h1 tabIndex={-1}>
        <T k={start.id ? "staff:editor.editHeading" : "staff:editor.newHeading"} />
      </h1>
      {open && (
        <p className="notice">
          <T k="staff:editor.openNotice" />
        </p>
      )}
      <SurveySettings input={input} onChange={setInput} second={second} onSecond={setSecond} open={open} />
      <TextPair
        label="staff:editor.title"
        value={definition.title}
        second={second}
        onChange={(title) => setDefinition((d) => (d.title = title))}
      />
      <TextPair
        label="staff:editor.description"
        value={definition.description}
        second={second}
        multiline
        onChange={(description) => setDefinition((d) => (d.description = description))}
      />
      <QuestionList definition={definition} second={second} locked={open} setDefinition={setDefinition} />
      <ProfileChoice definition={definition} locked={open} setDefinition={setDefinition} />
      <ActionStatus message={error ? { key: error.key, error: true } : saved ? { key: "staff:editor.saved" } : null}>
        {error?.detail && <p>{error.detail}</p>}
      </ActionStatus>
      <FormActions
        save={saving ? "staff:editor.saving" : "staff:editor.save"}
        cancel="staff:editor.cancel"
        busy={saving}
        onSave={() => void save()}
        onCancel={() => navigate(start.id ? `/staff/surveys/${start.id}` : "/staff")}
      />
      <SurveyPreview definition={definition} />
    </div>
  );
}

/** Checks the definition (schema, then consistency), then creates or updates the survey; a refusal says why. */
function useSave(start: EditorStart, input: SurveyInput, onSaved: (id: string) => void) {
  const { api } = useStaffApi();
  const { plain } = useT();
  const [error, setError] = useState<Problem>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setError(null);
    const parsed = SurveyDefinition.safeParse(input.definition);
    if (!parsed.success)
      return setError({ key: "staff:editor.incomplete", detail: parsed.error.issues.map((i) => i.path.join(".")).join(", ") });
    const problems = definitionProblems(parsed.data);
    if (problems.length > 0)
      return setError({
        key: "staff:editor.inconsistent",
        detail: problems.map((p) => `${p.at}: ${plain(`staff:editor.problems.${p.code}`)}`).join(" / "),
      });
    setSaving(true);
    try {
      const body = { ...input, definition: parsed.data };
      const response = start.id
        ? await api.surveys[":id"].$put({ param: { id: start.id }, json: { ...body, version: start.version } as SurveyEdit })
        : await api.surveys.$post({ json: body });
      if (response.status === 200 || response.status === 201) {
        const result = (await response.json()) as { id?: string };
        setSaved(true);
        onSaved(start.id ?? (result.id as string));
      } else {
        const failed = response as unknown as Response;
        const detail = (await failed
          .clone()
          .json()
          .catch(() => null)) as { error?: { details?: { reasons?: string[] } } } | null;
        setError({ key: await errorKeyOf(failed), detail: detail?.error?.details?.reasons?.join(", ") });
      }
    } catch (failure) {
      setError({ key: await errorKeyOf(failure) });
    } finally {
      setSaving(false);
    }
  };
  return { save, saving, saved, setSaved, error };
}
