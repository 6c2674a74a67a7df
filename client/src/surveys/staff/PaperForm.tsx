/**
 * The paper-entry form, keyboard first: the letter's code first (checked as it is typed: PaperCode),
 * then every question on one page, numbered as printed, then send; the form empties and the code field
 * takes focus for the next letter. An item left blank is recorded as 無回答 (a required one too); a
 * question its condition hides is not asked (非該当). Given an entry to correct, it shows that entry's answers.
 */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { uuidv7 } from "../../../../shared/ids";
import {
  type Answers,
  checkAnswers,
  isNoAnswer,
  type RecordedAnswers,
  visibleQuestions,
  withNoAnswers,
} from "../../../../shared/surveys/answers";
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
import { PaperCode } from "./PaperCode";
import { PaperQuestion } from "./PaperQuestion";
import { issuesMessage, refusedIssues } from "./paper-issues";

export interface PaperEntry {
  id: string;
  receivedAt: string;
  receiptCode: string;
  /** As stored: items left blank are 無回答 ({ noAnswer: true }). */
  answers: RecordedAnswers;
  profile: Profile;
}

/** A stored entry's answers as the form holds them: 無回答 is simply left blank. */
const givenAnswers = (answers: RecordedAnswers): Answers =>
  Object.fromEntries(Object.entries(answers).flatMap(([id, answer]) => (isNoAnswer(answer) ? [] : [[id, answer]])));

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
  const { locale, t } = useT();
  const { api } = useStaffApi();
  const [answers, setAnswers] = useState<Answers>({});
  const [profile, setProfile] = useState<Profile>({});
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const entryId = useRef(uuidv7());
  const codeRef = useRef<HTMLInputElement>(null);
  const sampled = survey.kind === "sampled";
  const { definition } = survey;

  useEffect(() => {
    if (!editing) return;
    setAnswers(givenAnswers(editing.answers));
    setProfile(editing.profile);
    setMessage(null);
  }, [editing]);

  const reset = () => {
    setAnswers({});
    setProfile({});
    onEditing(null);
    entryId.current = uuidv7();
    setCode("");
    codeRef.current?.focus();
  };

  const store = async (): Promise<StatusText> => {
    if (editing) {
      const param = { id: survey.id, responseId: editing.id };
      expectStatus(await api.surveys[":id"].paper[":responseId"].$put({ param, json: { answers, profile } }), 204);
      return { key: "staff:paper.corrected", values: { receipt: editing.receiptCode } };
    }
    const typed = code.trim();
    const json = { id: entryId.current, ...(typed ? { code: typed } : {}), answers, profile };
    const receipt = await expectStatus(await api.surveys[":id"].paper.$post({ param: { id: survey.id }, json }), 201, 200).json();
    if (!("receiptCode" in receipt)) return { key: "staff:paper.alreadyStored" };
    const count = Object.values(withNoAnswers(definition, answers)).filter(isNoAnswer).length;
    return { key: count > 0 ? "staff:paper.storedNoAnswer" : "staff:paper.stored", values: { receipt: receipt.receiptCode, count } };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Blanks are 無回答, never a problem; what is filled in must fit its question.
    const blocking = checkAnswers(definition, withNoAnswers(definition, answers), profile, undefined, { paper: true }).filter(
      (i) => i.code !== "unknown_area",
    );
    if (blocking.length > 0) return setMessage(issuesMessage(definition, blocking, t, locale));
    setBusy(true);
    try {
      setMessage(await store());
      reset();
      onStored();
    } catch (failure) {
      const issues = await refusedIssues(failure);
      setMessage(issues ? issuesMessage(definition, issues, t, locale) : { key: await errorKeyOf(failure), error: true });
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
        <RubyText text={localized(definition.title, locale)} />
      </p>
      <form onSubmit={(event) => void submit(event)} className="paper-form" noValidate>
        {editing ? (
          <p className="notice">
            <T k="staff:paper.editing" values={{ receipt: editing.receiptCode }} />
          </p>
        ) : (
          <PaperCode surveyId={survey.id} sampled={sampled} code={code} onCode={setCode} inputRef={codeRef} />
        )}
        {visibleQuestions(definition, answers).map((question) => (
          <PaperQuestion
            key={question.id}
            question={question}
            number={definition.questions.indexOf(question) + 1}
            answer={answers[question.id]}
            onChange={(answer) => {
              const next = { ...answers };
              if (answer === undefined) delete next[question.id];
              else next[question.id] = answer;
              setAnswers(next);
            }}
          />
        ))}
        {definition.profile.length > 0 && (
          <ProfileFields fields={definition.profile} ward={survey.ward} profile={profile} onChange={setProfile} />
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
