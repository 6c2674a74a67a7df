/**
 * The paper-entry form, keyboard first: the letter's code first (it stops the same letter being
 * entered twice), then every question on one page, then send; the form empties and the code field
 * takes focus for the next letter. Given an entry to correct, it shows that entry's answers.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { uuidv7 } from "../../../../shared/ids";
import { type Answers, checkAnswers, visibleQuestions } from "../../../../shared/surveys/answers";
import { localized, type Profile, type Survey } from "../../../../shared/surveys/model";
import { errorKeyOf } from "../../app/errors";
import { RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { FormActions } from "../../staff/FormActions";
import { expectStatus } from "../../staff/staffFetch";
import { ProfileFields } from "../ProfileFields";
import { QuestionField } from "../QuestionField";

export interface PaperEntry {
  id: string;
  receivedAt: string;
  receiptCode: string;
  answers: Answers;
  profile: Profile;
}

export function PaperForm({
  survey,
  editing,
  onEditing,
  onStored,
}: {
  survey: Survey;
  /** The entry being corrected, or null for a new letter. */
  editing: PaperEntry | null;
  onEditing: (entry: PaperEntry | null) => void;
  onStored: () => void;
}) {
  const { locale } = useT();
  const { api } = useStaffApi();
  const [answers, setAnswers] = useState<Answers>({});
  const [profile, setProfile] = useState<Profile>({});
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const entryId = useRef(uuidv7());
  const codeRef = useRef<HTMLInputElement>(null);
  const codeId = useId();
  const sampled = survey.kind === "sampled";

  useEffect(() => {
    if (!editing) return;
    setAnswers(editing.answers);
    setProfile(editing.profile);
    setMessage(null);
  }, [editing]);

  const reset = () => {
    setAnswers({});
    setProfile({});
    onEditing(null);
    entryId.current = uuidv7();
    if (codeRef.current) codeRef.current.value = "";
    codeRef.current?.focus();
  };

  const store = async () => {
    if (editing) {
      const param = { id: survey.id, responseId: editing.id };
      expectStatus(await api.surveys[":id"].paper[":responseId"].$put({ param, json: { answers, profile } }), 204);
      return { key: "staff:paper.corrected", values: { receipt: editing.receiptCode } };
    }
    const code = codeRef.current?.value.trim() ?? "";
    const json = { id: entryId.current, ...(code ? { code } : {}), answers, profile };
    const receipt = await expectStatus(await api.surveys[":id"].paper.$post({ param: { id: survey.id }, json }), 201, 200).json();
    if (!("receiptCode" in receipt)) return { key: "staff:paper.alreadyStored" };
    return { key: "staff:paper.stored", values: { receipt: receipt.receiptCode } };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blocking = checkAnswers(survey.definition, answers, profile, undefined).filter((i) => i.code !== "unknown_area");
    if (blocking.length > 0) {
      setMessage({ key: "staff:paper.fixAnswers", values: { questions: blocking.map((i) => i.question).join(", ") }, error: true });
      return;
    }
    setBusy(true);
    try {
      setMessage(await store());
      reset();
      onStored();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <Link to={`/staff/surveys/${survey.id}`}>
          <T k="staff:paper.back" />
        </Link>
      </p>
      <h1 tabIndex={-1}>
        <T k="staff:paper.heading" />
      </h1>
      <p className="lead">
        <RubyText text={localized(survey.definition.title, locale)} />
      </p>
      <form onSubmit={(event) => void submit(event)} className="paper-form" noValidate>
        {editing ? (
          <p className="notice">
            <T k="staff:paper.editing" values={{ receipt: editing.receiptCode }} />
          </p>
        ) : (
          <div className="field">
            <label htmlFor={codeId}>
              <T k={sampled ? "staff:paper.code" : "staff:paper.codeOptional"} />
            </label>
            <input
              id={codeId}
              ref={codeRef}
              name="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required={sampled}
            />
          </div>
        )}
        {visibleQuestions(survey.definition, answers).map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            answer={answers[question.id]}
            errorKey={null}
            onChange={(answer) => {
              const next = { ...answers };
              if (answer === undefined) delete next[question.id];
              else next[question.id] = answer;
              setAnswers(next);
            }}
          />
        ))}
        {survey.definition.profile.length > 0 && (
          <ProfileFields fields={survey.definition.profile} ward={survey.ward} profile={profile} onChange={setProfile} />
        )}
        <StatusMessage message={message} />
        <FormActions
          save={editing ? "staff:paper.saveCorrection" : "staff:paper.submit"}
          cancel="staff:paper.cancelCorrection"
          busy={busy}
          onCancel={editing ? reset : undefined}
        />
      </form>
    </>
  );
}
