/**
 * 紙の回答の入力: a keyboard-first form for mailed paper answers. The letter's code first (it stops
 * the same letter being entered twice), then every question on one page, then send; the form
 * empties and the code field takes focus for the next letter. One's own entries can be corrected
 * until the survey closes.
 */
import { type FormEvent, useId, useRef, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { uuidv7 } from "../../../../shared/ids";
import { type Answers, checkAnswers, visibleQuestions } from "../../../../shared/surveys/answers";
import { localized, type Profile, type Survey } from "../../../../shared/surveys/model";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { LoadState } from "../../app/shell/LoadState";
import { ProfileFields } from "../ProfileFields";
import { QuestionField } from "../QuestionField";

interface Entry {
  id: string;
  receivedAt: string;
  receiptCode: string;
  answers: Answers;
  profile: Profile;
}

export function StaffPaperPage({ session, surveyId, onEnded }: { session: StaffSession; surveyId: string; onEnded: () => void }) {
  const { state, retry } = useLoader<{ survey: Survey; entries: Entry[] }>(async () => {
    const [surveyResponse, entriesResponse] = await Promise.all([
      api.api.staff.surveys[":id"].$get({ param: { id: surveyId } }),
      api.api.staff.surveys[":id"].paper.$get({ param: { id: surveyId } }),
    ]);
    if ((entriesResponse.status as number) === 401) onEnded();
    if (surveyResponse.status !== 200) throw surveyResponse;
    if (entriesResponse.status !== 200) throw entriesResponse;
    return { survey: (await surveyResponse.json()) as unknown as Survey, entries: (await entriesResponse.json()).entries as Entry[] };
  }, surveyId);

  if (state.status !== "ready") {
    return (
      <>
        <h1 tabIndex={-1}>
          <T k="staff:paper.heading" />
        </h1>
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      </>
    );
  }
  return <PaperForm session={session} survey={state.data.survey} initialEntries={state.data.entries} />;
}

function PaperForm({ session, survey, initialEntries }: { session: StaffSession; survey: Survey; initialEntries: Entry[] }) {
  const { locale } = useT();
  const [entries, setEntries] = useState(initialEntries);
  // The list is refreshed in place after each entry: the form, and its message, stay.
  const onStored = async () => {
    const response = await api.api.staff.surveys[":id"].paper.$get({ param: { id: survey.id } }).catch(() => null);
    if (response?.status === 200) setEntries((await response.json()).entries as Entry[]);
  };
  const [answers, setAnswers] = useState<Answers>({});
  const [profile, setProfile] = useState<Profile>({});
  const [editing, setEditing] = useState<Entry | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; key: string; values?: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const entryId = useRef(uuidv7());
  const codeRef = useRef<HTMLInputElement>(null);
  const codeId = useId();
  const sampled = survey.kind === "sampled";
  const headers = { "x-csrf-token": session.csrfToken };

  const reset = () => {
    setAnswers({});
    setProfile({});
    setEditing(null);
    entryId.current = uuidv7();
    if (codeRef.current) codeRef.current.value = "";
    codeRef.current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const issues = checkAnswers(survey.definition, answers, profile, undefined);
    const blocking = issues.filter((i) => i.code !== "unknown_area");
    if (blocking.length > 0) {
      setMessage({ kind: "error", key: "staff:paper.fixAnswers", values: { questions: blocking.map((i) => i.question).join(", ") } });
      return;
    }
    setBusy(true);
    try {
      if (editing) {
        const response = await api.api.staff.surveys[":id"].paper[":responseId"].$put(
          { param: { id: survey.id, responseId: editing.id }, json: { answers, profile } },
          { headers },
        );
        if (response.status !== 204) throw response;
        setMessage({ kind: "ok", key: "staff:paper.corrected", values: { receipt: editing.receiptCode } });
      } else {
        const code = codeRef.current?.value.trim() ?? "";
        const response = await api.api.staff.surveys[":id"].paper.$post(
          { param: { id: survey.id }, json: { id: entryId.current, ...(code ? { code } : {}), answers, profile } },
          { headers },
        );
        if (response.status !== 201 && response.status !== 200) throw response;
        const receipt = await response.json();
        setMessage({ kind: "ok", key: "staff:paper.stored", values: { receipt: receipt.receiptCode } });
      }
      reset();
      void onStored();
    } catch (failure) {
      setMessage({ kind: "error", key: await errorKeyOf(failure) });
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
        {message && (
          <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "error" : "ok"}>
            <T k={message.key} values={message.values} />
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            <T k={editing ? "staff:paper.saveCorrection" : "staff:paper.submit"} />
          </button>
          {editing && (
            <button type="button" className="button" onClick={reset}>
              <T k="staff:paper.cancelCorrection" />
            </button>
          )}
        </div>
      </form>
      <section aria-labelledby="paper-entries">
        <h2 id="paper-entries">
          <T k="staff:paper.mine" values={{ count: entries.length }} />
        </h2>
        <ul className="entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <span>
                {entry.receiptCode} · {entry.receivedAt.slice(0, 16).replace("T", " ")}
              </span>
              {survey.status !== "closed" && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setEditing(entry);
                    setAnswers(entry.answers);
                    setProfile(entry.profile);
                    setMessage(null);
                  }}
                >
                  <T k="staff:paper.correct" values={{ receipt: entry.receiptCode }} />
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
