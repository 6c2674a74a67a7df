/**
 * The survey builder: every question type, conditions and theme tags of the survey model; Japanese
 * beside a second language (a missing translation is flagged and falls back to Japanese); a
 * preview as a resident sees it on a phone. A draft takes any change; an open survey takes wording
 * only (the server says which change it refused and why).
 */
import { type ReactNode, useId, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { type Locale, locales } from "../../../../shared/locales/locales";
import { definitionProblems, missingTranslations } from "../../../../shared/surveys/editing";
import {
  type LocalizedText,
  profileFields,
  type Question,
  type QuestionType,
  SurveyDefinition,
  themes,
} from "../../../../shared/surveys/model";
import type { SurveyEdit, SurveyInput } from "../../../../shared/surveys/staff/editor";
import { toJstIso } from "../../../../shared/time";
import { api } from "../../app/api";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { navigate } from "../../app/router";
import { QuestionField } from "../QuestionField";

const questionTypes: QuestionType[] = ["single", "multiple", "rating", "number", "text"];
const otherLocales = locales.filter((l) => l !== "ja");

const blank = (ja = ""): LocalizedText => ({ ja });

function newQuestion(type: QuestionType, id: string): Question {
  const base = { id, text: blank(), required: false, themes: [] };
  switch (type) {
    case "single":
      return {
        ...base,
        type,
        options: [
          { id: "a", label: blank(), themes: [] },
          { id: "b", label: blank(), themes: [] },
        ],
      };
    case "multiple":
      return {
        ...base,
        type,
        options: [
          { id: "a", label: blank(), themes: [] },
          { id: "b", label: blank(), themes: [] },
        ],
        min: 0,
        max: 2,
      };
    case "rating":
      return { ...base, type, lowLabel: blank("不満"), highLabel: blank("満足") };
    case "number":
      return { ...base, type, min: 0, max: 100, integer: true };
    case "text":
      return { ...base, type, maxLength: 1000, multiline: true };
  }
}

const nextId = (taken: string[], prefix: string) => {
  for (let i = 1; ; i++) if (!taken.includes(`${prefix}${i}`)) return `${prefix}${i}`;
};

/** datetime-local (JST wall clock) ⇄ ISO with +09:00. */
const toLocalInput = (iso: string) => toJstIso(new Date(iso)).slice(0, 16);
const fromLocalInput = (value: string) => `${value}:00+09:00`;

export interface EditorStart {
  id?: string;
  status: "draft" | "open" | "closed";
  version: number;
  input: SurveyInput;
}

export function emptySurvey(ward: string | null): EditorStart {
  const now = Date.now();
  return {
    status: "draft",
    version: 0,
    input: {
      ward,
      kind: "poll",
      resultsPublic: true,
      opensAt: toJstIso(new Date(now)),
      closesAt: toJstIso(new Date(now + 30 * 86_400_000)),
      definition: { title: blank(), description: blank(), questions: [newQuestion("single", "q1")], profile: ["ageBand", "area"] },
    },
  };
}

export function StaffSurveyEditor({
  session,
  start,
  onSaved,
}: {
  session: StaffSession;
  start: EditorStart;
  onSaved: (id: string) => void;
}) {
  const { plain } = useT();
  const [input, setInput] = useState<SurveyInput>(start.input);
  const [second, setSecond] = useState<Locale>("en");
  const [error, setError] = useState<{ key: string; detail?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const definition = input.definition;
  const setDefinition = (change: (d: SurveyDefinition) => void) => {
    const next = structuredClone(definition);
    change(next);
    setInput({ ...input, definition: next });
    setSaved(false);
  };
  const missing = missingTranslations(definition);
  const open = start.status === "open";

  const save = async () => {
    setError(null);
    const parsed = SurveyDefinition.safeParse(definition);
    if (!parsed.success) {
      setError({ key: "staff:editor.incomplete", detail: parsed.error.issues.map((i) => i.path.join(".")).join(", ") });
      return;
    }
    const problems = definitionProblems(parsed.data);
    if (problems.length > 0) {
      setError({
        key: "staff:editor.inconsistent",
        detail: problems.map((p) => `${p.at}: ${plain(`staff:editor.problems.${p.code}`)}`).join(" / "),
      });
      return;
    }
    setSaving(true);
    try {
      const headers = { "x-csrf-token": session.csrfToken };
      const body = { ...input, definition: parsed.data };
      const response = start.id
        ? await api.api.staff.surveys[":id"].$put(
            { param: { id: start.id }, json: { ...body, version: start.version } as SurveyEdit },
            { headers },
          )
        : await api.api.staff.surveys.$post({ json: body }, { headers });
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
      <fieldset className="editor-settings">
        <legend>
          <T k="staff:editor.settings" />
        </legend>
        <Choice
          label="staff:editor.kind"
          value={input.kind}
          options={["poll", "sampled"].map((k) => ({ value: k, label: plain(`staff:surveys.kinds.${k}`) }))}
          disabled={open}
          onChange={(kind) =>
            setInput({ ...input, kind: kind as "poll" | "sampled", resultsPublic: kind === "poll" && input.resultsPublic })
          }
        />
        {input.kind === "poll" && (
          <label className="check">
            <input
              type="checkbox"
              checked={input.resultsPublic}
              onChange={(e) => setInput({ ...input, resultsPublic: e.target.checked })}
            />
            <T k="staff:editor.resultsPublic" />
          </label>
        )}
        <DateField
          label="staff:editor.opensAt"
          value={input.opensAt}
          disabled={open}
          onChange={(opensAt) => setInput({ ...input, opensAt })}
        />
        <DateField label="staff:editor.closesAt" value={input.closesAt} onChange={(closesAt) => setInput({ ...input, closesAt })} />
        <Choice
          label="staff:editor.secondLanguage"
          value={second}
          options={otherLocales.map((l) => ({ value: l, label: plain(`staff:editor.locales.${l}`) }))}
          onChange={(l) => setSecond(l as Locale)}
        />
        <p className={missing.length ? "hint warn" : "hint"}>
          {missing.length ? (
            <T k="staff:editor.missing" values={{ locales: missing.map((l) => plain(`staff:editor.locales.${l}`)).join("、") }} />
          ) : (
            <T k="staff:editor.complete" />
          )}
        </p>
      </fieldset>

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

      {definition.questions.map((question, index) => (
        <QuestionEditor
          key={question.id}
          question={question}
          index={index}
          earlier={definition.questions.slice(0, index)}
          second={second}
          locked={open}
          onChange={(q) => setDefinition((d) => (d.questions[index] = q))}
          onMove={(by) =>
            setDefinition((d) => {
              const [moved] = d.questions.splice(index, 1);
              d.questions.splice(index + by, 0, moved as Question);
            })
          }
          onRemove={() => {
            if (window.confirm(plain("staff:editor.confirmRemove", { n: index + 1 }))) setDefinition((d) => d.questions.splice(index, 1));
          }}
          last={index === definition.questions.length - 1}
        />
      ))}
      {!open && (
        <AddQuestion
          onAdd={(type) =>
            setDefinition((d) =>
              d.questions.push(
                newQuestion(
                  type,
                  nextId(
                    d.questions.map((q) => q.id),
                    "q",
                  ),
                ),
              ),
            )
          }
        />
      )}

      <fieldset>
        <legend>
          <T k="staff:editor.profile" />
        </legend>
        {profileFields.map((field) => (
          <label key={field} className="check">
            <input
              type="checkbox"
              disabled={open}
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

      {error && (
        <div role="alert" className="error">
          <p>
            <T k={error.key} />
          </p>
          {error.detail && <p>{error.detail}</p>}
        </div>
      )}
      {saved && (
        <p role="status">
          <T k="staff:editor.saved" />
        </p>
      )}
      <div className="actions">
        <button type="button" className="button primary" disabled={saving} onClick={() => void save()}>
          <T k={saving ? "staff:editor.saving" : "staff:editor.save"} />
        </button>
        <button type="button" className="button" onClick={() => navigate(start.id ? `/staff/surveys/${start.id}` : "/staff")}>
          <T k="staff:editor.cancel" />
        </button>
      </div>

      <Preview definition={definition} />
    </div>
  );
}

function Choice({
  label,
  value,
  options,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k={label} />
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k={label} />
      </label>
      <input
        id={id}
        type="datetime-local"
        value={toLocalInput(value)}
        disabled={disabled}
        onChange={(e) => e.target.value && onChange(fromLocalInput(e.target.value))}
      />
    </div>
  );
}

/** One text in Japanese (required) beside the chosen second language (optional: empty falls back to Japanese). */
function TextPair({
  label,
  value,
  second,
  onChange,
  multiline,
}: {
  label: string;
  value: LocalizedText;
  second: Locale;
  onChange: (v: LocalizedText) => void;
  multiline?: boolean;
}) {
  const { plain } = useT();
  const id = useId();
  const input = (locale: Locale, text: string | undefined) => {
    const props = {
      id: `${id}-${locale}`,
      value: text ?? "",
      lang: locale === "zh-Hans" ? "zh-Hans" : locale === "ja-easy" ? "ja" : locale,
      onChange: (e: { target: { value: string } }) => {
        const next = { ...value, [locale]: e.target.value };
        if (locale !== "ja" && e.target.value === "") delete next[locale as keyof LocalizedText];
        onChange(next as LocalizedText);
      },
      "aria-describedby": locale !== "ja" && !text ? `${id}-${locale}-missing` : undefined,
    };
    return multiline ? <textarea rows={2} {...props} /> : <input {...props} />;
  };
  return (
    <div className="text-pair">
      <div className="field">
        <label htmlFor={`${id}-ja`}>
          <T k={label} /> ({plain("staff:editor.locales.ja")})
        </label>
        {input("ja", value.ja)}
      </div>
      <div className="field">
        <label htmlFor={`${id}-${second}`}>
          <T k={label} /> ({plain(`staff:editor.locales.${second}`)})
        </label>
        {input(second, value[second])}
        {!value[second] && (
          <span id={`${id}-${second}-missing`} className="hint warn">
            <T k="staff:editor.untranslated" />
          </span>
        )}
      </div>
    </div>
  );
}

function NumberField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field small">
      <label htmlFor={id}>
        <T k={label} />
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}

function QuestionEditor({
  question,
  index,
  earlier,
  second,
  locked,
  onChange,
  onMove,
  onRemove,
  last,
}: {
  question: Question;
  index: number;
  earlier: Question[];
  second: Locale;
  locked: boolean;
  onChange: (q: Question) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  last: boolean;
}) {
  const { plain } = useT();
  const set = (change: (q: Question) => void) => {
    const next = structuredClone(question);
    change(next);
    onChange(next);
  };
  const choiceTargets = earlier.filter((q) => q.type === "single" || q.type === "multiple");
  const target = choiceTargets.find((q) => q.id === question.showIf?.question);
  let body: ReactNode = null;
  if (question.type === "single" || question.type === "multiple") {
    body = (
      <fieldset>
        <legend>
          <T k="staff:editor.options" />
        </legend>
        {question.options.map((option, i) => (
          <div key={option.id} className="option-row">
            <TextPair
              label="staff:editor.optionLabel"
              value={option.label}
              second={second}
              onChange={(label) =>
                set((q) => {
                  if ("options" in q) (q.options[i] as { label: LocalizedText }).label = label;
                })
              }
            />
            {!locked && question.options.length > 2 && (
              <button type="button" className="button" onClick={() => set((q) => "options" in q && q.options.splice(i, 1))}>
                <T k="staff:editor.removeOption" values={{ n: i + 1 }} />
              </button>
            )}
          </div>
        ))}
        {!locked && question.options.length < 30 && (
          <button
            type="button"
            className="button"
            onClick={() =>
              set(
                (q) =>
                  "options" in q &&
                  q.options.push({
                    id: nextId(
                      q.options.map((o) => o.id),
                      "o",
                    ),
                    label: blank(),
                    themes: [],
                  }),
              )
            }
          >
            <T k="staff:editor.addOption" />
          </button>
        )}
        {question.type === "multiple" && (
          <div className="row">
            <NumberField
              label="staff:editor.min"
              value={question.min}
              disabled={locked}
              onChange={(n) =>
                set((q) => {
                  if (q.type === "multiple") q.min = n;
                })
              }
            />
            <NumberField
              label="staff:editor.max"
              value={question.max}
              disabled={locked}
              onChange={(n) =>
                set((q) => {
                  if (q.type === "multiple") q.max = n;
                })
              }
            />
          </div>
        )}
      </fieldset>
    );
  } else if (question.type === "rating") {
    body = (
      <>
        <TextPair
          label="staff:editor.lowLabel"
          value={question.lowLabel}
          second={second}
          onChange={(v) =>
            set((q) => {
              if (q.type === "rating") q.lowLabel = v;
            })
          }
        />
        <TextPair
          label="staff:editor.highLabel"
          value={question.highLabel}
          second={second}
          onChange={(v) =>
            set((q) => {
              if (q.type === "rating") q.highLabel = v;
            })
          }
        />
      </>
    );
  } else if (question.type === "number") {
    body = (
      <div className="row">
        <NumberField
          label="staff:editor.min"
          value={question.min}
          disabled={locked}
          onChange={(n) =>
            set((q) => {
              if (q.type === "number") q.min = n;
            })
          }
        />
        <NumberField
          label="staff:editor.max"
          value={question.max}
          disabled={locked}
          onChange={(n) =>
            set((q) => {
              if (q.type === "number") q.max = n;
            })
          }
        />
      </div>
    );
  } else {
    body = (
      <NumberField
        label="staff:editor.maxLength"
        value={question.maxLength}
        disabled={locked}
        onChange={(n) =>
          set((q) => {
            if (q.type === "text") q.maxLength = n;
          })
        }
      />
    );
  }
  return (
    <fieldset className="question-editor">
      <legend>
        <T k="staff:editor.questionN" values={{ n: index + 1, id: question.id }} />
      </legend>
      {!locked && (
        <Choice
          label="staff:editor.type"
          value={question.type}
          options={questionTypes.map((t) => ({ value: t, label: plain(`staff:editor.types.${t}`) }))}
          onChange={(type) =>
            onChange({
              ...newQuestion(type as QuestionType, question.id),
              text: question.text,
              required: question.required,
              themes: question.themes,
            })
          }
        />
      )}
      <TextPair
        label="staff:editor.questionText"
        value={question.text}
        second={second}
        multiline
        onChange={(text) => set((q) => (q.text = text))}
      />
      {body}
      <label className="check">
        <input
          type="checkbox"
          checked={question.required}
          disabled={locked}
          onChange={(e) => set((q) => (q.required = e.target.checked))}
        />
        <T k="staff:editor.required" />
      </label>
      <fieldset>
        <legend>
          <T k="staff:editor.themes" />
        </legend>
        <div className="themes">
          {themes.map((theme) => (
            <label key={theme} className="check">
              <input
                type="checkbox"
                checked={question.themes.includes(theme)}
                onChange={(e) =>
                  set(
                    (q) =>
                      (q.themes = e.target.checked
                        ? themes.filter((t) => t === theme || q.themes.includes(t))
                        : q.themes.filter((t) => t !== theme)),
                  )
                }
              />
              <T k={`staff:editor.themeNames.${theme}`} />
            </label>
          ))}
        </div>
      </fieldset>
      {choiceTargets.length > 0 && (
        <fieldset>
          <legend>
            <T k="staff:editor.condition" />
          </legend>
          <Choice
            label="staff:editor.conditionQuestion"
            value={question.showIf?.question ?? ""}
            disabled={locked}
            options={[
              { value: "", label: plain("staff:editor.always") },
              ...choiceTargets.map((q) => ({ value: q.id, label: `${q.id}: ${q.text.ja}` })),
            ]}
            onChange={(id) =>
              set((q) => {
                const chosen = choiceTargets.find((t) => t.id === id);
                if (!chosen || !("options" in chosen)) delete q.showIf;
                else q.showIf = { question: id, anyOf: [chosen.options[0]?.id as string] };
              })
            }
          />
          {target && "options" in target && (
            <div className="themes">
              {target.options.map((option) => (
                <label key={option.id} className="check">
                  <input
                    type="checkbox"
                    disabled={locked}
                    checked={question.showIf?.anyOf.includes(option.id) ?? false}
                    onChange={(e) =>
                      set((q) => {
                        if (!q.showIf) return;
                        const anyOf = e.target.checked ? [...q.showIf.anyOf, option.id] : q.showIf.anyOf.filter((o) => o !== option.id);
                        if (anyOf.length > 0) q.showIf.anyOf = anyOf;
                      })
                    }
                  />
                  {option.label.ja || option.id}
                </label>
              ))}
            </div>
          )}
        </fieldset>
      )}
      {!locked && (
        <div className="actions">
          {index > 0 && (
            <button type="button" className="button" onClick={() => onMove(-1)}>
              <T k="staff:editor.moveUp" values={{ n: index + 1 }} />
            </button>
          )}
          {!last && (
            <button type="button" className="button" onClick={() => onMove(1)}>
              <T k="staff:editor.moveDown" values={{ n: index + 1 }} />
            </button>
          )}
          <button type="button" className="button" onClick={onRemove}>
            <T k="staff:editor.removeQuestion" values={{ n: index + 1 }} />
          </button>
        </div>
      )}
    </fieldset>
  );
}

function AddQuestion({ onAdd }: { onAdd: (type: QuestionType) => void }) {
  const { plain } = useT();
  const [type, setType] = useState<QuestionType>("single");
  return (
    <div className="row">
      <Choice
        label="staff:editor.newQuestionType"
        value={type}
        options={questionTypes.map((t) => ({ value: t, label: plain(`staff:editor.types.${t}`) }))}
        onChange={(t) => setType(t as QuestionType)}
      />
      <button type="button" className="button primary" onClick={() => onAdd(type)}>
        <T k="staff:editor.addQuestion" />
      </button>
    </div>
  );
}

function withPlaceholders(question: Question): Question {
  const copy = structuredClone(question);
  const fill = (text: LocalizedText, id: string) => {
    if (!text.ja.trim()) text.ja = `（${id}）`;
  };
  fill(copy.text, copy.id);
  if ("options" in copy) for (const option of copy.options) fill(option.label, option.id);
  if (copy.type === "rating") {
    fill(copy.lowLabel, "1");
    fill(copy.highLabel, "5");
  }
  return copy;
}

/** The questions as a resident sees them, in a phone-sized frame, in the console's language. */
function Preview({ definition }: { definition: SurveyDefinition }) {
  const [index, setIndex] = useState(0);
  const shown = definition.questions[Math.min(index, definition.questions.length - 1)];
  // Texts not written yet show as the id they belong to, so every control in the preview has a name.
  const question = shown && withPlaceholders(shown);
  if (!question) return null;
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        <T k="staff:editor.preview" />
      </h2>
      <div className="phone">
        <QuestionField question={question} answer={undefined} onChange={() => {}} errorKey={null} />
      </div>
      <div className="actions">
        <button type="button" className="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          <T k="staff:editor.previewPrevious" />
        </button>
        <button type="button" className="button" disabled={index >= definition.questions.length - 1} onClick={() => setIndex(index + 1)}>
          <T k="staff:editor.previewNext" />
        </button>
      </div>
    </section>
  );
}
