/** A survey's settings in the builder: its kind, whether results are public, its period (in Japan's time), the second language shown, and the profile asked. */
import type { Locale } from "../../../../shared/locales/locales";
import { missingTranslations } from "../../../../shared/surveys/editing";
import { profileFields, type SurveyDefinition } from "../../../../shared/surveys/model";
import type { SurveyInput } from "../../../../shared/surveys/staff/editor";
import { T, useT } from "../../app/i18n/T";
import { Choice, DateField } from "./EditorFields";
import { otherLocales } from "./editing";

export function SurveySettings({
  input,
  onChange,
  second,
  onSecond,
  open,
}: {
  input: SurveyInput;
  onChange: (input: SurveyInput) => void;
  second: Locale;
  onSecond: (locale: Locale) => void;
  /** An open survey keeps its kind and its start. */
  open: boolean;
}) {
  const { plain } = useT();
  const missing = missingTranslations(input.definition);
  return (
    <fieldset className="editor-settings">
      <legend>
        <T k="staff:editor.settings" />
      </legend>
      <Choice
        label="staff:editor.kind"
        value={input.kind}
        options={["poll", "sampled"].map((k) => ({ value: k, label: plain(`staff:surveys.kinds.${k}`) }))}
        disabled={open}
        onChange={(kind) => onChange({ ...input, kind: kind as "poll" | "sampled", resultsPublic: kind === "poll" && input.resultsPublic })}
      />
      {input.kind === "poll" && (
        <label className="check">
          <input type="checkbox" checked={input.resultsPublic} onChange={(e) => onChange({ ...input, resultsPublic: e.target.checked })} />
          <T k="staff:editor.resultsPublic" />
        </label>
      )}
      <DateField
        label="staff:editor.opensAt"
        value={input.opensAt}
        disabled={open}
        onChange={(opensAt) => onChange({ ...input, opensAt })}
      />
      <DateField label="staff:editor.closesAt" value={input.closesAt} onChange={(closesAt) => onChange({ ...input, closesAt })} />
      <Choice
        label="staff:editor.secondLanguage"
        value={second}
        options={otherLocales.map((l) => ({ value: l, label: plain(`staff:editor.locales.${l}`) }))}
        onChange={(l) => onSecond(l as Locale)}
      />
      <p className={missing.length ? "hint warn" : "hint"}>
        {missing.length ? (
          <T k="staff:editor.missing" values={{ locales: missing.map((l) => plain(`staff:editor.locales.${l}`)).join("、") }} />
        ) : (
          <T k="staff:editor.complete" />
        )}
      </p>
    </fieldset>
  );
}

/** The profile questions asked after the survey's own (age band, area …), in the model's order. */
export function ProfileChoice({
  definition,
  locked,
  setDefinition,
}: {
  definition: SurveyDefinition;
  locked: boolean;
  setDefinition: (change: (d: SurveyDefinition) => void) => void;
}) {
  return (
    <fieldset>
      <legend>
        <T k="staff:editor.profile" />
      </legend>
      {profileFields.map((field) => (
        <label key={field} className="check">
          <input
            type="checkbox"
            disabled={locked}
            checked={definition.profile.includes(field)}
            onChange={(e) =>
              setDefinition((d) => {
                d.profile = e.target.checked
                  ? profileFields.filter((f) => f === field || d.profile.includes(f))
                  : d.profile.filter((f) => f !== field);
              })
            }
          />
          <T k={`staff:editor.profileFields.${field}`} />
        </label>
      ))}
    </fieldset>
  );
}
